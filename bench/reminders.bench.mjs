// reminders: 10,000 attendees with the same session in their agenda, its reminder due at one
// instant. Measures how late the in-app notices reach Socket.IO (the Redis emitter's publish,
// observed on the adapter's channel) after the due time, how many e-mails per second a local
// SMTP server accepts, and the Redis memory that 100,000 scheduled reminder jobs take.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import {
  dropDatabase,
  ensureBuilt,
  freshDatabase,
  percentile,
  report,
  root,
  startApi,
} from './lib/harness.mjs';

const ATTENDEES = Number(process.env.BENCH_ATTENDEES ?? 10_000);
const JOBS = Number(process.env.BENCH_JOBS ?? 100_000);
const LEAD_MS = 20_000;
const DB = 'plenum_bench_reminders';
const PREFIX = 'plenum-bench-reminders';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const step = (what) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${what}`);

ensureBuilt();
const redis = new Redis(REDIS_URL);
async function clearPrefix(prefix) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
await clearPrefix(`${PREFIX}:`);
const databaseUrl = await freshDatabase(DB);

// The api migrates and seeds the demo congress; it is not needed for the measurement itself.
const api = await startApi({
  port: 3461,
  env: { DATABASE_URL: databaseUrl, REDIS_PREFIX: PREFIX, DEMO_SEED: 'auto' },
});
await api.stop();

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const [{ id: eventId }] = (await db.query(`SELECT id FROM events LIMIT 1`)).rows;
step(`adding ${ATTENDEES} attendees with the session in their agenda`);
await db.query(
  `INSERT INTO users (email, display_name, locale)
   SELECT format('bench%s@plenum.test', lpad(i::text, 5, '0')), format('Bench %s', i),
          CASE WHEN i % 2 = 0 THEN 'de' ELSE 'en' END
   FROM generate_series(1, $1) i`,
  [ATTENDEES],
);
await db.query(
  `INSERT INTO memberships (event_id, user_id, role)
   SELECT $1, id, 'attendee' FROM users WHERE email LIKE 'bench%@plenum.test'`,
  [eventId],
);
await db.query(`INSERT INTO reminder_settings (event_id, offsets_minutes) VALUES ($1, '{1}')`, [
  eventId,
]);
const startsAt = new Date(Date.now() + 60_000 + LEAD_MS);
startsAt.setMilliseconds(0);
const dueAt = startsAt.getTime() - 60_000;
const [{ id: sessionId }] = (
  await db.query(
    `INSERT INTO sessions (event_id, kind, title, starts_at, ends_at)
     VALUES ($1, 'keynote', 'Benchmark-Keynote', $2, $3) RETURNING id`,
    [eventId, startsAt, new Date(startsAt.getTime() + 1_800_000)],
  )
).rows;
await db.query(
  `INSERT INTO agenda_items (user_id, session_id, event_id)
   SELECT id, $1, $2 FROM users WHERE email LIKE 'bench%@plenum.test'`,
  [sessionId, eventId],
);

// Every in-app notice is one publish of the Socket.IO Redis emitter to a user room.
const subscriber = new Redis(REDIS_URL);
const arrivals = [];
await subscriber.psubscribe(`${PREFIX}:socket.io#/live#user:*`);
subscriber.on('pmessageBuffer', () => arrivals.push(Date.now()));

const mailTimes = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      mailTimes.push(Date.now());
      callback();
    });
  },
});
smtp.on('error', () => undefined);
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));

step('starting the worker; it rebuilds the reminder job from PostgreSQL');
const worker = spawn(process.execPath, [join(root, 'dist/apps/worker/src/main.js')], {
  cwd: root,
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    REDIS_PREFIX: PREFIX,
    SMTP_URL: `smtp://127.0.0.1:${smtp.server.address().port}`,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

const deadline = dueAt + 600_000;
while ((arrivals.length < ATTENDEES || mailTimes.length < ATTENDEES) && Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 500));
}
step(`in-app ${arrivals.length}, e-mails ${mailTimes.length}`);
const lateness = arrivals.map((t) => t - dueAt).sort((a, b) => a - b);
const mailSpan = (Math.max(...mailTimes) - Math.min(...mailTimes)) / 1000;
const [{ failed }] = (
  await db.query(
    `SELECT count(*) FILTER (WHERE status = 'failed')::int AS failed FROM reminder_deliveries`,
  )
).rows;
worker.kill('SIGTERM');
await new Promise((r) => worker.once('exit', r));
await new Promise((r) => smtp.close(r));
await subscriber.quit();
await db.end();

step(`adding ${JOBS} delayed reminder jobs under a bench prefix`);
const memPrefix = `${PREFIX}-memory`;
const used = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))[1]);
const queue = new Queue('reminders', {
  prefix: `${memPrefix}:bull`,
  connection: { host: new URL(REDIS_URL).hostname, port: Number(new URL(REDIS_URL).port || 6379) },
});
await queue.waitUntilReady();
const before = await used();
const base = Date.now() + 7 * 86_400_000;
for (let i = 0; i < JOBS; i += 1000) {
  await queue.addBulk(
    Array.from({ length: Math.min(1000, JOBS - i) }, (_, k) => {
      const n = i + k;
      const session = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      const start = new Date(base + n * 60_000);
      return {
        name: 'reminder',
        data: {
          kind: 'reminder',
          sessionId: session,
          offsetMinutes: 15,
          startsAt: start.toISOString(),
        },
        opts: {
          jobId: `reminder_${session}_15_${start.getTime()}`,
          delay: start.getTime() - 15 * 60_000 - Date.now(),
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: 5000 },
          attempts: 3,
          backoff: { type: 'exponential', delay: 5000 },
        },
      };
    }),
  );
}
const after = await used();
await queue.obliterate({ force: true });
await queue.close();
await clearPrefix(`${memPrefix}:`);
await clearPrefix(`${PREFIX}:`);
await redis.quit();
await dropDatabase(DB);

report('reminders', {
  attendees: ATTENDEES,
  in_app_delivered: arrivals.length,
  p50_ms: percentile(lateness, 50),
  p99_ms: percentile(lateness, 99),
  max_ms: lateness.at(-1) ?? null,
  emails_accepted: mailTimes.length,
  email_per_s: Math.round(mailTimes.length / Math.max(mailSpan, 0.001)),
  failed_deliveries: failed,
  redis_jobs: JOBS,
  redis_jobs_mb: Math.round(((after - before) / 2 ** 20) * 10) / 10,
  redis_bytes_per_job: Math.round((after - before) / JOBS),
});
process.exit(0);
