import { createZodDto } from 'nestjs-zod';
import {
  scheduleImportBodySchema,
  sessionInputSchema,
  sessionUpdateSchema,
  speakerInputSchema,
  speakerUpdateSchema,
  stageInputSchema,
  stageUpdateSchema,
  trackInputSchema,
  trackUpdateSchema,
} from '@plenum/contracts';

export class StageInputDto extends createZodDto(stageInputSchema) {}
export class StageUpdateDto extends createZodDto(stageUpdateSchema) {}
export class TrackInputDto extends createZodDto(trackInputSchema) {}
export class TrackUpdateDto extends createZodDto(trackUpdateSchema) {}
export class SpeakerInputDto extends createZodDto(speakerInputSchema) {}
export class SpeakerUpdateDto extends createZodDto(speakerUpdateSchema) {}
export class SessionInputDto extends createZodDto(sessionInputSchema) {}
export class SessionUpdateDto extends createZodDto(sessionUpdateSchema) {}
export class ScheduleImportDto extends createZodDto(scheduleImportBodySchema) {}
