import { Injectable } from '@nestjs/common';
import type { PrivacySettingsRequest, PrivacySettingsView } from '@plenum/contracts';
import type { Event, EventPrivacySettings } from '@plenum/db';
import { AuditService } from '@plenum/platform';
import { PrivacyRepository } from './privacy.repository';

@Injectable()
export class PrivacySettingsService {
  constructor(
    private readonly privacy: PrivacyRepository,
    private readonly audit: AuditService,
  ) {}

  async get(event: Event): Promise<PrivacySettingsView> {
    const row = await this.privacy.settings(event.id);
    return this.view(event, row);
  }

  async update(
    event: Event,
    actorId: string,
    input: PrivacySettingsRequest,
  ): Promise<PrivacySettingsView> {
    await this.privacy.saveRetention(event.id, input.attendanceRetentionDays);
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
      anonymiseAfter =
        (await this.privacy.anonymiseAfter(event.endsOn, days, event.timeZone))?.toISOString() ??
        null;
    }
    return {
      attendanceRetentionDays: days,
      anonymiseAfter,
      attendanceAnonymisedAt: row?.attendanceAnonymisedAt?.toISOString() ?? null,
    };
  }
}
