// idle-sockets: 10,000 authenticated sockets that joined the lobby and then sit idle. Measures
// the api's heap per socket (after a full garbage collection, before and after).
import { dropDatabase, ensureBuilt, freshDatabase, report, startApi } from './lib/harness.mjs';
import {
  benchMetricsEnv,
  lobbyRoom,
  loginAttendees,
  metrics,
  round,
  startLoadClients,
} from './lib/live-bench.mjs';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 10_000);
const CLIENTS = 4;
const PEOPLE = 400;
const DB = 'plenum_bench_idle_sockets';

ensureBuilt();
const databaseUrl = await freshDatabase(DB);
const api = await startApi({
  port: 3412,
  env: {
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: 'plenum-bench-idle-sockets',
    DEMO_SEED: 'auto',
    ...benchMetricsEnv,
    NODE_OPTIONS: '--expose-gc',
  },
});
let load;
try {
  const room = await lobbyRoom(api.url);
  const step = (what) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${what}`);
  step(`api up; signing in ${PEOPLE} attendees`);
  const tokens = await loginAttendees(api.url, PEOPLE);
  step(`connecting ${SOCKETS} sockets`);
  const before = await metrics(api.url, { gc: true });
  const started = Date.now();
  const perClient = PEOPLE / CLIENTS;
  load = await startLoadClients(
    Array.from({ length: CLIENTS }, (_, i) => ({
      url: api.url,
      room,
      sockets: SOCKETS / CLIENTS,
      tokens: tokens.slice(i * perClient, (i + 1) * perClient),
    })),
  );
  const connectSeconds = (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 5000));
  // This scrape also starts the idle event-loop window that the next one reads.
  const after = await metrics(api.url, { gc: true });
  await new Promise((r) => setTimeout(r, 5000));
  const idle = await metrics(api.url);
  const results = await load.stop();
  load = undefined;
  const connected = results.reduce((n, r) => n + r.connected, 0);
  report('idle-sockets', {
    sockets: connected,
    connect_s: round(connectSeconds),
    connect_per_s: round(connected / connectSeconds),
    heap_before_mb: round(before.heap_used_mb),
    heap_mb: round(after.heap_used_mb),
    heap_per_socket_kb: round(((after.heap_used_mb - before.heap_used_mb) * 1024) / connected, 2),
    rss_mb: round(after.rss_mb),
    rss_per_socket_kb: round(((after.rss_mb - before.rss_mb) * 1024) / connected, 2),
    idle_loop_p99_ms: round(idle.loop_p99_ms),
  });
} finally {
  load?.kill();
  await api.stop();
  await dropDatabase(DB);
}
