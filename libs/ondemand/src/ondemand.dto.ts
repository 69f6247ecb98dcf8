import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  attachRecordingUrlSchema,
  impressionUploadQuerySchema,
  impressionViewSchema,
  mediathekSchema,
  recordingControlSchema,
  sessionOnDemandSchema,
  slideUploadQuerySchema,
  slideViewSchema,
  updateImpressionSchema,
} from '@plenum/contracts';

export class AttachRecordingUrlDto extends createZodDto(attachRecordingUrlSchema) {}
export class SlideUploadQueryDto extends createZodDto(slideUploadQuerySchema) {}
export class ImpressionUploadQueryDto extends createZodDto(impressionUploadQuerySchema) {}
export class UpdateImpressionDto extends createZodDto(updateImpressionSchema) {}
export class MediaLinkQueryDto extends createZodDto(
  z.object({ exp: z.string().max(20).optional(), sig: z.string().max(100).optional() }),
) {}

export class MediathekDto extends createZodDto(mediathekSchema) {}
export class SessionOnDemandDto extends createZodDto(sessionOnDemandSchema) {}
export class SlideViewDto extends createZodDto(slideViewSchema) {}
export class ImpressionViewDto extends createZodDto(impressionViewSchema) {}
export class RecordingControlDto extends createZodDto(recordingControlSchema) {}
