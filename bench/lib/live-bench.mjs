// Shared steps of the live benchmarks: tokens for demo attendees, load client processes, metrics.
import { fork } from 'node:child_process';
import { join } from 'node:path';

export async function loginAttendees(url, n, concurrency = 4) {
  const tokens = [];
  let next = 1;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next <= n) {
        const i = next++;
        const email = `attendee${String(i).padStart(3, '0')}@plenum.test`;
        const res = await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: 'plenum' }),
        });
        if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
        tokens[i - 1] = (await res.json()).accessToken;
      }
    }),
  );
  return tokens;
}

/** Starts load client processes and resolves when every socket is connected (and joined). */
export async function startLoadClients(specs) {
  const clients = specs.map((spec, i) => {
    const child = fork(join(import.meta.dirname, 'live-load.mjs'), [], {
      env: { ...process.env, LIVE_LOAD: JSON.stringify({ ...spec, tag: `c${i}` }) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = new Promise((resolve, reject) => {
      child.on('message', (m) => {
        if (m.type === 'ready') resolve(m);
        if (m.type === 'error') reject(new Error(`load client ${i}: ${m.message}`));
      });
      child.on('exit', (code) => code && reject(new Error(`load client ${i} exited ${code}`)));
    });
    return { child, ready };
  });
  await Promise.all(clients.map((c) => c.ready));
  return {
    start(perSecondEach) {
      // The clients' sends interleave evenly (with 4 clients at 1.25/s each: one send every
      // 200 ms overall). Timers started at arbitrary phases made sends of several clients fall
      // together now and then, so that the offered rate depended on when processes started.
      // BENCH_PACING=random starts each client at a random phase instead, to see the tail when
      // sends of several clients coincide (as real chat traffic does now and then).
      const spacingMs = 1000 / (perSecondEach * clients.length);
      const random = process.env.BENCH_PACING === 'random';
      clients.forEach(({ child }, i) =>
        child.send({
          type: 'start',
          perSecond: perSecondEach,
          delayMs: random ? Math.random() * (1000 / perSecondEach) : i * spacingMs,
        }),
      );
    },
    async stop(drainMs = 0) {
      const results = clients.map(
        ({ child }, i) =>
          new Promise((resolve, reject) => {
            child.on('message', (m) => m.type === 'result' && resolve(m));
            child.on('exit', (code) => reject(new Error(`load client ${i} exited ${code}`)));
          }),
      );
      for (const { child } of clients) child.send({ type: 'stop', drainMs });
      return Promise.all(results);
    },
    kill() {
      for (const { child } of clients) child.kill('SIGKILL');
    },
  };
}

/** The api's metrics token in the benchmarks; put `benchMetricsEnv` into startApi's env. */
const METRICS_TOKEN = 'plenum-bench-metrics-token';
export const benchMetricsEnv = { METRICS_TOKEN };

/**
 * Process figures of the api from its Prometheus endpoint, read from outside so the load
 * generator does not share the process it measures. Every scrape starts a new event-loop window
 * (prom-client resets its delay histogram), so the loop figures cover the time since the
 * previous call. `{ gc: true }` runs a full GC first (the api must run with --expose-gc).
 */
export async function metrics(url, { gc = false } = {}) {
  const res = await fetch(`${url}/metrics${gc ? '?gc=1' : ''}`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  if (!res.ok) throw new Error(`metrics: ${res.status} (is benchMetricsEnv in the api's env?)`);
  if (gc && res.headers.get('x-plenum-gc') !== 'done') {
    throw new Error('metrics: no GC was run (the api runs without --expose-gc)');
  }
  const values = new Map();
  for (const line of (await res.text()).split('\n')) {
    // Only the unlabelled process series are read here.
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*) (\S+)$/.exec(line);
    if (match) values.set(match[1], Number(match[2]));
  }
  const read = (name) => {
    if (!values.has(name)) throw new Error(`metrics: ${name} is missing`);
    return values.get(name);
  };
  return {
    loop_p50_ms: read('nodejs_eventloop_lag_p50_seconds') * 1000,
    loop_p99_ms: read('nodejs_eventloop_lag_p99_seconds') * 1000,
    loop_max_ms: read('nodejs_eventloop_lag_max_seconds') * 1000,
    heap_used_mb: read('nodejs_heap_size_used_bytes') / 2 ** 20,
    rss_mb: read('process_resident_memory_bytes') / 2 ** 20,
  };
}

export async function liveSession(url) {
  const res = await fetch(`${url}/api/events/digitale-staedte/now-next`);
  const body = await res.json();
  const session = body.now.find((s) => s.kind !== 'workshop');
  if (!session) throw new Error('nothing on now in the demo congress');
  return session.id;
}

export async function lobbyRoom(url) {
  const res = await fetch(`${url}/api/events/digitale-staedte`);
  return `event:${(await res.json()).id}`;
}

export const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
