import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { SignInLink, User } from '@plenum/db';
import type { SignInLinkPurpose } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

const SQL_HASH = 'a'.repeat(64);

/** Password-reset and sign-in links (`sign_in_links`): written by the worker, used once. */
@Injectable()
export class EmailLinksRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  @GenerateSql({ params: ['a@plenum.test'] })
  userByEmail(email: string): Promise<User | null> {
    return this.db.getRepository(User).findOneBy({ email });
  }

  @GenerateSql({ params: [SQL_UUID] })
  find(id: string): Promise<SignInLink | null> {
    return this.db.getRepository(SignInLink).findOneBy({ id });
  }

  /** Writes the link once; a retried job finds the row it wrote before and changes nothing. */
  @GenerateSql({
    params: [
      {
        id: SQL_UUID,
        userId: SQL_UUID,
        purpose: 'sign-in',
        tokenHash: SQL_HASH,
        expiresAt: new Date(0),
      },
    ],
  })
  async insert(link: {
    id: string;
    userId: string;
    purpose: SignInLinkPurpose;
    tokenHash: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.db
      .createQueryBuilder()
      .insert()
      .into(SignInLink)
      .values({ ...link, usedAt: null })
      .orIgnore()
      .execute();
  }

  /**
   * Uses the link with this hash if it is for `purpose`, unused and not expired: one conditional
   * update, so two tabs presenting it at once cannot both get through. The account's id, or null.
   */
  @GenerateSql({ params: [SQL_MANAGER, SQL_HASH, 'sign-in'] })
  async use(
    manager: EntityManager,
    tokenHash: string,
    purpose: SignInLinkPurpose,
  ): Promise<string | null> {
    const result = await manager
      .createQueryBuilder()
      .update(SignInLink)
      .set({ usedAt: () => 'now()' })
      .where(
        'token_hash = :tokenHash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()',
        { tokenHash, purpose },
      )
      .returning('user_id')
      .execute();
    const row = (result.raw as Array<{ user_id: string }>)[0];
    return row?.user_id ?? null;
  }

  /** Ends the account's other open links of a kind (a new password makes older resets moot). */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, 'password-reset'] })
  async useAllOpen(
    manager: EntityManager,
    userId: string,
    purpose: SignInLinkPurpose,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(SignInLink)
      .set({ usedAt: () => 'now()' })
      .where('user_id = :userId AND purpose = :purpose AND used_at IS NULL', { userId, purpose })
      .execute();
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, 'x'] })
  async setPassword(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.getRepository(User).update(userId, { passwordHash });
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  user(manager: EntityManager, id: string): Promise<User | null> {
    return manager.getRepository(User).findOneBy({ id });
  }
}
