import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { RoomAccessChanged } from '@plenum/contracts';
import { createSuiteDatabase, databaseUrl, dropDatabase } from '../../support/databases';
import { ApiClient, deleteRedisKeys } from '../../support/test-app';
import {
  call,
  collect,
  connectLive,
  disconnected,
  next,
  ok,
  waitFor,
} from '../../support/live-client';
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
      // As runNode (test/support/processes.ts): a loaded CI machine is not a stalled database.
      DATABASE_PROBE_TIMEOUT_MS: '3000',
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
  let db: Client;

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
    db = new Client({ connectionString: databaseUrl(databaseName) });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
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

  describe('when rights change on the other instance', () => {
    const slug = 'digitale-staedte';
    let organizer: ApiClient;

    beforeAll(async () => {
      organizer = new ApiClient(instances[0]!.url);
      await organizer.login('organizer@plenum.test');
    });

    const personId = async (email: string): Promise<string> => {
      const { rows } = await db.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [
        email,
      ]);
      return rows[0]!.id;
    };

    /** The socket's next `room:access-changed` for the room: the server's word, not a timer. */
    const accessChange = (socket: LiveSocket, of: string) =>
      next(socket, 'room:access-changed', (change) => change.room === of, 15_000);

    it('takes moderation from a moderator whose role is removed', async () => {
      const [a, b] = instances as [Instance, Instance];
      const email = 'attendee110@plenum.test';
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO memberships (event_id, user_id, role, scope)
         SELECT event_id, user_id, 'moderator', 'event' FROM memberships
          WHERE user_id = $1 LIMIT 1 RETURNING id`,
        [await personId(email)],
      );
      const moderator = await connect(b, email);
      expect((await ok(moderator.socket, 'room:join', { room })).canModerate).toBe(true);
      const author = await connect(a, 'attendee111@plenum.test');
      const first = await ok(author.socket, 'chat:send', { room, body: 'Erste' });
      const second = await ok(author.socket, 'chat:send', { room, body: 'Zweite' });
      await ok(moderator.socket, 'chat:delete', {
        room,
        messageId: first.message.id,
        reason: 'Test',
      });

      const changed = accessChange(moderator.socket, room);
      const removed = await organizer.request(
        'DELETE',
        `/api/events/${slug}/members/${rows[0]!.id}`,
      );
      expect(removed.status).toBe(204);
      // Still an attendee: the socket stays in the room, without moderation.
      expect(await changed).toEqual<RoomAccessChanged>({
        room,
        joined: true,
        canModerate: false,
        canReact: true,
        reason: 'membership-removed',
      });
      expect(
        await call(moderator.socket, 'chat:delete', {
          room,
          messageId: second.message.id,
          reason: 'Test',
        }),
      ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      await ok(moderator.socket, 'chat:send', { room, body: 'Jetzt ohne Moderation' });
    });

    it('takes a removed attendee out of the rooms of the event', async () => {
      const [, b] = instances as [Instance, Instance];
      const email = 'attendee112@plenum.test';
      const attendee = await connect(b, email);
      const { rows } = await db.query<{ id: string }>(
        `SELECT id FROM memberships WHERE user_id = $1`,
        [await personId(email)],
      );
      expect(rows).toHaveLength(1);

      const changed = accessChange(attendee.socket, room);
      const removed = await organizer.request(
        'DELETE',
        `/api/events/${slug}/members/${rows[0]!.id}`,
      );
      expect(removed.status).toBe(204);
      expect(await changed).toEqual<RoomAccessChanged>({
        room,
        joined: false,
        canModerate: false,
        canReact: false,
        reason: 'membership-removed',
      });
      expect(await call(attendee.socket, 'chat:send', { room, body: 'Noch da?' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_IN_ROOM' },
      });
      expect(await call(attendee.socket, 'room:join', { room })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });

    it("takes a cancelled registrant out of the workshop's room", async () => {
      const [a, b] = instances as [Instance, Instance];
      const email = 'attendee113@plenum.test';
      const api = new ApiClient(a.url);
      await api.login(email);
      const list = await api.request<{
        workshops: Array<{ id: string; registrationOpen: boolean; seats: { seatsLeft: number } }>;
      }>('GET', `/api/events/${slug}/workshops`);
      const workshop = list.body.workshops.find(
        (w) => w.registrationOpen && (w.seats.seatsLeft === null || w.seats.seatsLeft > 0),
      );
      if (!workshop) throw new Error('The demo congress has no workshop open for registration');
      const registered = await api.request<{ status: string }>(
        'POST',
        `/api/events/${slug}/workshops/${workshop.id}/registration`,
      );
      expect(registered.body.status).toBe('confirmed');
      const socket = await connectLive(b.url, api.token);
      sockets.push(socket);
      const workshopRoom = `workshop:${workshop.id}`;
      await ok(socket, 'room:join', { room: workshopRoom });
      await ok(socket, 'chat:send', { room: workshopRoom, body: 'Ich bin dabei' });

      const changed = accessChange(socket, workshopRoom);
      const cancelled = await api.request(
        'DELETE',
        `/api/events/${slug}/workshops/${workshop.id}/registration`,
      );
      expect(cancelled.status).toBe(200);
      expect(await changed).toEqual<RoomAccessChanged>({
        room: workshopRoom,
        joined: false,
        canModerate: false,
        canReact: false,
        reason: 'registration-cancelled',
      });
      expect(
        await call(socket, 'chat:send', { room: workshopRoom, body: 'Noch da?' }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_IN_ROOM' } });
      expect(await call(socket, 'room:join', { room: workshopRoom })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });
  });
});
