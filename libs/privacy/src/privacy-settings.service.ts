import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { PrivacySettingsRequest, PrivacySettingsView } from '@plenum/contracts';
import { EventPrivacySettings } from '@plenum/db';
import type { Event } from '@plenum/db';
import { AuditService } from '@plenum/platform';

@Injectable()
export class PrivacySettingsService {
  constructor(
    @InjectRepository(EventPrivacySettings)
    private readonly settings: Repository<EventPrivacySettings>,
    private readonly audit: AuditService,
  ) {}

  async get(event: Event): Promise<PrivacySettingsView> {
    const row = await this.settings.findOneBy({ eventId: event.id });
    return this.view(event, row);
  }

  async update(
    event: Event,
    actorId: string,
    input: PrivacySettingsRequest,
  ): Promise<PrivacySettingsView> {
    await this.settings.upsert(
      { eventId: event.id, attendanceRetentionDays: input.attendanceRetentionDays },
      ['eventId'],
    );
    await this.audit.record({
      eventId: event.id,
      actorId,
      action: 'event.privacy.updated',
      targetType: 'event',
      targetId: event.id,
      details: { attendanceRetentionDays: input.attendanceRetentionDays },
    });
    return this.get(event);
  }

  private async view(event: Event, row: EventPrivacySettings | null): Promise<PrivacySettingsView> {
    const days = row?.attendanceRetentionDays ?? null;
    let anonymiseAfter: string | null = null;
    if (days !== null) {
      // The end of the event's last day in its own time zone, plus the period.
      const rows = await this.settings.query<Array<{ at: Date }>>(
        `SELECT (($1::date + 1 + $2::int)::timestamp AT TIME ZONE $3) AS at`,
        [event.endsOn, days, event.timeZone],
      );
      anonymiseAfter = rows[0]?.at.toISOString() ?? null;
    }
    return {
      attendanceRetentionDays: days,
      anonymiseAfter,
      attendanceAnonymisedAt: row?.attendanceAnonymisedAt?.toISOString() ?? null,
    };
  }
}
