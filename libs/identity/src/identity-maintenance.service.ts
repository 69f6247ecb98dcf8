import { Injectable } from '@nestjs/common';
import { IdentityMaintenanceRepository } from './identity-maintenance.repository';

/** Housekeeping run by the worker: ended sign-ins, long-gone invitations and e-mail links leave the tables. */
@Injectable()
export class IdentityMaintenance {
  constructor(private readonly repository: IdentityMaintenanceRepository) {}

  /**
   * Removes sign-ins a day after they ended (their retired refresh tokens go with them) and
   * invitations a month after they ran out, password-reset and sign-in links a day after theirs.
   */
  async purgeEnded(): Promise<{ sessions: number; invitations: number; emailLinks: number }> {
    const sessions = await this.repository.deleteEndedSignIns();
    const invitations = await this.repository.deleteExpiredInvitations();
    const emailLinks = await this.repository.deleteExpiredEmailLinks();
    return { sessions, invitations, emailLinks };
  }
}
