import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GenerateSql } from '@plenum/platform';

/** The housekeeping deletes of sign-ins, invitations and e-mail links; each returns how many rows went. */
@Injectable()
export class IdentityMaintenanceRepository {
  constructor(private readonly db: DataSource) {}

  /** Sign-ins a day after they expired or were revoked (their retired refresh tokens go with them). */
  @GenerateSql()
  async deleteEndedSignIns(): Promise<number> {
    const [, deleted] = await this.db.query<[unknown, number]>(
      `DELETE FROM auth_sessions WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day'`,
    );
    return deleted;
  }

  /** Invitations a month after they ran out. */
  @GenerateSql()
  async deleteExpiredInvitations(): Promise<number> {
    const [, deleted] = await this.db.query<[unknown, number]>(
      `DELETE FROM invitations WHERE expires_at < now() - interval '30 days'`,
    );
    return deleted;
  }

  /** Password-reset and sign-in links a day after they ran out, used or not. */
  @GenerateSql()
  async deleteExpiredEmailLinks(): Promise<number> {
    const [, deleted] = await this.db.query<[unknown, number]>(
      `DELETE FROM sign_in_links WHERE expires_at < now() - interval '1 day'`,
    );
    return deleted;
  }
}
