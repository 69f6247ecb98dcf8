import { ApiClient } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';

export interface DemoPlaces {
  eventId: string;
  lobby: string;
  stage: string;
  otherStage: string;
  workshop: string;
  workshopId: string;
  booth: string;
}

/** Rooms of the demo congress: the lobby, two stage sessions, a workshop and a booth. */
export async function demoPlaces(t: TestApp): Promise<DemoPlaces> {
  const [event] = await t.dataSource.query<Array<{ id: string }>>(
    `SELECT id FROM events WHERE slug = 'digitale-staedte'`,
  );
  const eventId = event!.id;
  const stages = await t.dataSource.query<Array<{ id: string }>>(
    `SELECT id FROM sessions WHERE event_id = $1 AND kind <> 'workshop' ORDER BY starts_at LIMIT 2`,
    [eventId],
  );
  const [workshop] = await t.dataSource.query<Array<{ id: string }>>(
    `SELECT id FROM sessions WHERE event_id = $1 AND kind = 'workshop' ORDER BY starts_at LIMIT 1`,
    [eventId],
  );
  const [booth] = await t.dataSource.query<Array<{ id: string }>>(
    `SELECT id FROM booths WHERE event_id = $1 ORDER BY position LIMIT 1`,
    [eventId],
  );
  return {
    eventId,
    lobby: `event:${eventId}`,
    stage: `session:${stages[0]!.id}`,
    otherStage: `session:${stages[1]!.id}`,
    workshop: `workshop:${workshop!.id}`,
    workshopId: workshop!.id,
    booth: `booth:${booth!.id}`,
  };
}

/** Logs in and returns the access token (and the client, for HTTP calls as that person). */
export async function signIn(
  t: TestApp,
  email: string,
): Promise<{ token: string; api: ApiClient }> {
  const api = new ApiClient(t.baseUrl);
  await api.login(email);
  return { token: api.token!, api };
}

export async function userId(t: TestApp, email: string): Promise<string> {
  const [row] = await t.dataSource.query<Array<{ id: string }>>(
    `SELECT id FROM users WHERE email = $1`,
    [email],
  );
  return row!.id;
}
