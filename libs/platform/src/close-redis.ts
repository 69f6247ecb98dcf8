import type Redis from 'ioredis';

/**
 * Closes an ioredis client on shutdown and resolves once its connection has ended (or after
 * `maxWaitMs`). A ready client quits politely, so pending replies arrive first; one that is
 * connecting or reconnecting is dropped at once, because quit() would wait for a connection
 * that may never come.
 */
export async function closeRedisClient(
  client: Redis | undefined,
  maxWaitMs = 2_000,
): Promise<void> {
  if (!client || client.status === 'end') return;
  const ended = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, maxWaitMs);
    timer.unref();
    client.once('end', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  if (client.status === 'ready') {
    await client.quit().catch(() => client.disconnect());
  } else {
    client.disconnect();
  }
  await ended;
}
