// programme-api: the public programme of a 500-session event under load. The built api runs as
// its own process; autocannon runs as another, so the load generator is not measured with it.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  cpuMs,
  dropDatabase,
  ensureBuilt,
  freshDatabase,
  report,
  root,
  startApi,
} from './lib/harness.mjs';

const require = createRequire(import.meta.url);
const SESSIONS = 500;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3911);
const DB = 'plenum_bench_programme';

/** A schedule JSON file with 500 sessions on ten stages over three days. */
function schedule() {
  const days = [];
  for (let d = 0; d < 3; d++) {
    const date = `2026-06-${String(10 + d).padStart(2, '0')}`;
    const rooms = {};
    for (
      let i = 0;
      i < Math.ceil(SESSIONS / 3) && d * Math.ceil(SESSIONS / 3) + i < SESSIONS;
      i++
    ) {
      const n = d * Math.ceil(SESSIONS / 3) + i;
      const room = `Bühne ${(i % 10) + 1}`;
      const minutes = 8 * 60 + Math.floor(i / 10) * 30;
      const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
      const mm = String(minutes % 60).padStart(2, '0');
      (rooms[room] ??= []).push({
        guid: randomUUID(),
        id: n + 1,
        date: `${date}T${hh}:${mm}:00+02:00`,
        start: `${hh}:${mm}`,
        duration: '00:25',
        room,
        slug: `bench-${n + 1}`,
        title: `Vortrag ${n + 1}: Kommunale Daten und smarte Regionen`,
        subtitle: '',
        track: `Track ${(n % 8) + 1}`,
        type: n % 7 === 0 ? 'workshop' : 'talk',
        language: 'de',
        abstract:
          'Ein Praxisbericht aus hessischen Kommunen über Daten, Netze und Verwaltung, mit ' +
          'Beispielen aus Stadt und Land und Zeit für Fragen aus dem Publikum.',
        persons: [
          {
            guid: randomUUID(),
            name: `Referent:in ${n + 1}`,
            biography: 'Arbeitet an Projekten für smarte Kommunen.',
          },
        ],
        links: [],
      });
    }
    days.push({
      index: d + 1,
      date,
      day_start: `${date}T06:00:00+02:00`,
      day_end: `${date}T23:59:00+02:00`,
      rooms,
    });
  }
  return {
    schedule: {
      version: '1',
      conference: {
        acronym: 'bench_congress',
        title: 'Benchmark-Kongress',
        start: '2026-06-10',
        end: '2026-06-12',
        daysCount: 3,
        timeslot_duration: '00:05',
        time_zone_name: 'Europe/Berlin',
        days,
      },
    },
  };
}

async function call(base, method, path, { token, body } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return { res, body: text ? JSON.parse(text) : undefined };
}

/**
 * Runs the plain keep-alive load generator in its own process (see lib/http-load.mjs), and
 * adds the api's CPU time per request: steadier than req/s while others share the machine.
 */
async function httpLoad(url, headers) {
  const cpuBefore = cpuMs(api.pid);
  const result = await runHttpLoad(url, headers);
  const cpuAfter = cpuMs(api.pid);
  const cpu_us_per_req =
    cpuBefore === null || cpuAfter === null
      ? null
      : Math.round(((cpuAfter - cpuBefore) * 1000) / result.requests);
  return { ...result, cpu_us_per_req };
}

function runHttpLoad(url, headers) {
  const args = [
    join(root, 'bench/lib/http-load.mjs'),
    url,
    String(CONNECTIONS),
    String(DURATION_S),
    ...Object.entries(headers).map(([k, v]) => `${k}=${v}`),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim())) : reject(new Error(`http-load exited ${code}`)),
    );
  });
}

/** Runs autocannon in its own process and returns its JSON summary. */
function autocannon(url, headers) {
  const args = [
    require.resolve('autocannon/autocannon.js'),
    '--json',
    '-c',
    String(CONNECTIONS),
    '-d',
    String(DURATION_S),
    ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]),
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()));
      } catch (e) {
        reject(new Error(`autocannon output unreadable: ${String(e)}\n${out}\n${err}`));
      }
    });
  });
}

const figures = (r) => ({
  per_s: Math.round(r.requests.average),
  p50_ms: r.latency.p50,
  p99_ms: r.latency.p99,
  max_ms: r.latency.max,
  // 304 counts as "non2xx" in autocannon; only failures and 4xx/5xx answers are errors here.
  errors: r.errors + r.timeouts + (r['4xx'] ?? 0) + (r['5xx'] ?? 0),
});

