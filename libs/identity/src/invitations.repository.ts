import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Locale } from '@plenum/contracts';
import { Booth, Event, Invitation, Membership, Session, User, membershipScope } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

/** The account an invitation names, made when the address has none. */
export interface InvitedAccount {
  email: string;
  displayName: string;
  locale: Locale;
}

export type NewInvitation = Pick<
  Invitation,
  | 'id'
  | 'eventId'
  | 'userId'
  | 'invitedById'
  | 'email'
  | 'role'
  | 'sessionId'
  | 'boothId'
  | 'newAccount'
  | 'tokenHash'
  | 'expiresAt'
>;

/** A role in an event, as an invitation grants it. */
export type GrantedRole = Pick<Invitation, 'eventId' | 'userId' | 'role' | 'sessionId' | 'boothId'>;

/** What the invitation e-mail says to its reader. */
export type InvitationRecipient = Pick<
  User,
  'id' | 'email' | 'displayName' | 'locale' | 'passwordHash'
>;

const SQL_HASH = 'a'.repeat(64);
const SQL_ROLE: GrantedRole = {
  eventId: SQL_UUID,
  userId: SQL_UUID,
  role: 'speaker',
  sessionId: SQL_UUID,
  boothId: null,
};

/**
 * Invitations, the memberships they grant and the accounts they make: written in the inviting,
 * accepting or declining transaction (the service passes its manager), read by the page behind
 * the link and by the worker that writes the e-mail.
 */
