import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuthSession, RetiredRefreshToken, User } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

/** A new signed-in device's row. */
export interface NewSignIn {
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  userAgent: string | null;
}

const SQL_HASH = 'a'.repeat(64);

/**
 * Sign-ins (`auth_sessions`) and the accounts they belong to: the password check's read, the
 * refresh token's rotation under a row lock, the retired tokens that reveal a replay, and ending
 * one or all of a person's sign-ins.
 */
@Injectable()
export class AuthRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The account behind an address, with its password hash (the one read that selects it). */
  @GenerateSql({ params: ['a@plenum.test'] })
  userWithPassword(email: string): Promise<User | null> {
    return this.db.getRepository(User).findOne({
      where: { email },
      select: [
        'id',
        'email',
        'displayName',
        'locale',
        'isPlatformAdmin',
        'disabledAt',
        'passwordHash',
      ],
    });
  }

  @GenerateSql({
    params: [{ userId: SQL_UUID, tokenHash: SQL_HASH, expiresAt: new Date(0), userAgent: null }],
  })
  insertSignIn(input: NewSignIn): Promise<AuthSession> {
    const sessions = this.db.getRepository(AuthSession);
    return sessions.save(sessions.create({ ...input, previousTokenHash: null, revokedAt: null }));
  }

  /** The sign-in whose current or previous refresh token has this hash, locked for rotation. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_HASH] })
  lockSignInByToken(manager: EntityManager, hash: string): Promise<AuthSession | null> {
    return manager.getRepository(AuthSession).findOne({
      where: [{ tokenHash: hash }, { previousTokenHash: hash }],
      lock: { mode: 'pessimistic_write' },
    });
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_HASH] })
  retiredToken(manager: EntityManager, hash: string): Promise<RetiredRefreshToken | null> {
    return manager.getRepository(RetiredRefreshToken).findOneBy({ tokenHash: hash });
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  user(manager: EntityManager, id: string): Promise<User | null> {
    return manager.getRepository(User).findOneBy({ id });
  }

  /** Remembers a token leaving the grace window, so its return is recognised as a replay. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_HASH, SQL_UUID] })
  async retireToken(
    manager: EntityManager,
    tokenHash: string,
    authSessionId: string,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(RetiredRefreshToken)
      .values({ tokenHash, authSessionId })
      .orIgnore()
      .execute();
  }

  /** The sign-in's new refresh token; the one it replaces stays valid for the grace window. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_HASH, SQL_HASH] })
  async rotate(
    manager: EntityManager,
    id: string,
    previousTokenHash: string,
    tokenHash: string,
  ): Promise<void> {
    await manager
      .getRepository(AuthSession)
      .update(id, { previousTokenHash, tokenHash, lastUsedAt: new Date() });
  }

  /** Ends a sign-in unless it has ended already (its end time stays the first one). */
  @GenerateSql({ params: [SQL_UUID] })
  async revokeIfActive(id: string): Promise<void> {
    await this.db
      .getRepository(AuthSession)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
  }

  /** The sign-in whose current or previous refresh token has this hash. */
  @GenerateSql({ params: [SQL_HASH] })
  signInByToken(hash: string): Promise<AuthSession | null> {
    return this.db
      .getRepository(AuthSession)
      .findOne({ where: [{ tokenHash: hash }, { previousTokenHash: hash }] });
  }

  @GenerateSql({ params: [SQL_UUID] })
  signIn(id: string): Promise<AuthSession | null> {
    return this.db.getRepository(AuthSession).findOneBy({ id });
  }

  /** The ids of a person's sign-ins that neither ended nor expired. */
  @GenerateSql({ params: [SQL_UUID] })
  async activeSignIns(userId: string): Promise<string[]> {
    const rows = await this.db.getRepository(AuthSession).find({
      where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      select: ['id'],
    });
    return rows.map((s) => s.id);
  }

  /** A person's sign-ins that neither ended nor expired, the most recently used first. */
  @GenerateSql({ params: [SQL_UUID] })
  activeSignInsOf(userId: string): Promise<AuthSession[]> {
    return this.db.getRepository(AuthSession).find({
      where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      select: ['id', 'userAgent', 'createdAt', 'lastUsedAt'],
      order: { lastUsedAt: 'DESC', createdAt: 'DESC' },
    });
  }

  @GenerateSql({ params: [[SQL_UUID]] })
  async revoke(ids: string[]): Promise<void> {
    await this.db.getRepository(AuthSession).update(ids, { revokedAt: new Date() });
  }
}
