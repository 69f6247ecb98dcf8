import { Injectable } from '@nestjs/common';
import { IdentityMaintenanceRepository } from './identity-maintenance.repository';

/** Housekeeping run by the worker: ended sign-ins and long-gone invitations leave the tables. */
@Injectable()
export class IdentityMaintenance {
  constructor(private readonly repository: IdentityMaintenanceRepository) {}

  /**
   * Removes sign-ins a day after they ended (their retired refresh tokens go with them) and
   * invitations a month after they ran out.
   */
  async purgeEnded(): Promise<{ sessions: number; invitations: number }> {
    const sessions = await this.repository.deleteEndedSignIns();
    const invitations = await this.repository.deleteExpiredInvitations();
    return { sessions, invitations };
  }
}
