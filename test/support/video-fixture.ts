import { AccessToken, TokenVerifier } from 'livekit-server-sdk';
import type { ClaimGrants } from 'livekit-server-sdk';
import type { DataSource } from 'typeorm';
import { demoSessions } from '@plenum/demo';
import { LIVEKIT_KEY, LIVEKIT_SECRET } from './fake-livekit';

export const roles = ['organizer', 'moderator', 'speaker', 'exhibitor', 'attendee'] as const;
export type DemoRole = (typeof roles)[number];

export interface DemoCongress {
  eventId: string;
  users: Record<DemoRole, string>;
  /** Session ids by demo key (`panel-abschluss`, `ws-open-data`, …). */
  sessions: Record<string, string>;
  /** Stage ids by position: main, city, region. */
  stages: { main: string; city: string; region: string };
  booths: string[];
}

export async function demoCongress(dataSource: DataSource): Promise<DemoCongress> {
  const [event] = await dataSource.query<Array<{ id: string }>>(
    `SELECT id FROM events WHERE slug = 'digitale-staedte'`,
  );
  if (!event) throw new Error('demo congress missing');
  const userRows = await dataSource.query<Array<{ id: string; email: string }>>(
    `SELECT id, email FROM users WHERE email = ANY($1)`,
    [roles.map((r) => `${r}@plenum.test`)],
  );
  const users = Object.fromEntries(
    roles.map((r) => [r, userRows.find((u) => u.email === `${r}@plenum.test`)?.id]),
  ) as Record<DemoRole, string>;
  const sessionRows = await dataSource.query<Array<{ id: string; title: string }>>(
    `SELECT id, title FROM sessions WHERE event_id = $1`,
    [event.id],
  );
  const sessions = Object.fromEntries(
    demoSessions.map((s) => [s.key, sessionRows.find((r) => r.title === s.title)?.id ?? '']),
  );
  const stageRows = await dataSource.query<Array<{ id: string }>>(
    `SELECT id FROM stages WHERE event_id = $1 ORDER BY position`,
    [event.id],
  );
  const boothRows = await dataSource.query<Array<{ id: string }>>(
    `SELECT id FROM booths WHERE event_id = $1 ORDER BY position`,
    [event.id],
  );
  const [main, city, region] = stageRows.map((s) => s.id);
  if (!main || !city || !region) throw new Error('demo stages missing');
  return {
    eventId: event.id,
    users,
    sessions,
    stages: { main, city, region },
    booths: boothRows.map((b) => b.id),
  };
}

/**
 * Moves every session of the demo to start soon, so that who may go backstage does not depend on
 * the hour the tests run at.
 */
export async function everySessionUpcoming(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `UPDATE sessions SET starts_at = now() + interval '10 minutes', ends_at = now() + interval '70 minutes',
       state = 'scheduled' WHERE state <> 'cancelled'`,
  );
}

export function decodeVideoToken(token: string): Promise<ClaimGrants> {
  return new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET).verify(token);
}

/** Signs a webhook body the way LiveKit does: a token whose sha256 claim is the body's hash. */
export async function signWebhook(
  body: string,
  options: { key?: string; secret?: string; ttl?: string } = {},
): Promise<string> {
  const token = new AccessToken(options.key ?? LIVEKIT_KEY, options.secret ?? LIVEKIT_SECRET, {
    ttl: options.ttl ?? '5m',
  });
  token.sha256 = Buffer.from(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)),
  ).toString('base64');
  return token.toJwt();
}
