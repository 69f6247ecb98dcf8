import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SelectQueryBuilder } from 'typeorm';
import type { Role } from '@plenum/contracts';
import { Booth, Event, Membership, Session } from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

/** What a permission check reads: the event, the person's memberships and profile sessions. */
export interface AccessContext {
  event: Event;
  memberships: Membership[];
  /** The sessions the person's speaker profile in this event is on. */
  profileSessionIds: string[];
}

/** What an installation check reads of an account. */
export interface InstallationFacts {
  isPlatformAdmin: boolean;
  disabled: boolean;
  /** Whether the person holds one of the asked roles in any event. */
  holdsRole: boolean;
}

interface MembershipJson {
  id: string;
  role: Role;
  sessionId: string | null;
  boothId: string | null;
  scope: string;
  createdAt: string;
}

/**
 * The reads behind every access check (`PermissionsService`, and so the `AccessGuard` and the
 * socket handlers). The guard runs on almost every request: the event, the memberships and the
 * profile sessions come back in one statement, as JSON aggregates beside the event's row.
 */
@Injectable()
export class AccessRepository {
  constructor(private readonly db: DataSource) {}

  /** The event by slug, with what the person is in it; null when there is no such event. */
  @GenerateSql(
    { name: 'signed in', params: ['digitale-staedte', SQL_UUID] },
    { name: 'visitor', params: ['digitale-staedte', null] },
  )
  async context(slug: string, userId: string | null): Promise<AccessContext | null> {
    return contextOf(
      this.db.getRepository(Event).createQueryBuilder('e').where('e.slug = :slug', { slug }),
      userId,
    );
  }

  /** The same for an event already known by id (socket joins, record checks). */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  async contextById(eventId: string, userId: string): Promise<AccessContext | null> {
    return contextOf(
      this.db.getRepository(Event).createQueryBuilder('e').where('e.id = :eventId', { eventId }),
      userId,
    );
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  session(eventId: string, id: string): Promise<Session | null> {
    return this.db.getRepository(Session).findOneBy({ eventId, id });
  }

  @GenerateSql(
    { name: 'by id', params: [SQL_UUID, { id: SQL_UUID }] },
    { name: 'by slug', params: [SQL_UUID, { slug: 'stadtwerke' }] },
  )
  booth(eventId: string, ref: { id: string } | { slug: string }): Promise<Booth | null> {
    return this.db.getRepository(Booth).findOneBy({ eventId, ...ref });
  }

  /** The account's admin and disabled flags and whether it holds one of the roles anywhere. */
  @GenerateSql({ params: [SQL_UUID, ['organizer']] })
  async installationFacts(
    userId: string,
    roles: readonly Role[],
  ): Promise<InstallationFacts | null> {
    const [row] = await this.db.query<
      Array<{ is_platform_admin: boolean; disabled: boolean; holds_role: boolean }>
    >(
      `SELECT u.is_platform_admin, u.disabled_at IS NOT NULL AS disabled,
              EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.role = ANY($2)) AS holds_role
         FROM users u WHERE u.id = $1`,
      [userId, roles],
    );
    return row
      ? {
          isPlatformAdmin: row.is_platform_admin,
          disabled: row.disabled,
          holdsRole: row.holds_role,
        }
      : null;
  }
}

/** Adds the person's memberships and profile sessions, as JSON, to the event's row. */
async function contextOf(
  query: SelectQueryBuilder<Event>,
  userId: string | null,
): Promise<AccessContext | null> {
  const { entities, raw } = await query
    .addSelect(
      `COALESCE((SELECT json_agg(json_build_object('id', m.id, 'role', m.role,
          'sessionId', m.session_id, 'boothId', m.booth_id, 'scope', m.scope,
          'createdAt', m.created_at) ORDER BY m.created_at, m.id)
        FROM memberships m WHERE m.event_id = e.id AND m.user_id = :userId), '[]'::json)`,
      'memberships',
    )
    .addSelect(
      `COALESCE((SELECT json_agg(DISTINCT link.session_id)
        FROM session_speakers link JOIN speakers sp ON sp.id = link.speaker_id
        WHERE sp.event_id = e.id AND sp.user_id = :userId), '[]'::json)`,
      'profile_sessions',
    )
    .setParameter('userId', userId)
    .getRawAndEntities<{ memberships: MembershipJson[]; profile_sessions: string[] }>();
  const event = entities[0];
  const row = raw[0];
  if (!event || !row) return null;
  const memberships = row.memberships.map((m) =>
    Object.assign(new Membership(), {
      ...m,
      eventId: event.id,
      userId,
      createdAt: new Date(m.createdAt),
    }),
  );
  return { event, memberships, profileSessionIds: row.profile_sessions };
}
