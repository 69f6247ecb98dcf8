import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Housekeeping run by the worker: ended sign-ins and long-gone invitations leave the tables. */
@Injectable()
export class IdentityMaintenance {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Removes sign-ins a day after they ended (their retired refresh tokens go with them) and
   * invitations a month after they ran out.
   */
  async purgeEnded(): Promise<{ sessions: number; invitations: number }> {
    const sessions = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM auth_sessions WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day'`,
    );
    const invitations = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM invitations WHERE expires_at < now() - interval '30 days'`,
    );
    return { sessions: sessions[1], invitations: invitations[1] };
  }
}
