import {
  Body,
  Controller,
  Delete,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type {
  ScheduleImportReport,
  SessionView,
  SessionWriteResult,
  SpeakerView,
  StageView,
  TrackView,
} from '@plenum/contracts';
import { Access, EventAccess } from '@plenum/identity';
import type { ResolvedAccess } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { CatalogueService } from './catalogue.service';
import {
  ScheduleImportDto,
  ScheduleImportReportDto,
  SessionInputDto,
  SessionUpdateDto,
  SessionViewDto,
  SessionWriteResultDto,
  SpeakerInputDto,
  SpeakerUpdateDto,
  SpeakerViewDto,
  StageInputDto,
  StageUpdateDto,
  StageViewDto,
  TrackInputDto,
  TrackUpdateDto,
  TrackViewDto,
} from './programme.dto';
import { ScheduleImportService } from './schedule-import.service';
import { SessionLifecycleService } from './session-lifecycle.service';
import { SessionsService } from './sessions.service';

/** A malformed id names nothing that exists. */
const Id = new ParseUUIDPipe({ exceptionFactory: () => PlenumError.notFound() });

/** Organizers build the programme; moderators start and end their sessions. */
@ApiTags('programme')
@Controller('events/:slug')
export class ProgrammeEditingController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly sessions: SessionsService,
    private readonly lifecycle: SessionLifecycleService,
    private readonly importer: ScheduleImportService,
  ) {}

  @Post('stages')
  @EventAccess('programme.edit')
  @ZodResponse({ status: 201, type: StageViewDto })
  createStage(
    @Access() { principal, event }: ResolvedAccess,
    @Body() body: StageInputDto,
  ): Promise<StageView> {
    return this.catalogue.createStage(principal, event, body);
  }

  @Patch('stages/:id')
  @EventAccess('programme.edit')
  @ZodResponse({ status: 200, type: StageViewDto })
  updateStage(
    @Access() { principal, event }: ResolvedAccess,
    @Param('id', Id) id: string,
    @Body() body: StageUpdateDto,
  ): Promise<StageView> {
    return this.catalogue.updateStage(principal, event, id, body);
  }

  @Delete('stages/:id')
  @HttpCode(204)
  @EventAccess('programme.edit')
  @ApiNoContentResponse({ description: 'The stage is deleted' })
  async deleteStage(
    @Access() { principal, event }: ResolvedAccess,
    @Param('id', Id) id: string,
  ): Promise<void> {
    await this.catalogue.deleteStage(principal, event, id);
  }

  @Post('tracks')
  @EventAccess('programme.edit')
  @ZodResponse({ status: 201, type: TrackViewDto })
  createTrack(
    @Access() { principal, event }: ResolvedAccess,
    @Body() body: TrackInputDto,
  ): Promise<TrackView> {
    return this.catalogue.createTrack(principal, event, body);
  }

  @Patch('tracks/:id')
  @EventAccess('programme.edit')
  @ZodResponse({ status: 200, type: TrackViewDto })
  updateTrack(
    @Access() { principal, event }: ResolvedAccess,
    @Param('id', Id) id: string,
    @Body() body: TrackUpdateDto,
  ): Promise<TrackView> {
    return this.catalogue.updateTrack(principal, event, id, body);
  }

  @Delete('tracks/:id')
  @HttpCode(204)
  @EventAccess('programme.edit')
  @ApiNoContentResponse({ description: 'The track is deleted' })
  async deleteTrack(
    @Access() { principal, event }: ResolvedAccess,
    @Param('id', Id) id: string,
  ): Promise<void> {
    await this.catalogue.deleteTrack(principal, event, id);
  }

  @Post('speakers')
  @EventAccess('programme.edit')
  @ZodResponse({ status: 201, type: SpeakerViewDto })
  createSpeaker(
    @Access() { principal, event }: ResolvedAccess,
    @Body() body: SpeakerInputDto,
  ): Promise<SpeakerView> {
    return this.catalogue.createSpeaker(principal, event, body);
  }

  @Patch('speakers/:id')
  @EventAccess('programme.edit')
  @ZodResponse({ status: 200, type: SpeakerViewDto })
  updateSpeaker(
    @Access() { principal, event }: ResolvedAccess,
    @Param('id', Id) id: string,
    @Body() body: SpeakerUpdateDto,
  ): Promise<SpeakerView> {
    return this.catalogue.updateSpeaker(principal, event, id, body);
  }

  @Delete('speakers/:id')
  @HttpCode(204)
  @EventAccess('programme.edit')
  @ApiNoContentResponse({ description: 'The speaker is deleted' })
  async deleteSpeaker(
    @Access() { principal, event }: ResolvedAccess,
    @Param('id', Id) id: string,
  ): Promise<void> {
    await this.catalogue.deleteSpeaker(principal, event, id);
  }

  @Post('sessions')
  @EventAccess('programme.edit')
  @ZodResponse({ status: 201, type: SessionWriteResultDto })
  createSession(
    @Access() { principal, event }: ResolvedAccess,
    @Body() body: SessionInputDto,
  ): Promise<SessionWriteResult> {
    return this.sessions.create(principal, event, body);
  }

  @Patch('sessions/:id')
  @EventAccess('programme.edit')
  @ZodResponse({ status: 200, type: SessionWriteResultDto })
  updateSession(
    @Access() { principal, event }: ResolvedAccess,
    @Param('id', Id) id: string,
    @Body() body: SessionUpdateDto,
  ): Promise<SessionWriteResult> {
    return this.sessions.update(principal, event, id, body);
  }

  @Post('sessions/:id/start')
  @ZodResponse({ status: 200, type: SessionViewDto })
  @EventAccess('session.moderate', { session: 'id' })
  start(
    @Access() { principal, event }: ResolvedAccess,
    @Param('id', Id) id: string,
  ): Promise<SessionView> {
    return this.lifecycle.transition(principal, event, id, 'start');
  }

  @Post('sessions/:id/end')
  @ZodResponse({ status: 200, type: SessionViewDto })
  @EventAccess('session.moderate', { session: 'id' })
  end(
    @Access() { principal, event }: ResolvedAccess,
    @Param('id', Id) id: string,
  ): Promise<SessionView> {
    return this.lifecycle.transition(principal, event, id, 'end');
  }

  @Post('sessions/:id/cancel')
  @ZodResponse({ status: 200, type: SessionViewDto })
  @EventAccess('programme.edit')
  cancel(
    @Access() { principal, event }: ResolvedAccess,
    @Param('id', Id) id: string,
  ): Promise<SessionView> {
    return this.lifecycle.transition(principal, event, id, 'cancel');
  }

  @Post('sessions/:id/reinstate')
  @ZodResponse({ status: 200, type: SessionViewDto })
  @EventAccess('programme.edit')
  reinstate(
    @Access() { principal, event }: ResolvedAccess,
    @Param('id', Id) id: string,
  ): Promise<SessionView> {
    return this.lifecycle.transition(principal, event, id, 'reinstate');
  }

  /** `?dryRun=true` answers the same report without writing anything: the preview. */
  @Post('schedule/import')
  @ZodResponse({ status: 200, type: ScheduleImportReportDto })
  @EventAccess('programme.edit')
  importSchedule(
    @Access() { principal, event }: ResolvedAccess,
    @Query('dryRun') dryRun: string | undefined,
    @Body() body: ScheduleImportDto,
  ): Promise<ScheduleImportReport> {
    return this.importer.import(principal, event, body, dryRun === 'true' || dryRun === '1');
  }
}
