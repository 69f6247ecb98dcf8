import { ExpoModule } from '@plenum/expo';
import { factories } from '../support/factories';
import { useMedium } from '../support/medium';

/** The factories themselves: what they make is what the services would have made. */
describe('medium factories', () => {
  const m = useMedium([ExpoModule]);
  const f = factories(m);

  it('make an event with its organizer, a programme with a stage and a speaker, a booth and members', async () => {
    const event = await f.newEvent({ timeZone: 'Europe/Vienna' });
    expect(event).toMatchObject({ timeZone: 'Europe/Vienna', title: 'Testkongress' });
    const organizer = f.organizerOf(event);
    const stage = await f.newStage(event, { name: 'Großer Saal' });
    const speaker = await f.newSpeaker(event, { name: 'Dr. Ada Beispiel' });
    const session = await f.newSession(event, {
      title: 'Eröffnung',
      kind: 'keynote',
      stageId: stage.id,
      speakers: [{ speakerId: speaker.id, part: 'speaker' }],
    });
    expect(session).toMatchObject({ eventId: event.id, stageId: stage.id, kind: 'keynote' });
    const workshop = await f.newWorkshop(event, 12);
    expect(workshop).toMatchObject({ kind: 'workshop', capacity: 12 });
    const booth = await f.newBooth(event, { organisation: 'Stadtwerke' });
    expect(booth).toMatchObject({ eventId: event.id, organisation: 'Stadtwerke' });

    const attendee = await f.newAttendee(event);
    const exhibitor = await f.newMember(event, 'exhibitor', undefined, { boothId: booth.id });
    const crowd = await f.newAttendees(event, 3);
    const memberships = await m.dataSource.query<Array<{ role: string; scope: string }>>(
      `SELECT role, scope FROM memberships WHERE event_id = $1 ORDER BY role::text, scope`,
      [event.id],
    );
    expect(memberships).toEqual([
      ...Array(4).fill({ role: 'attendee', scope: 'event' }),
      { role: 'exhibitor', scope: `booth:${booth.id}` },
      { role: 'organizer', scope: 'event' },
    ]);
    const [links] = await m.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM session_speakers WHERE session_id = $1 AND speaker_id = $2`,
      [session.id, speaker.id],
    );
    expect(links?.n).toBe(1);

    expect(new Set([organizer, attendee, exhibitor, ...crowd].map((p) => p.userId)).size).toBe(6);
  });
});
