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

export async function metrics(url, query = '') {
  const res = await fetch(`${url}/api/bench/metrics${query}`);
  if (!res.ok) throw new Error(`metrics: ${res.status} (is PLENUM_BENCH_METRICS=1 set?)`);
  return res.json();
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
