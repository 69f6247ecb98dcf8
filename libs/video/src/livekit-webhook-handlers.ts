import { Injectable } from '@nestjs/common';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { EntityManager } from 'typeorm';

/** Handles one verified webhook inside the transaction that marks its id as processed. */
export type LiveKitWebhookHandler = (manager: EntityManager, event: WebhookEvent) => Promise<void>;

/**
 * Other modules (recordings in libs/ondemand) register here for the webhooks they care about,
 * so the one endpoint verifies and deduplicates every event and video need not know them.
 */
@Injectable()
export class LiveKitWebhookHandlers {
  private readonly handlers: LiveKitWebhookHandler[] = [];

  add(handler: LiveKitWebhookHandler): void {
    this.handlers.push(handler);
  }

  async run(manager: EntityManager, event: WebhookEvent): Promise<void> {
    for (const handler of this.handlers) await handler(manager, event);
  }
}
