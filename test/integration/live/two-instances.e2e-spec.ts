import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createSuiteDatabase, databaseUrl, dropDatabase } from '../../support/databases';
import { ApiClient, deleteRedisKeys } from '../../support/test-app';
import { collect, connectLive, disconnected, next, ok, waitFor } from '../../support/live-client';
import type { LiveSocket } from '../../support/live-client';

jest.setTimeout(90_000);

const root = join(__dirname, '../../..');
const apiMain = join(root, 'dist/apps/api/src/main.js');

interface Instance {
  url: string;
  child: ChildProcess;
  output: () => string;
}

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [apiMain], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`api exited:\n${output}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      return { url, child, output: () => output };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`api did not become healthy:\n${output}`);
}

/*
 * Two real api processes on two ports, one database and one Redis prefix: what a deployment
 * behind a load balancer looks like.
 */
describe('live across two api instances', () => {
  let databaseName: string;
  let prefix: string;
  const instances: Instance[] = [];
  const sockets: LiveSocket[] = [];
  let room: string;

  const connect = async (
    instance: Instance,
    email: string,
  ): Promise<{ socket: LiveSocket; api: ApiClient }> => {
    const api = new ApiClient(instance.url);
    await api.login(email);
    const socket = await connectLive(instance.url, api.token);
    sockets.push(socket);
    await ok(socket, 'room:join', { room });
    return { socket, api };
  };

  beforeAll(async () => {
    if (!existsSync(apiMain)) throw new Error('dist/ is missing: run `npm run build:server` first');
    databaseName = await createSuiteDatabase();
    prefix = `plenum-test:${databaseName}`;
    const env = { DATABASE_URL: databaseUrl(databaseName), REDIS_PREFIX: prefix };
    // The first instance loads the demo congress; the second finds it there.
    instances.push(await startInstance({ ...env, DEMO_SEED: 'auto' }));
    instances.push(await startInstance({ ...env, DEMO_SEED: 'off' }));
    const api = new ApiClient(instances[0]!.url);
    const nowNext = await api.request<{ now: Array<{ id: string; kind: string }> }>(
      'GET',
      '/api/events/digitale-staedte/now-next',
    );
    const session = nowNext.body.now.find((s) => s.kind !== 'workshop');
    if (!session) throw new Error('The demo congress has nothing on now');
    room = `session:${session.id}`;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await Promise.all(
      instances.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
    if (databaseName) await dropDatabase(databaseName);
    if (prefix) await deleteRedisKeys(`${prefix}:*`);
  });

  it('delivers a message sent on one instance to clients of the other, in both directions', async () => {
    const [a, b] = instances as [Instance, Instance];
    const onA = await connect(a, 'attendee101@plenum.test');
    const onB = await connect(b, 'attendee102@plenum.test');
    const atB = next(onB.socket, 'chat:message', (m) => m.body === 'von A');
    const sent = await ok(onA.socket, 'chat:send', { room, body: 'von A' });
    expect(await atB).toEqual(sent.message);
    const atA = next(onA.socket, 'chat:message', (m) => m.body === 'von B');
    const reply = await ok(onB.socket, 'chat:send', { room, body: 'von B' });
    expect(await atA).toEqual(reply.message);
    // One sequence for the room, whichever instance wrote.
    expect(reply.message.seq).toBe(sent.message.seq + 1);
  });

  it('adds up presence across both instances', async () => {
    const [a, b] = instances as [Instance, Instance];
    const watcher = await connect(a, 'attendee103@plenum.test');
    const counts = collect(watcher.socket, 'presence:count');
    await connect(b, 'attendee104@plenum.test');
    await connect(b, 'attendee105@plenum.test');
    // attendee101..105: two people from the first test, three from this one.
    await waitFor(() => counts.at(-1)?.count === 5, 5000);
    const late = await connect(b, 'attendee106@plenum.test');
    const joined = await ok(late.socket, 'room:join', { room });
    expect(joined.viewers).toBe(6);
  });

  it('closes a session’s sockets on the other instance when it logs out', async () => {
    const [a, b] = instances as [Instance, Instance];
    const api = new ApiClient(a.url);
    await api.login('attendee107@plenum.test');
    const socket = await connectLive(b.url, api.token);
    sockets.push(socket);
    const closed = disconnected(socket, 3000);
    expect((await api.request('POST', '/api/auth/logout')).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
  });
});
