import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Membership, User } from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

/** What a person may change of their own profile. */
export type ProfileChanges = Partial<Pick<User, 'displayName' | 'locale'>>;

/** A signed-in person's own account and the events they hold a role in. */
@Injectable()
export class ProfileRepository {
  constructor(private readonly db: DataSource) {}

  @GenerateSql({ params: [SQL_UUID] })
  user(id: string): Promise<User | null> {
    return this.db.getRepository(User).findOneBy({ id });
  }

  @GenerateSql({ params: [SQL_UUID, { displayName: 'A', locale: 'en' }] })
  async update(id: string, changes: ProfileChanges): Promise<void> {
    await this.db.getRepository(User).update(id, changes);
  }

  /** The person's memberships with their events, oldest first. */
  @GenerateSql({ params: [SQL_UUID] })
  memberships(userId: string): Promise<Membership[]> {
    return this.db.getRepository(Membership).find({
      where: { userId },
      relations: { event: true },
      order: { createdAt: 'ASC' },
    });
  }

  /** The person's memberships with their events, in no particular order (the caller sorts). */
  @GenerateSql({ params: [SQL_UUID] })
  membershipEvents(userId: string): Promise<Membership[]> {
    return this.db.getRepository(Membership).find({
      where: { userId },
      relations: { event: true },
    });
  }
}
