import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DatabaseWatch } from '@plenum/db';
import { TcpProxy } from '../support/tcp-proxy';

/**
 * The watch must tell a stalled PostgreSQL from a loaded or refusing one: only the first makes
 * requests answer 503 and closes the pool's connections. Real PostgreSQL; the probe goes
 * through a proxy the test stalls.
 */
const direct = 'postgres://postgres@127.0.0.1:5432/postgres';
const limits = { statementTimeoutMs: 0, poolTimeoutMs: 2000, probeTimeoutMs: 300 };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (check()) return true;
    await sleep(20);
  }
  return check();
}

describe('DatabaseWatch', () => {
  let proxy: TcpProxy;
  const watches: DatabaseWatch[] = [];

  beforeEach(async () => {
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: 5432 });
  });
  afterEach(async () => {
    for (const watch of watches.splice(0)) await watch.stop();
    await proxy.close();
  });

  function watchThroughProxy(): DatabaseWatch {
    const watch = new DatabaseWatch(`postgres://postgres@127.0.0.1:${proxy.port}/postgres`, limits);
    watches.push(watch);
    watch.start();
    return watch;
  }

  it('counts the database away when nothing is heard from it, and back when it answers', async () => {
    const watch = watchThroughProxy();
    await sleep(400);
    expect(watch.available).toBe(true);
    proxy.stall();
    expect(await until(() => !watch.available, 3000)).toBe(true);
    proxy.restore();
    expect(await until(() => watch.available, 3000)).toBe(true);
  });

  it('keeps a slow probe from failing the pool while its connections hear the server', async () => {
    const watch = watchThroughProxy();
    // A pooled connection of the watch's own class, straight to the server: it keeps working.
    const Watched = watch.clientClass();
    const pooled = new Watched(direct);
    await pooled.connect();
    let busy = true;
    let answered = 0;
    const traffic = (async () => {
      while (busy) {
        await pooled.query('SELECT pg_sleep(0.05)');
        answered++;
      }
    })();
    try {
      await sleep(400);
      proxy.stall(); // only the probe's path stalls
      // Three probe timeouts' worth: the pool is heard all along, so the watch stays calm.
      const wentAway = await until(() => !watch.available, 1500);
      expect(wentAway).toBe(false);
      expect(answered).toBeGreaterThan(5);
      busy = false;
      await traffic;
      // Silence everywhere now: the stalled probe is what counts.
      expect(await until(() => !watch.available, 3000)).toBe(true);
    } finally {
      busy = false;
      await traffic.catch(() => undefined);
      await pooled.end().catch(() => undefined);
    }
  });

  it('takes a refusal from the server itself (too many connections) for a server that is there', async () => {
    const role = `watch_${randomBytes(4).toString('hex')}`;
    const admin = new Client(direct);
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 0`);
      const watch = new DatabaseWatch(`postgres://${role}@127.0.0.1:5432/postgres`, limits);
      watches.push(watch);
      watch.start();
      // Several probes, each refused with 53300 by a server that answers.
      const wentAway = await until(() => !watch.available, 1500);
      expect(wentAway).toBe(false);
      await watch.stop();
    } finally {
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });
});
