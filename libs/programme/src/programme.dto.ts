import { createZodDto } from 'nestjs-zod';
import {
  agendaSchema,
  calendarFeedSchema,
  nowNextSchema,
  programmeSchema,
  scheduleImportBodySchema,
  scheduleImportReportSchema,
  sessionInputSchema,
  sessionUpdateSchema,
  sessionViewSchema,
  sessionWriteResultSchema,
  speakerInputSchema,
  speakerUpdateSchema,
  speakerViewSchema,
  stageInputSchema,
  stageUpdateSchema,
  stageViewSchema,
  trackInputSchema,
  trackUpdateSchema,
  trackViewSchema,
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

export class StageViewDto extends createZodDto(stageViewSchema) {}
export class TrackViewDto extends createZodDto(trackViewSchema) {}
export class SpeakerViewDto extends createZodDto(speakerViewSchema) {}
export class SessionViewDto extends createZodDto(sessionViewSchema) {}
export class SessionWriteResultDto extends createZodDto(sessionWriteResultSchema) {}
export class ScheduleImportReportDto extends createZodDto(scheduleImportReportSchema) {}
export class NowNextDto extends createZodDto(nowNextSchema) {}
export class ProgrammeDto extends createZodDto(programmeSchema) {}
export class AgendaDto extends createZodDto(agendaSchema) {}
export class CalendarFeedDto extends createZodDto(calendarFeedSchema) {}
