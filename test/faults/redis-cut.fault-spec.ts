import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { SignJWT } from 'jose';
import { Client } from 'pg';
import type { ChatMessageView } from '@plenum/contracts';
import { createSuiteDatabase, databaseUrl, dropDatabase } from '../support/databases';
import { call, connectLive } from '../support/live-client';
import type { LiveSocket } from '../support/live-client';
import {
  builtApi,
  builtWorker,
  isHealthy,
  randomPort,
  runNode,
  waitFor,
} from '../support/processes';
import type { RunningProcess } from '../support/processes';
import { TcpProxy } from '../support/tcp-proxy';
import { ApiClient, deleteRedisKeys, randomSecret } from '../support/test-app';

/*
 * Redis cut for 10 s under a chat in full flow (issue 14): two api instances and the worker, all
 * reaching Redis through a proxy the test cuts; CLIENTS people in one room, each sending every
 * few seconds. 100 by default: on the shared 2-core machine the jest process, which receives
 * every broadcast to every person, becomes the bottleneck above that (its timers ran up to 4 s
 * late with 200). FAULT_CLIENTS=200 runs the figure; docs/scaling.md has both.
 */
const CLIENTS = Number(process.env.FAULT_CLIENTS ?? 100);
const SEND_EVERY_MS = 6000;
const CUT_MS = 10_000;
/** Issue 14: everyone sending and receiving again within 5 s of the restore. */
const RECOVERY_LIMIT_MS = 5000;

jest.setTimeout(150_000);

/**
 * One person's chat as the web app keeps it (apps/web/src/chat/use-chat-room.ts): messages by
 * sequence number, and a catch-up from the last gap-free one when a broadcast arrives after a
 * gap or the server says the room is further (`room:resync`).
 */
class Person {
  readonly seen = new Map<number, string>();
  /** When a message sent after the restore first arrived live. */
  liveAgainAt: number | null = null;
  catchUps = 0;
  private catching = false;
  private again = false;

  constructor(
    readonly socket: LiveSocket,
    readonly room: string,
    private readonly restoredAt: () => number | null,
  ) {
    socket.on('chat:message', (message) => {
      const gap = message.seq > this.contiguous() + 1;
      this.add([message]);
      const restored = this.restoredAt();
      if (
        restored !== null &&
        this.liveAgainAt === null &&
        Date.parse(message.createdAt) >= restored
      ) {
        this.liveAgainAt = Date.now();
      }
      if (gap) this.catchUp();
    });
    socket.on('room:resync', (resync) => {
      if (resync.room === room && resync.lastSeq > this.contiguous()) this.catchUp();
    });
  }

  add(messages: ChatMessageView[]): void {
    for (const m of messages) this.seen.set(m.seq, m.id);
  }

  /** The highest sequence number with nothing missing below it (since the join). */
  contiguous(): number {
    let seq = this.from;
    while (this.seen.has(seq + 1)) seq++;
    return seq;
  }

  from = 0;

