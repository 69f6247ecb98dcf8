// qa-votes: 400 attendees upvoting (and taking back) votes across 50 approved questions of the
// live panel at 1,000 votes/s in total for 30 s. Measures the vote acknowledgement latency,
// whether the final counts equal the vote rows and what the voters' own acks say (lost or
// double-counted votes), and how many coalesced `qa:votes` broadcasts a socket receives per
// second. Load runs in child processes so it does not share an event loop with the api.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import {
  dropDatabase,
  ensureBuilt,
  freshDatabase,
  percentile,
  report,
  startApi,
} from './lib/harness.mjs';
import { benchMetricsEnv, liveSession, loginAttendees, metrics, round } from './lib/live-bench.mjs';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 400);
const QUESTIONS = 50;
const PER_SECOND = Number(process.env.BENCH_VOTES_PER_S ?? 1000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 30);
const CLIENTS = 2;
const DB = 'plenum_bench_qa_votes';

/** CPU time a process has used (user + system) in ms; the shared machine disturbs it less than latency. */
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

ensureBuilt();
const databaseUrl = await freshDatabase(DB);
const api = await startApi({
  port: 3431,
  env: {
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: 'plenum-bench-qa-votes',
    DEMO_SEED: 'auto',
    ...benchMetricsEnv,
  },
});
const db = new pg.Client({ connectionString: databaseUrl });
const children = [];
try {
  await db.connect();
  const step = (what) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${what}`);
  const sessionId = await liveSession(api.url);
  // Setup, not measured: fifty approved questions, asked by the first fifty attendees.
  const { rows } = await db.query(
    `INSERT INTO questions (event_id, session_id, author_id, body, state)
     SELECT s.event_id, s.id, u.id, 'Benchmark-Frage ' || n, 'approved'
       FROM sessions s, generate_series(1, $2::int) AS n
       JOIN users u ON u.email = 'attendee' || lpad(n::text, 3, '0') || '@plenum.test'
      WHERE s.id = $1
     RETURNING id`,
    [sessionId, QUESTIONS],
  );
  const questionIds = rows.map((r) => r.id);
  step(`api up; signing in ${PEOPLE} attendees`);
  const tokens = await loginAttendees(api.url, PEOPLE);
  step(`connecting ${PEOPLE} sockets`);
  const per = PEOPLE / CLIENTS;
  for (let i = 0; i < CLIENTS; i++) {
    const child = fork(join(import.meta.dirname, 'lib/qa-vote-load.mjs'), [], {
      env: {
        ...process.env,
        QA_LOAD: JSON.stringify({
          url: api.url,
          sessionId,
          questionIds,
          tokens: tokens.slice(i * per, (i + 1) * per),
        }),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
  }
  await Promise.all(
    children.map(
      (child, i) =>
        new Promise((resolve, reject) => {
          child.on('message', (m) => {
            if (m.type === 'ready') resolve();
            if (m.type === 'error') reject(new Error(`load client ${i}: ${m.message}`));
          });
        }),
    ),
  );
  step(`voting ${PER_SECOND}/s for ${DURATION_S} s`);
  await metrics(api.url); // starts the event-loop window
  const cpuBefore = cpuMs(api.pid);
  for (const child of children) child.send({ type: 'start', perSecond: PER_SECOND / CLIENTS });
  await new Promise((r) => setTimeout(r, DURATION_S * 1000));
  const server = await metrics(api.url);
  const cpuUsed = cpuMs(api.pid) - cpuBefore;
  const results = await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          child.on('message', (m) => m.type === 'result' && resolve(m));
          child.send({ type: 'stop', drainMs: 1000 });
        }),
    ),
  );

  const { rows: counts } = await db.query(
    `SELECT q.id, q.vote_count,
            (SELECT count(*)::int FROM question_votes v WHERE v.question_id = q.id) AS rows
       FROM questions q WHERE q.id = ANY($1::uuid[])`,
    [questionIds],
  );
  const expected = {};
  for (const r of results) {
    for (const [q, n] of Object.entries(r.expected)) expected[q] = (expected[q] ?? 0) + n;
  }
  let lost = 0;
  let duplicated = 0;
  let countDrift = 0;
  for (const row of counts) {
    const want = expected[row.id] ?? 0;
    if (row.rows < want) lost += want - row.rows;
    if (row.rows > want) duplicated += row.rows - want;
    countDrift += Math.abs(row.vote_count - row.rows);
  }
  const acked = results.reduce((n, r) => n + r.acked, 0);
  const errorCodes = {};
  for (const r of results) {
    for (const [code, n] of Object.entries(r.errorCodes))
      errorCodes[code] = (errorCodes[code] ?? 0) + n;
  }
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  report('qa-votes', {
    attendees: PEOPLE,
    questions: QUESTIONS,
    duration_s: DURATION_S,
    votes_acked: acked,
    vote_errors: results.reduce((n, r) => n + r.errors, 0),
    error_codes: errorCodes,
    per_s: round(acked / DURATION_S, 1),
    p50_ms: round(percentile(latencies, 50)),
    p99_ms: round(percentile(latencies, 99)),
    max_ms: round(latencies.at(-1) ?? 0),
    lost,
    duplicated,
    count_drift: countDrift,
    broadcasts_per_s: round(results[0].broadcasts / DURATION_S, 2),
    loop_p99_ms: round(server.loop_p99_ms),
    // Over every vote answered (acked or refused) during the run.
    api_cpu_ms_per_vote: round(
      cpuUsed / Math.max(1, acked + results.reduce((n, r) => n + r.errors, 0)),
      3,
    ),
    target: '>= 1,000 votes/s acked (of 1,000/s offered), ack p99 < 50 ms, 0 lost',
    // A load process skips a vote whose person already has one in flight on that question,
    // so slightly under the offered rate is acked even when nothing is refused.
    target_met:
      acked / DURATION_S >= PER_SECOND * 0.99 &&
      percentile(latencies, 99) < 50 &&
      lost === 0 &&
      duplicated === 0,
  });
} finally {
  for (const child of children) child.kill('SIGKILL');
  await db.end().catch(() => undefined);
  await api.stop();
  await dropDatabase(DB);
}