ensureBuilt();
const databaseUrl = await freshDatabase(DB);
const api = await startApi({
  port: PORT,
  env: { DATABASE_URL: databaseUrl, REDIS_PREFIX: 'plenum-bench-programme', DEMO_SEED: 'auto' },
});
try {
  const login = await call(api.url, 'POST', '/api/auth/login', {
    body: { email: 'organizer@plenum.test', password: 'plenum' },
  });
  const token = login.body.accessToken;
  await call(api.url, 'POST', '/api/events', {
    token,
    body: {
      slug: 'bench-500',
      title: 'Benchmark-Kongress',
      timeZone: 'Europe/Berlin',
      startsOn: '2026-06-10',
      endsOn: '2026-06-12',
    },
  });
  const imported = await call(api.url, 'POST', '/api/events/bench-500/schedule/import', {
    token,
    body: schedule(),
  });
  if (imported.body.created !== SESSIONS)
    throw new Error(`imported ${imported.body.created} sessions`);

  const url = `${api.url}/api/events/bench-500/programme`;
  const first = await call(api.url, 'GET', '/api/events/bench-500/programme');
  const etag = first.res.headers.get('etag');
  const payload = Buffer.from(JSON.stringify(first.body));

  // Browsers always accept gzip, so that is the headline; then a revalidating client (304),
  // then a client that takes the plain body. Each runs in autocannon and in the plain load
  // generator: autocannon turns every body chunk into a string, which caps it far below the
  // server on binary (gzip) bodies, so its figures measure the client as much as the api.
  const gzipHeaders = { 'accept-encoding': 'gzip' };
  const revalidateHeaders = { 'accept-encoding': 'gzip', 'if-none-match': etag };
  const gzip = await httpLoad(url, gzipHeaders);
  // BENCH_QUICK=1 runs the headline only (for profiling and before/after comparisons).
  const quick = process.env.BENCH_QUICK === '1';
  const skipped = { per_s: null, p50_ms: null, p99_ms: null, errors: 0, cpu_us_per_req: null };
  const revalidate = quick ? skipped : await httpLoad(url, revalidateHeaders);
  const plain = quick ? skipped : await httpLoad(url, {});
  const acGzip = quick ? skipped : figures(await autocannon(url, gzipHeaders));
  const acRevalidate = quick ? skipped : figures(await autocannon(url, revalidateHeaders));

  // A change must show at once: edit a session and read the programme again.
  const session = first.body.sessions[0];
  const changedAt = Date.now();
  await call(api.url, 'PATCH', `/api/events/bench-500/sessions/${session.id}`, {
    token,
    body: { title: `${session.title} (geändert)` },
  });
  const after = await call(api.url, 'GET', '/api/events/bench-500/programme');
  const invalidated =
    after.res.headers.get('etag') !== etag &&
    after.body.sessions.find((s) => s.id === session.id)?.title === `${session.title} (geändert)`;

  report('programme-api', {
    sessions: SESSIONS,
    connections: CONNECTIONS,
    duration_s: DURATION_S,
    pipelining: 1,
    per_s: gzip.per_s,
    p50_ms: gzip.p50_ms,
    p99_ms: gzip.p99_ms,
    max_ms: gzip.max_ms,
    api_cpu_us_per_req: gzip.cpu_us_per_req,
    revalidate_per_s: revalidate.per_s,
    revalidate_p50_ms: revalidate.p50_ms,
    revalidate_p99_ms: revalidate.p99_ms,
    revalidate_api_cpu_us_per_req: revalidate.cpu_us_per_req,
    plain_per_s: plain.per_s,
    plain_p50_ms: plain.p50_ms,
    plain_p99_ms: plain.p99_ms,
    plain_api_cpu_us_per_req: plain.cpu_us_per_req,
    autocannon_per_s: acGzip.per_s,
    autocannon_p50_ms: acGzip.p50_ms,
    autocannon_p99_ms: acGzip.p99_ms,
    autocannon_revalidate_per_s: acRevalidate.per_s,
    autocannon_revalidate_p99_ms: acRevalidate.p99_ms,
    errors: gzip.errors + revalidate.errors + plain.errors + acGzip.errors + acRevalidate.errors,
    body_kb: Math.round(payload.length / 1024),
    gzip_kb: Math.round(gzipSync(payload).length / 1024),
    invalidated,
    invalidation_ms: Date.now() - changedAt,
    target_met: gzip.per_s >= 3000 && gzip.p99_ms < 50,
  });
} finally {
  await api.stop();
  await dropDatabase(DB);
}
