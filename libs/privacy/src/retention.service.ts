import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { anonymiseAttendance } from './attendance-anonymiser';
import type { AnonymisedCounts } from './attendance-anonymiser';

/** Anonymises the attendance of events whose retention period is over; run by the worker. */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The period counts from the end of the event's last day in its own time zone. Running it
   * again is harmless: rows already anonymised are left as they are, late ones are caught.
   */
  async anonymiseDue(now = new Date()): Promise<Array<{ eventId: string } & AnonymisedCounts>> {
    const due = await this.dataSource.query<Array<{ event_id: string }>>(
      `SELECT s.event_id FROM event_privacy_settings s JOIN events e ON e.id = s.event_id
       WHERE s.attendance_retention_days IS NOT NULL
         AND ((e.ends_on + 1 + s.attendance_retention_days)::timestamp AT TIME ZONE e.time_zone)
             <= $1`,
      [now],
    );
    const done: Array<{ eventId: string } & AnonymisedCounts> = [];
    for (const { event_id: eventId } of due) {
      const counts = await this.dataSource.transaction(async (manager) => {
        const result = await anonymiseAttendance(manager, { eventId });
        await manager.query(
          `UPDATE event_privacy_settings SET attendance_anonymised_at = coalesce(attendance_anonymised_at, $2)
           WHERE event_id = $1`,
          [eventId, now],
        );
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
