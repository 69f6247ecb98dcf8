import { Body, Controller, Headers, Inject, Logger, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { WebhookReceiver } from 'livekit-server-sdk';
import type { WebhookEvent } from 'livekit-server-sdk';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { WebhookReceipt } from '@plenum/contracts';
import { OwnAuthorization } from '@plenum/identity';
import { PlenumError, TextBody } from '@plenum/platform';
import { AttendanceService } from './attendance.service';
import { WebhookReceiptDto } from './video.dto';
import { videoNotConfigured } from './video-tokens.service';

/** The content type LiveKit posts webhooks with; the webhook route takes it as raw text. */
export const LIVEKIT_WEBHOOK_CONTENT_TYPE = 'application/webhook+json';

@ApiTags('video')
@Controller('livekit')
export class LiveKitWebhookController {
  private readonly logger = new Logger(LiveKitWebhookController.name);
  private readonly receiver: WebhookReceiver | undefined;

  constructor(
    private readonly attendance: AttendanceService,
    @Inject(PLENUM_CONFIG) config: PlenumConfig,
  ) {
    this.receiver = config.livekit
      ? new WebhookReceiver(config.livekit.apiKey, config.livekit.apiSecret)
      : undefined;
  }

  /**
   * LiveKit signs a webhook with a token in the Authorization header whose `sha256` claim is the
   * hash of the body exactly as sent, so the body is checked as raw text before it is parsed.
   */
  @OwnAuthorization()
  @Post('webhook')
  @TextBody({ contentTypes: [LIVEKIT_WEBHOOK_CONTENT_TYPE], maxBytes: 65_536 })
  @ZodResponse({ status: 200, type: WebhookReceiptDto })
  async receive(
    @Body() body: unknown,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<WebhookReceipt> {
    if (!this.receiver) throw videoNotConfigured();
    if (typeof body !== 'string') {
      throw new PlenumError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Send webhooks as ${LIVEKIT_WEBHOOK_CONTENT_TYPE}`,
        415,
      );
    }
    let event: WebhookEvent;
    try {
      // LiveKit sends the bare token; accept a Bearer prefix from hand-made requests too.
      const token = authorization?.replace(/^Bearer\s+/i, '');
      event = await this.receiver.receive(body, token);
    } catch (err) {
      this.logger.warn({ err }, 'LiveKit webhook refused');
      throw PlenumError.unauthenticated('Webhook signature is not valid');
    }
    const outcome = await this.attendance.record(event, body);
    return { outcome };
  }
}
