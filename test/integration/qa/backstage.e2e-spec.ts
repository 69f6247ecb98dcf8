import { startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { call, connectLive, next, ok } from '../../support/live-client';
import type { LiveSocket } from '../../support/live-client';
import { signIn } from '../live/live-helpers';

describe('backstage message line through real sockets', () => {
  let t: TestApp;
  let stageId: string;
  const open: LiveSocket[] = [];
  const connect = async (email: string): Promise<LiveSocket> => {
    const socket = await connectLive(t.baseUrl, (await signIn(t, email)).token);
    open.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    // The demo speaker speaks in the closing panel: its stage's backstage is theirs too.
    const [row] = await t.dataSource.query<Array<{ stage_id: string }>>(
      `SELECT s.stage_id FROM sessions s JOIN memberships m ON m.session_id = s.id
         JOIN users u ON u.id = m.user_id
        WHERE u.email = 'speaker@plenum.test' AND m.role = 'speaker' AND s.kind = 'panel'`,
    );
    stageId = row!.stage_id;
  });
  afterAll(async () => {
    for (const socket of open) socket.close();
    await t.close();
  });

  it('lets a moderator send a line to the speakers backstage, and only speakers and moderators in', async () => {
    const speaker = await connect('speaker@plenum.test');
    const moderator = await connect('moderator@plenum.test');
    const attendee = await connect('attendee040@plenum.test');

    expect(await ok(speaker, 'backstage:join', { stageId })).toEqual({
      stageId,
      canMessage: false,
    });
    expect(await ok(moderator, 'backstage:join', { stageId })).toEqual({
      stageId,
      canMessage: true,
    });
    expect(await call(attendee, 'backstage:join', { stageId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const heard = next(speaker, 'backstage:message');
    const sent = await ok(moderator, 'backstage:message', { stageId, body: 'Noch zwei Minuten' });
    expect(await heard).toEqual(sent);
    expect(sent).toMatchObject({
      body: 'Noch zwei Minuten',
      author: { displayName: expect.any(String) },
    });
    expect(await call(speaker, 'backstage:message', { stageId, body: 'Hallo' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
