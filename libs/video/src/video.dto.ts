import { createZodDto } from 'nestjs-zod';
import {
  goLiveRequestSchema,
  liveSpeakerSchema,
  sessionAttendanceSchema,
  videoTokenRequestSchema,
  videoTokenSchema,
  webhookOutcomeSchema,
} from '@plenum/contracts';

export class VideoTokenDto extends createZodDto(videoTokenRequestSchema) {}
export class GoLiveDto extends createZodDto(goLiveRequestSchema) {}

export class VideoTokenViewDto extends createZodDto(videoTokenSchema) {}
export class LiveSpeakerViewDto extends createZodDto(liveSpeakerSchema) {}
export class SessionAttendanceDto extends createZodDto(sessionAttendanceSchema) {}
export class WebhookReceiptDto extends createZodDto(webhookOutcomeSchema) {}
