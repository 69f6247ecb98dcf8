// chat-fanout: 2,000 sockets in one session room, 5 chat messages a second spread over many
// senders, for 60 s. Measures send-to-receive latency at every socket, lost and duplicated
// deliveries, and the api's event-loop delay and heap.
import pg from 'pg';
import {
  cpuMs,
  dropDatabase,
  ensureBuilt,
  freshDatabase,
  percentile,
  report,
  startApi,
} from './lib/harness.mjs';
import {
  benchMetricsEnv,
  liveSession,
  loginAttendees,
  metrics,
  round,
  startLoadClients,
} from './lib/live-bench.mjs';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 2000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const PEOPLE = 200;
const PER_SECOND = 5;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 60);
const DB = 'plenum_bench_chat_fanout';

ensureBuilt();
const databaseUrl = await freshDatabase(DB);
const api = await startApi({
  port: 3411,
  env: {
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: 'plenum-bench-chat-fanout',
    DEMO_SEED: 'auto',
    ...benchMetricsEnv,
    NODE_OPTIONS: '--expose-gc',
  },
});
let load;
try {
  const room = `session:${await liveSession(api.url)}`;
  const step = (what) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${what}`);
  step(`api up; signing in ${PEOPLE} attendees`);
  const tokens = await loginAttendees(api.url, PEOPLE);
  step(`connecting ${SOCKETS} sockets`);
  const perClient = PEOPLE / CLIENTS;
  load = await startLoadClients(
    Array.from({ length: CLIENTS }, (_, i) => ({
      url: api.url,
      room,
      sockets: SOCKETS / CLIENTS,
      tokens: tokens.slice(i * perClient, (i + 1) * perClient),
    })),
  );
  step(`sending ${PER_SECOND}/s for ${DURATION_S} s`);
  await metrics(api.url); // starts the event-loop window
  const apiCpuBefore = cpuMs(api.pid);
  load.start(PER_SECOND / CLIENTS);
  await new Promise((r) => setTimeout(r, DURATION_S * 1000));
  const apiCpu = cpuMs(api.pid) - apiCpuBefore;
  const server = await metrics(api.url, { gc: true });
  const results = await load.stop(3000);
  load = undefined;

  // What counts as sent is what PostgreSQL holds: a send whose acknowledgement timed out may
  // still have been committed and broadcast, and then every socket must have it too.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const [{ committed }] = (
    await db.query(
      `SELECT count(*)::int AS committed FROM chat_messages WHERE room = $1 AND body LIKE 'b|%'`,
      [room],
    )
  ).rows;
  await db.end();
  const sent = results.reduce((n, r) => n + r.sent, 0);
  const sockets = results.reduce((n, r) => n + r.sockets, 0);
  const received = results.reduce((n, r) => n + r.received, 0);
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  report('chat-fanout', {
    sockets,
    duration_s: DURATION_S,
    messages_sent: sent,
    send_errors: results.reduce((n, r) => n + r.sendErrors, 0),
    per_s: round(sent / DURATION_S, 2),
    deliveries: received,
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    max_ms: latencies.at(-1) ?? null,
    messages_committed: committed,
    lost: committed * sockets - received,
    duplicated: results.reduce((n, r) => n + r.duplicated, 0),
    reordered: results.reduce((n, r) => n + r.reordered, 0),
    loop_p99_ms: round(server.loop_p99_ms),
    heap_mb: round(server.heap_used_mb),
    // Share of one core used while sending: the api, and all load clients together.
    api_cpu_pct: round((apiCpu / (DURATION_S * 1000)) * 100),
    clients_cpu_pct: round(
      (results.reduce((n, r) => n + r.cpu_ms, 0) / (DURATION_S * 1000 + 3000)) * 100,
    ),
  });
} finally {
  load?.kill();
  await api.stop();
  await dropDatabase(DB);
}
