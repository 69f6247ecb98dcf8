import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { deletedUserLabel, queueNames } from '@plenum/contracts';
import type { PersonalDataExport } from '@plenum/contracts';
import type { User } from '@plenum/db';
import { AuthService, verifyPassword } from '@plenum/identity';
import { AuditService, PlenumError } from '@plenum/platform';
import { deliveryJobId } from '@plenum/reminders';
import { WorkshopRegistrationsService } from '@plenum/workshops';
import { PrivacyRepository } from './privacy.repository';
import { exportDenylist } from './person-references';
import { PersonalDataRepository } from './personal-data.repository';

/** A person's own data: all of it as JSON, and the erasure of their account. */
@Injectable()
export class PersonalDataService {
  private readonly logger = new Logger(PersonalDataService.name);

  constructor(
    private readonly personalData: PersonalDataRepository,
    private readonly privacy: PrivacyRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly registrations: WorkshopRegistrationsService,
    @InjectQueue(queueNames.deliveries) private readonly deliveries: Queue,
    @InjectQueue(queueNames.mail) private readonly mail: Queue,
  ) {}

  /**
   * The person's account and every row that refers to them, table by table. The tables come
   * from the schema's foreign keys to `users`, read at the moment of the export. Rows that are
   * someone else's, where the person only acted on them (`actedOnOthers`), come as `actions`:
   * what was done, without the other person's content; other people's ids in the person's own
   * rows are left out too.
   */
  async export(userId: string): Promise<PersonalDataExport> {
    return this.personalData.transaction(async (manager) => {
      const tables: PersonalDataExport['tables'] = {};
      const actions: PersonalDataExport['actions'] = {};
      const account = await this.personalData.account(manager, userId);
      if (account.length === 0) throw PlenumError.notFound('Account not found');
      tables.users = account.map(withoutSecrets);
      const found = await this.personalData.referencingRows(manager, userId);
      for (const { table, personColumns, rows } of found.own) {
        tables[table] = rows.map((row) =>
          withoutOthers(withoutSecrets(row), personColumns, userId),
        );
      }
      for (const { key, rows } of found.acted) actions[key] = rows;
      return { exportedAt: new Date().toISOString(), userId, tables, actions };
    }, 'REPEATABLE READ');
  }

  /**
   * Deletes the account after the password is confirmed. Messages and questions stay without
   * an author (the schema's ON DELETE SET NULL), everything that exists only for the person goes
   * (ON DELETE CASCADE), seats they held go to the waitlist, and their attendance becomes
   * anonymous so the event's figures stay right.
   */
  async erase(userId: string, password: string): Promise<void> {
    const user = await this.personalData.accountForErasure(userId);
    if (!user) throw PlenumError.unauthenticated('This account is not active');
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
      // 422, not 401: a wrong confirmation must not look like an ended sign-in to the client.
      throw PlenumError.validation([{ path: 'password', message: 'The password is wrong' }]);
    }

    // Through the workshops service, so a freed seat promotes the next on the waitlist.
    for (const seat of await this.personalData.heldSeats(userId)) {
      await this.registrations.cancel(seat.eventId, seat.sessionId, userId);
    }

    // Signing out everywhere also closes the person's live sockets on every api instance.
    await this.auth.revokeAllSessions(userId);

    const pending = await this.personalData.pendingDeliveryIds(userId);
    const invitations = await this.personalData.openInvitationIds(userId);

    await this.personalData.transaction(async (manager) => {
      await this.privacy.anonymiseAttendance(manager, { userId });
      await this.scrubAuditLog(manager, user);
      // A public speaker profile is the organizers' programme; it stays, without the person.
      await this.personalData.clearSpeakerProfiles(manager, userId, deletedUserLabel.de);
      // Pending delivery rows go with the account (ON DELETE CASCADE), and with them anything a
      // batched in-app job could still send.
      await this.personalData.deleteAccount(manager, userId);
      await this.audit.record(
        { eventId: null, actorId: null, action: 'account.deleted', targetType: 'user' },
        manager,
      );
    });

    await this.dropQueuedJobs(pending, invitations);
    this.logger.log({ deliveries: pending.length }, 'Deleted an account at its owner’s request');
  }

  /** Audit entries keep the action; the person's id, name and e-mail leave their details. */
  private async scrubAuditLog(
    manager: EntityManager,
    user: Pick<User, 'id' | 'email' | 'displayName'>,
  ): Promise<void> {
    await this.personalData.clearAuditTargets(manager, user.id);
    const needles = [user.id, user.email, user.displayName].filter((n) => n.length > 0);
    for (const row of await this.personalData.auditEntriesMentioning(manager, needles)) {
      await this.personalData.setAuditDetails(manager, row.id, scrub(row.details, needles));
    }
  }

  /** Delivery jobs are named by their row, invitation mails by their invitation. */
  private async dropQueuedJobs(deliveryIds: string[], invitationIds: string[]): Promise<void> {
    for (const id of deliveryIds) {
      await this.deliveries.remove(deliveryJobId(id)).catch(() => 0);
    }
    for (const id of invitationIds) {
      await this.mail.remove(`invitation-${id}`).catch(() => 0);
    }
  }
}

/** Another person's id in the person's own row (who decided their question, ...) is theirs. */
function withoutOthers(
  row: Record<string, unknown>,
  personColumns: string[],
  userId: string,
): Record<string, unknown> {
  const copy = { ...row };
  for (const column of personColumns) {
    const value = copy[column];
    // Person columns hold uuids (or the text of one, for the plain references).
    if (typeof value === 'string' && value !== userId) copy[column] = null;
  }
  return copy;
}

function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !exportDenylist.has(column)));
}

/** The JSON with every string that mentions the person replaced by null. */
function scrub(value: unknown, needles: string[]): unknown {
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    return needles.some((n) => lower.includes(n.toLowerCase())) ? null : value;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, needles));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrub(v, needles)]),
    );
  }
  return value;
}
