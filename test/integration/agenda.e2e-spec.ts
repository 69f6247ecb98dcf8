import type { Agenda, SessionView, SessionWriteResult } from '@plenum/contracts';
import { create, createEvent } from '../support/programme-fixtures';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('personal agenda ("Mein Programm")', () => {
  let t: TestApp;
  let organizer: ApiClient;
  let attendee: ApiClient;
  let sessions: SessionView[];
  const byTitle = (title: string): SessionView => {
    const s = sessions.find((x) => x.title === title);
    if (!s) throw new Error(`no session ${title}`);
    return s;
  };
  const agendaPath = '/api/events/digitale-staedte/agenda';

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    organizer = new ApiClient(t.baseUrl);
    await organizer.login('organizer@plenum.test');
    attendee = new ApiClient(t.baseUrl);
    await attendee.login('attendee003@plenum.test');
    const res = await attendee.request<{ sessions: SessionView[] }>(
      'GET',
      '/api/events/digitale-staedte/programme',
    );
    sessions = res.body.sessions;
  });
  afterAll(() => t.close());

  it('starts empty, adds sessions idempotently and removes them', async () => {
    expect((await attendee.request<Agenda>('GET', agendaPath)).body.entries).toEqual([]);
    const talk = byTitle('Open Data als Fundament der Smart City');
    const first = await attendee.request<Agenda>('PUT', `${agendaPath}/sessions/${talk.id}`);
    expect(first.status).toBe(200);
    const again = await attendee.request<Agenda>('PUT', `${agendaPath}/sessions/${talk.id}`);
    expect(again.body.entries.map((e) => e.session.id)).toEqual([talk.id]);
    const removed = await attendee.request<Agenda>('DELETE', `${agendaPath}/sessions/${talk.id}`);
    expect(removed.body.entries).toEqual([]);
  });

  it('shows which agenda sessions overlap', async () => {
    const panel = byTitle('Podium: Gigabit für alle – Infrastruktur als Daseinsvorsorge');
    const sideTalk = byTitle('Open Data als Fundament der Smart City');
    const later = byTitle('Abschlusspodium: Was nehmen wir aus den Regionalforen mit?');
    for (const s of [panel, sideTalk, later]) {
      await attendee.request('PUT', `${agendaPath}/sessions/${s.id}`);
    }
    const agenda = (await attendee.request<Agenda>('GET', agendaPath)).body;
    expect(agenda.timeZone).toBe('Europe/Berlin');
    const overlaps = new Map(agenda.entries.map((e) => [e.session.id, e.overlapsWith]));
    expect(overlaps.get(panel.id)).toEqual([sideTalk.id]);
    expect(overlaps.get(sideTalk.id)).toEqual([panel.id]);
    expect(overlaps.get(later.id)).toEqual([]);
    // Ordered by time, so the agenda reads like the day.
    const starts = agenda.entries.map((e) => e.session.startsAt);
    expect([...starts].sort()).toEqual(starts);
  });

  it('shows the live state, so the agenda can lead straight into a live session', async () => {
    const agenda = (await attendee.request<Agenda>('GET', agendaPath)).body;
    const live = agenda.entries.find((e) => e.session.state === 'live');
    expect(live?.session.title).toBe(
      'Podium: Gigabit für alle – Infrastruktur als Daseinsvorsorge',
    );
    const later = byTitle('Abschlusspodium: Was nehmen wir aus den Regionalforen mit?');
    // The organizer ends the live panel; the agenda reflects it on the next read.
    await organizer.request(
      'POST',
      `/api/events/digitale-staedte/sessions/${live?.session.id}/end`,
    );
    const after = (await attendee.request<Agenda>('GET', agendaPath)).body;
    expect(after.entries.find((e) => e.session.id === live?.session.id)?.session.state).toBe(
      'ended',
    );
    expect(after.entries.find((e) => e.session.id === later.id)?.session.state).toBe('scheduled');
  });

  it('keeps agendas apart, and refuses sessions of other events and non-members', async () => {
    const someoneElse = new ApiClient(t.baseUrl);
    await someoneElse.login('attendee004@plenum.test');
    expect((await someoneElse.request<Agenda>('GET', agendaPath)).body.entries).toEqual([]);

    await createEvent(organizer, 'fremdes-event');
    const foreign = await create<SessionWriteResult>(
      organizer,
      '/api/events/fremdes-event/sessions',
      {
        title: 'Anderswo',
        kind: 'talk',
        startsAt: '2026-06-10T10:00',
        endsAt: '2026-06-10T11:00',
      },
    );
    const wrongEvent = await attendee.request(
      'PUT',
      `${agendaPath}/sessions/${foreign.session.id}`,
    );
    expect(wrongEvent.status).toBe(404);
    const notMember = await attendee.request('GET', '/api/events/fremdes-event/agenda');
    expect(notMember.status).toBe(404);
    const anonymous = new ApiClient(t.baseUrl);
    expect((await anonymous.request('GET', agendaPath)).status).toBe(401);
  });
});
