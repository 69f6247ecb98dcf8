import type { QueueOptions } from 'bullmq';
import type { PlenumConfig } from '@plenum/config';

/** The BullMQ connection shared by the api (producer) and the worker (consumer). */
export function bullConnection(config: PlenumConfig): QueueOptions {
  const url = new URL(config.redisUrl);
  return {
    prefix: `${config.redisPrefix}:bull`,
    connection: {
      host: url.hostname,
      port: Number(url.port || 6379),
      username: url.username || undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
      tls: url.protocol === 'rediss:' ? {} : undefined,
    },
  };
}
