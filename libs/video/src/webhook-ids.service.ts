import { Injectable } from '@nestjs/common';
import { AttendanceRepository } from './attendance.repository';

/** The ids of processed LiveKit webhooks, kept only as long as LiveKit may retry one. */
@Injectable()
export class WebhookIds {
  constructor(private readonly attendance: AttendanceRepository) {}

  purgeOld(): Promise<number> {
    return this.attendance.purgeProcessed();
  }
}