@Injectable()
export class InvitationsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID] })
  sessionInEvent(manager: EntityManager, eventId: string, id: string): Promise<boolean> {
    return manager.getRepository(Session).existsBy({ id, eventId });
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID] })
  boothInEvent(manager: EntityManager, eventId: string, id: string): Promise<boolean> {
    return manager.getRepository(Booth).existsBy({ id, eventId });
  }

  /** The address's account, made now when there is none (`created`). */
  @GenerateSql({
    params: [SQL_MANAGER, { email: 'a@plenum.test', displayName: 'A', locale: 'de' }],
  })
  async ensureUser(
    manager: EntityManager,
    account: InvitedAccount,
  ): Promise<{ userId: string; created: boolean }> {
    const users = manager.getRepository(User);
    const inserted = await users
      .createQueryBuilder()
      .insert()
      .values(account)
      .orIgnore()
      .returning(['id'])
      .execute();
    const created = (inserted.raw as unknown[]).length === 1;
    const user = await users.findOneOrFail({ where: { email: account.email }, select: ['id'] });
    return { userId: user.id, created };
  }

  @GenerateSql({
    params: [
      SQL_MANAGER,
      {
        id: SQL_UUID,
        eventId: SQL_UUID,
        userId: SQL_UUID,
        invitedById: SQL_UUID,
        email: 'a@plenum.test',
        role: 'speaker',
        sessionId: SQL_UUID,
        boothId: null,
        newAccount: true,
        tokenHash: SQL_HASH,
        expiresAt: new Date(0),
      },
    ],
  })
  async insert(manager: EntityManager, invitation: NewInvitation): Promise<void> {
    await manager
      .getRepository(Invitation)
      .insert({ ...invitation, acceptedAt: null, declinedAt: null });
  }

  /** Gives the role; a role the person holds already stays as it is. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_ROLE] })
  async grant(manager: EntityManager, m: GrantedRole): Promise<void> {
    await manager
      .getRepository(Membership)
      .createQueryBuilder()
      .insert()
      .values({
        eventId: m.eventId,
        userId: m.userId,
        role: m.role,
        sessionId: m.sessionId,
        boothId: m.boothId,
        scope: membershipScope(m.sessionId, m.boothId),
      })
      .orIgnore()
      .execute();
  }

  /** Takes back the role an invitation gave; false when it was gone already. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_ROLE] })
  async revokeGrant(manager: EntityManager, m: GrantedRole): Promise<boolean> {
    const result = await manager.getRepository(Membership).delete({
      eventId: m.eventId,
      userId: m.userId,
      role: m.role,
      scope: membershipScope(m.sessionId, m.boothId),
    });
    return (result.affected ?? 0) > 0;
  }

  /** The event's memberships, oldest first, with the person and the session or booth. */
  @GenerateSql({ params: [SQL_UUID] })
  members(eventId: string): Promise<Membership[]> {
    return this.db.getRepository(Membership).find({
      where: { eventId },
      relations: { user: true, session: true, booth: true },
      order: { createdAt: 'ASC' },
    });
  }

  /** Invitations to existing accounts not answered yet and not run out, oldest first. */
  @GenerateSql({ params: [SQL_UUID] })
  pending(eventId: string): Promise<Invitation[]> {
    return this.db.getRepository(Invitation).find({
      where: {
        eventId,
        newAccount: false,
        acceptedAt: IsNull(),
        declinedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      },
      relations: { session: true, booth: true },
      order: { createdAt: 'ASC' },
    });
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID] })
  unaccepted(manager: EntityManager, eventId: string, id: string): Promise<Invitation | null> {
    return manager.getRepository(Invitation).findOneBy({ id, eventId, acceptedAt: IsNull() });
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Invitation).delete(id);
  }

  /** The invitation behind a link, with its event and the session or booth it names. */
  @GenerateSql({ params: [SQL_HASH] })
  byTokenHash(tokenHash: string): Promise<Invitation | null> {
    return this.db.getRepository(Invitation).findOne({
      where: { tokenHash },
      relations: { event: true, session: true, booth: true },
    });
  }

  /** The invitation behind a link, locked until the transaction answers it. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_HASH] })
  lockByTokenHash(manager: EntityManager, tokenHash: string): Promise<Invitation | null> {
    return manager.getRepository(Invitation).findOne({
      where: { tokenHash },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Whether the account has a password yet; null when there is no such account. */
  @GenerateSql({ params: [SQL_UUID] })
  async hasPassword(userId: string): Promise<boolean | null> {
    const user = await this.db
      .getRepository(User)
      .findOne({ where: { id: userId }, select: ['id', 'passwordHash'] });
    return user ? Boolean(user.passwordHash) : null;
  }

  /** Sets the password of an account that has none; false when it has one (nothing changes). */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, 'hash'] })
  async setFirstPassword(
    manager: EntityManager,
    userId: string,
    passwordHash: string,
  ): Promise<boolean> {
    const set = await manager
      .createQueryBuilder()
      .update(User)
      .set({ passwordHash })
      .where('id = :id AND password_hash IS NULL', { id: userId })
      .execute();
    return set.affected === 1;
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  getUser(manager: EntityManager, id: string): Promise<User> {
    return manager.getRepository(User).findOneByOrFail({ id });
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  getEvent(manager: EntityManager, id: string): Promise<Event> {
    return manager.getRepository(Event).findOneByOrFail({ id });
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async markAccepted(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Invitation).update(id, { acceptedAt: new Date() });
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async markDeclined(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Invitation).update(id, { declinedAt: new Date() });
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID] })
  membership(manager: EntityManager, eventId: string, id: string): Promise<Membership | null> {
    return manager.getRepository(Membership).findOneBy({ id, eventId });
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async deleteMembership(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Membership).delete(id);
  }

  @GenerateSql({ params: [SQL_UUID] })
  find(id: string): Promise<Invitation | null> {
    return this.db.getRepository(Invitation).findOneBy({ id });
  }

  /** The invited account as the e-mail addresses it (and whether the link sets a password). */
  @GenerateSql({ params: [SQL_UUID] })
  recipient(userId: string): Promise<InvitationRecipient | null> {
    return this.db.getRepository(User).findOne({
      where: { id: userId },
      select: ['id', 'email', 'displayName', 'locale', 'passwordHash'],
    });
  }

  @GenerateSql({ params: [SQL_UUID] })
  findEvent(id: string): Promise<Event | null> {
    return this.db.getRepository(Event).findOneBy({ id });
  }
}
