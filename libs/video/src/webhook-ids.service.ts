import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The ids of processed LiveKit webhooks, kept only as long as LiveKit may retry one. */
@Injectable()
export class WebhookIds {
  constructor(private readonly dataSource: DataSource) {}

  async purgeOld(): Promise<number> {
    const result = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM livekit_webhook_events WHERE received_at < now() - interval '7 days'`,
    );
    return result[1];
  }
}
