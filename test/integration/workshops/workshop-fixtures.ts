import { randomBytes, randomUUID } from 'node:crypto';
import { AccessTokenService } from '@plenum/identity';
import type { TestApp } from '../../support/test-app';

export interface Person {
  userId: string;
  token: string;
}

/**
 * An event with many attendees, made directly in the database: 500 argon2 logins would measure
 * password hashing, not registration. Each person gets a real auth session and access token.
 */
export async function eventWithAttendees(
  t: TestApp,
  slug: string,
  count: number,
): Promise<{ eventId: string; people: Person[] }> {
  const eventId = randomUUID();
  await t.dataSource.query(
    `INSERT INTO events (id, slug, title, time_zone, starts_on, ends_on)
     VALUES ($1, $2, 'Workshop-Test', 'Europe/Berlin', current_date, current_date + 1)`,
    [eventId, slug],
  );
  const people = Array.from({ length: count }, (_, i) => ({
    userId: randomUUID(),
    sessionId: randomUUID(),
    email: `${slug}-${i}@plenum.test`,
  }));
  await t.dataSource.query(
    `INSERT INTO users (id, email, display_name)
     SELECT id, email, 'Person ' || n FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS x(id, email, n)`,
    [people.map((p) => p.userId), people.map((p) => p.email)],
  );
  await t.dataSource.query(
    `INSERT INTO memberships (event_id, user_id, role, scope)
     SELECT $1, id, 'attendee', 'event' FROM unnest($2::uuid[]) AS id`,
    [eventId, people.map((p) => p.userId)],
  );
  await t.dataSource.query(
    `INSERT INTO auth_sessions (id, user_id, token_hash, expires_at)
     SELECT s, u, h, now() + interval '1 day'
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(s, u, h)`,
    [
      people.map((p) => p.sessionId),
      people.map((p) => p.userId),
      people.map(() => randomBytes(32).toString('hex')),
    ],
  );
  const tokens = t.app.get(AccessTokenService);
  return {
    eventId,
    people: await Promise.all(
      people.map(async (p) => ({
        userId: p.userId,
        token: await tokens.sign({ userId: p.userId, sessionId: p.sessionId }),
      })),
    ),
  };
}

export async function createWorkshop(
  t: TestApp,
  eventId: string,
  capacity: number | null,
  title = `Workshop ${randomUUID().slice(0, 8)}`,
): Promise<string> {
  const [row] = await t.dataSource.query<Array<{ id: string }>>(
    `INSERT INTO sessions (event_id, kind, title, starts_at, ends_at, capacity)
     VALUES ($1, 'workshop', $2, now() + interval '1 day', now() + interval '1 day 2 hours', $3)
     RETURNING id`,
    [eventId, title, capacity],
  );
  return row!.id;
}

export function call<T = unknown>(
  t: TestApp,
  person: Person,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return fetch(`${t.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${person.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (res) => {
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  });
}

export interface RegistrationRow {
  user_id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  arrival: string;
}

export function registrationRows(t: TestApp, sessionId: string): Promise<RegistrationRow[]> {
  return t.dataSource.query<RegistrationRow[]>(
    `SELECT user_id, status, arrival FROM workshop_registrations
      WHERE session_id = $1 ORDER BY arrival`,
    [sessionId],
  );
}
