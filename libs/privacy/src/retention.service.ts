import { Injectable, Logger } from '@nestjs/common';
import { PrivacyRepository } from './privacy.repository';
import type { AnonymisedCounts } from './privacy.repository';

/** Anonymises the attendance of events whose retention period is over; run by the worker. */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(private readonly privacy: PrivacyRepository) {}

  /**
   * The period counts from the end of the event's last day in its own time zone. Running it
   * again is harmless: rows already anonymised are left as they are, late ones are caught.
   */
  async anonymiseDue(now = new Date()): Promise<Array<{ eventId: string } & AnonymisedCounts>> {
    const done: Array<{ eventId: string } & AnonymisedCounts> = [];
    for (const eventId of await this.privacy.eventsDueForAnonymisation(now)) {
      const counts = await this.privacy.transaction(async (manager) => {
        const result = await this.privacy.anonymiseAttendance(manager, { eventId });
        await this.privacy.markAttendanceAnonymised(manager, eventId, now);
        return result;
      });
      if (counts.attendance + counts.presence + counts.boothVisits > 0) {
        this.logger.log({ eventId, ...counts }, `Anonymised attendance of event ${eventId}`);
      }
      done.push({ eventId, ...counts });
    }
    return done;
  }
}