  catchUp(): void {
    if (this.catching) {
      this.again = true;
      return;
    }
    this.catching = true;
    this.catchUps++;
    void (async () => {
      try {
        let more = true;
        while (more) {
          const answer = await call(this.socket, 'chat:history', {
            room: this.room,
            afterSeq: this.contiguous(),
          });
          if (!answer.ok) break;
          this.add(answer.data.messages);
          more = answer.data.hasMore;
        }
      } catch {
        // No answer: the next resync or gap tries again.
      } finally {
        this.catching = false;
        if (this.again) {
          this.again = false;
          this.catchUp();
        }
      }
    })();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

describe('a 10 s Redis cut with a chat in flight', () => {
  let databaseName: string;
  let prefix: string;
  let proxy: TcpProxy;
  const processes: Array<{ name: string; run: RunningProcess }> = [];
  const people: Person[] = [];

  const stop = async (run: RunningProcess): Promise<void> => {
    if (run.child.exitCode !== null || run.child.signalCode !== null) return;
    run.child.kill('SIGTERM');
    const timer = setTimeout(() => run.child.kill('SIGKILL'), 10_000);
    await run.exited;
    clearTimeout(timer);
  };

  afterAll(async () => {
    for (const person of people) person.socket.close();
    await Promise.all(processes.map(({ run }) => stop(run)));
    await proxy?.close();
    if (databaseName) await dropDatabase(databaseName);
    if (prefix) await deleteRedisKeys(`${prefix}:*`);
  });

  it('ends no process, loses no acknowledged message, and recovers within 5 s', async () => {
    if (!existsSync(builtApi))
      throw new Error('dist/ is missing: run `npm run build:server` first');
    databaseName = await createSuiteDatabase();
    prefix = `plenum-test:${databaseName}`;
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: 6379 });
    const secret = randomSecret();
    const env = {
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl(databaseName),
      REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      REDIS_PREFIX: prefix,
      AUTH_SECRET: secret,
      LOG_LEVEL: 'warn',
    };
    const start = (name: string, script: string, extra: Record<string, string>) => {
      const run = runNode(script, { ...env, ...extra });
      processes.push({ name, run });
      return run;
    };
    // The first instance migrates and loads the demo congress; the others find it there.
    const portA = randomPort();
    const a = start('api A', builtApi, { PORT: portA, DEMO_SEED: 'auto' });
    expect(await waitFor(() => a.child.exitCode === null && isHealthy(portA), 90_000)).toBe(true);
    const portB = randomPort();
    start('api B', builtApi, { PORT: portB, DEMO_SEED: 'off' });
    start('worker', builtWorker, {});
    expect(await waitFor(() => isHealthy(portB), 60_000)).toBe(true);

    const urlA = `http://127.0.0.1:${portA}`;
    const urlB = `http://127.0.0.1:${portB}`;
    const nowNext = await new ApiClient(urlA).request<{ now: Array<{ id: string; kind: string }> }>(
      'GET',
      '/api/events/digitale-staedte/now-next',
    );
    const session = nowNext.body.now.find((s) => s.kind !== 'workshop');
    if (!session) throw new Error('The demo congress has nothing on now');
    const room = `session:${session.id}`;

    // Signed like the api signs them, so 200 people need no 200 password hashes.
    const db = new Client({ connectionString: databaseUrl(databaseName) });
    await db.connect();
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM users WHERE email LIKE 'attendee%@plenum.test' ORDER BY email LIMIT $1`,
      [CLIENTS],
    );
    await db.end();
    expect(rows).toHaveLength(CLIENTS);
    const key = new TextEncoder().encode(secret);
    const token = (userId: string) =>
      new SignJWT({ sid: randomUUID() })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer('plenum')
        .setAudience('plenum-api')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(key);

    let restoredAt: number | null = null;
    for (let i = 0; i < rows.length; i += 20) {
      const batch = rows.slice(i, i + 20);
      const joined = await Promise.all(
        batch.map(async ({ id }, j) => {
          const socket = await connectLive((i + j) % 2 === 0 ? urlA : urlB, await token(id));
          const person = new Person(socket, room, () => restoredAt);
          // Before the fault: a join answered BUSY (a crowded machine) is tried again after its
          // retry hint, as the web app does; any other refusal fails the test.
          let answer = await call(socket, 'room:join', { room });
          for (let tries = 0; !answer.ok && answer.error.code === 'BUSY' && tries < 5; tries++) {
            await new Promise((r) =>
              setTimeout(r, answer.ok ? 0 : (answer.error.retryAfterMs ?? 1000)),
            );
            answer = await call(socket, 'room:join', { room });
          }
          if (!answer.ok) throw new Error(`room:join failed: ${JSON.stringify(answer.error)}`);
          person.from = answer.data.lastSeq;
          return person;
        }),
      );
      people.push(...joined);
    }

    // Everyone sends every few seconds, spread out; each acknowledged message is noted.
    const acked = new Map<number, string>();
    const refused = new Map<string, number>();
    let sending = true;
    const firstOkAfterRestore = new Map<Person, number>();
    const refusedAfterRestore: Array<[number, number, string]> = [];
    const loops = people.map(async (person, n) => {
      await new Promise((r) => setTimeout(r, (SEND_EVERY_MS * n) / people.length));
      while (sending) {
        const sentAt = Date.now();
        const answer = await call(
          person.socket,
          'chat:send',
          { room, body: `m ${n} ${sentAt}` },
          15_000,
        ).catch(() => null);
        if (answer?.ok) {
          acked.set(answer.data.message.seq, answer.data.message.id);
          person.add([answer.data.message]);
          if (restoredAt !== null && sentAt >= restoredAt && !firstOkAfterRestore.has(person)) {
            firstOkAfterRestore.set(person, Date.now());
          }
        } else {
          const code = answer ? answer.error.code : 'NO_ANSWER';
          refused.set(code, (refused.get(code) ?? 0) + 1);
          if (restoredAt !== null && sentAt >= restoredAt) {
            refusedAfterRestore.push([sentAt - restoredAt, Date.now() - restoredAt, code]);
          }
        }
        // The usual pace, but once Redis is back a person who has not sent since tries at once,
        // as someone would who saw their message fail.
        const until = Date.now() + SEND_EVERY_MS;
        const retryAt = Date.now() + 250;
        while (sending && Date.now() < until) {
          if (restoredAt !== null && !firstOkAfterRestore.has(person) && Date.now() >= retryAt) {
            break;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    });

    await new Promise((r) => setTimeout(r, SEND_EVERY_MS));
    const ackedBeforeCut = acked.size;
    expect(ackedBeforeCut).toBeGreaterThan(CLIENTS / 2);

    // As in issue 14: everyone sends at once, and Redis is cut as the first of these messages is
    // acknowledged. The others are past their Redis checks and wait for the room's row lock in
    // PostgreSQL: they are committed and acknowledged, but their broadcast fails.
    let cutAt = 0;
    const burst = people.map((person, n) =>
      call(person.socket, 'chat:send', { room, body: `burst ${n}` }, 15_000).then(
        (answer) => {
          if (!answer.ok) return null;
          if (cutAt === 0) {
            proxy.cut();
            cutAt = Date.now();
          }
          acked.set(answer.data.message.seq, answer.data.message.id);
          person.add([answer.data.message]);
          return Date.now();
        },
        () => null,
      ),
    );
    await waitFor(() => cutAt !== 0, 15_000);
    await new Promise((r) => setTimeout(r, Math.max(0, cutAt + CUT_MS - Date.now())));
    const ackedDuringCut = acked.size - ackedBeforeCut;
    restoredAt = Date.now();
    proxy.restore();
    const cutForMs = restoredAt - cutAt;
    const restored = restoredAt;
    // Acknowledged while Redis was cut: committed, but their broadcast failed.
    const burstAcked = (await Promise.all(burst)).filter(
      (at) => at !== null && at < restored,
    ).length;

    // Everyone sends successfully again and hears a message sent after the restore, live.
    const recovered = await waitFor(
      () => people.every((p) => firstOkAfterRestore.has(p) && p.liveAgainAt !== null),
      30_000,
    );
    const recoveryMs =
      Math.max(
        ...people.map((p) =>
          Math.max(firstOkAfterRestore.get(p) ?? Infinity, p.liveAgainAt ?? Infinity),
        ),
      ) - restoredAt;
    sending = false;
    await Promise.all(loops);

    // Every acknowledged message reaches every person, live or by catching up.
    const missing = () =>
      people.reduce((n, p) => n + [...acked.keys()].filter((seq) => !p.seen.has(seq)).length, 0);
    const complete = await waitFor(() => missing() === 0, 20_000);
    const caughtUp = people.filter((p) => p.catchUps > 0).length;
    const sendOk = [...firstOkAfterRestore.values()].map((t) => t - (restoredAt ?? 0));

    // eslint-disable-next-line no-console -- the figures of this run, for docs/scaling.md
    console.log(
      JSON.stringify({
        clients: people.length,
        cut_ms: cutForMs,
        acked_total: acked.size,
        acked_before_cut: ackedBeforeCut,
        acked_during_cut: ackedDuringCut,
        burst_acked: burstAcked,
        refused: Object.fromEntries(refused),
        recovery_ms: recoveryMs,
        send_recovery_ms: Math.max(...[...firstOkAfterRestore.values()]) - restoredAt,
        receive_recovery_ms: Math.max(...people.map((p) => p.liveAgainAt ?? Infinity)) - restoredAt,
        people_who_caught_up: caughtUp,
        refused_after_restore: refusedAfterRestore.length,
        send_ok_p50_ms: percentile(sendOk, 0.5),
        send_ok_p90_ms: percentile(sendOk, 0.9),
        missing: missing(),
      }),
    );

    for (const { name, run } of processes) {
      expect({ name, exitCode: run.child.exitCode, signal: run.child.signalCode }).toEqual({
        name,
        exitCode: null,
        signal: null,
      });
    }
    expect(complete).toBe(true);
    expect(recovered).toBe(true);
    expect(recoveryMs).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);
    // Failed publishes and Redis commands were all caught where they happened.
    const logs = processes.map((p) => p.run.output());
    expect(logs.join('\n')).not.toMatch(/nobody handled it|exiting after an uncaught exception/);
  });
});
