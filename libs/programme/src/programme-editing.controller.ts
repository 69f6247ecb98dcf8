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
import type {
  ScheduleImportReport,
  SessionView,
  SessionWriteResult,
  SpeakerView,
  StageView,
  TrackView,
} from '@plenum/contracts';
import { CurrentPrincipal, PermissionsService } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { CatalogueService } from './catalogue.service';
import {
  ScheduleImportDto,
  SessionInputDto,
  SessionUpdateDto,
  SpeakerInputDto,
  SpeakerUpdateDto,
  StageInputDto,
  StageUpdateDto,
  TrackInputDto,
  TrackUpdateDto,
} from './programme.dto';
import { ScheduleImportService } from './schedule-import.service';
import { SessionsService } from './sessions.service';

/** A malformed id names nothing that exists. */
const Id = new ParseUUIDPipe({ exceptionFactory: () => PlenumError.notFound() });

/** Organizers build the programme; moderators start and end their sessions. */
@Controller('events/:slug')
export class ProgrammeEditingController {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly catalogue: CatalogueService,
    private readonly sessions: SessionsService,
    private readonly importer: ScheduleImportService,
  ) {}

  @Post('stages')
  async createStage(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Body() body: StageInputDto,
  ): Promise<StageView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'programme.edit');
    return this.catalogue.createStage(principal, event, body);
  }

  @Patch('stages/:id')
  async updateStage(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('id', Id) id: string,
    @Body() body: StageUpdateDto,
  ): Promise<StageView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'programme.edit');
    return this.catalogue.updateStage(principal, event, id, body);
  }

  @Delete('stages/:id')
  @HttpCode(204)
  async deleteStage(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('id', Id) id: string,
  ): Promise<void> {
    const { event } = await this.permissions.eventFor(principal, slug, 'programme.edit');
    await this.catalogue.deleteStage(principal, event, id);
  }

  @Post('tracks')
  async createTrack(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Body() body: TrackInputDto,
  ): Promise<TrackView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'programme.edit');
    return this.catalogue.createTrack(principal, event, body);
  }

  @Patch('tracks/:id')
  async updateTrack(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('id', Id) id: string,
    @Body() body: TrackUpdateDto,
  ): Promise<TrackView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'programme.edit');
    return this.catalogue.updateTrack(principal, event, id, body);
  }

  @Delete('tracks/:id')
  @HttpCode(204)
  async deleteTrack(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('id', Id) id: string,
  ): Promise<void> {
    const { event } = await this.permissions.eventFor(principal, slug, 'programme.edit');
    await this.catalogue.deleteTrack(principal, event, id);
  }

  @Post('speakers')
  async createSpeaker(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Body() body: SpeakerInputDto,
  ): Promise<SpeakerView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'programme.edit');
    return this.catalogue.createSpeaker(principal, event, body);
  }

  @Patch('speakers/:id')
  async updateSpeaker(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('id', Id) id: string,
    @Body() body: SpeakerUpdateDto,
  ): Promise<SpeakerView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'programme.edit');
    return this.catalogue.updateSpeaker(principal, event, id, body);
  }

  @Delete('speakers/:id')
  @HttpCode(204)
  async deleteSpeaker(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('id', Id) id: string,
  ): Promise<void> {
    const { event } = await this.permissions.eventFor(principal, slug, 'programme.edit');
    await this.catalogue.deleteSpeaker(principal, event, id);
  }

  @Post('sessions')
  async createSession(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Body() body: SessionInputDto,
  ): Promise<SessionWriteResult> {
    const { event } = await this.permissions.eventFor(principal, slug, 'programme.edit');
    return this.sessions.create(principal, event, body);
  }

  @Patch('sessions/:id')
  async updateSession(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('id', Id) id: string,
    @Body() body: SessionUpdateDto,
  ): Promise<SessionWriteResult> {
    const { event } = await this.permissions.eventFor(principal, slug, 'programme.edit');
    return this.sessions.update(principal, event, id, body);
  }

  @Post('sessions/:id/start')
  @HttpCode(200)
  async start(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('id', Id) id: string,
  ): Promise<SessionView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'session.moderate', {
      sessionId: id,
    });
    return this.sessions.transition(principal, event, id, 'start');
  }

  @Post('sessions/:id/end')
  @HttpCode(200)
  async end(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('id', Id) id: string,
  ): Promise<SessionView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'session.moderate', {
      sessionId: id,
    });
    return this.sessions.transition(principal, event, id, 'end');
  }

  @Post('sessions/:id/cancel')
  @HttpCode(200)
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('id', Id) id: string,
  ): Promise<SessionView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'programme.edit');
    return this.sessions.transition(principal, event, id, 'cancel');
  }

  @Post('sessions/:id/reinstate')
  @HttpCode(200)
  async reinstate(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('id', Id) id: string,
  ): Promise<SessionView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'programme.edit');
    return this.sessions.transition(principal, event, id, 'reinstate');
  }

  /** `?dryRun=true` answers the same report without writing anything: the preview. */
  @Post('schedule/import')
  @HttpCode(200)
  async importSchedule(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Query('dryRun') dryRun: string | undefined,
    @Body() body: ScheduleImportDto,
  ): Promise<ScheduleImportReport> {
    const { event } = await this.permissions.eventFor(principal, slug, 'programme.edit');
    return this.importer.import(principal, event, body, dryRun === 'true' || dryRun === '1');
  }
}
