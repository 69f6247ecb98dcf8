import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthSession, User } from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

/** What the queue dashboard's door reads: the sign-in its cookie names and that sign-in's person. */
@Injectable()
export class QueueDashboardRepository {
  constructor(private readonly db: DataSource) {}

  @GenerateSql({ params: [SQL_UUID] })
  signIn(id: string): Promise<AuthSession | null> {
    return this.db.getRepository(AuthSession).findOneBy({ id });
  }

  @GenerateSql({ params: [SQL_UUID] })
  user(id: string): Promise<User | null> {
    return this.db.getRepository(User).findOneBy({ id });
  }
}
