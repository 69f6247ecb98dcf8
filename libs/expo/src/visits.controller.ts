import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { BoothStatsView, BoothVisitView } from '@plenum/contracts';
import { Access, EventAccess } from '@plenum/identity';
import type { BoothAccess, ResolvedAccess } from '@plenum/identity';
import { BoothStatsViewDto, BoothVisitDto } from './expo.dto';
import { VisitsService } from './visits.service';

/** Visitors' booth pages report views; staff see their booth's counts, organizers all. */
@ApiTags('expo')
@Controller('events/:slug')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Post('booths/:booth/visits')
  @EventAccess('event.member', { booth: 'booth' })
  @ZodResponse({ status: 201, type: BoothVisitDto })
  start(@Access() access: BoothAccess): Promise<BoothVisitView> {
    return this.visits.start(access);
  }

  /** Sent by an open booth page every 30 seconds, so time spent can be measured. */
  @Post('booths/:booth/visits/:visitId/heartbeat')
  @HttpCode(204)
  @EventAccess('event.member', { booth: 'booth' })
  @ApiNoContentResponse({ description: "The visitor's own visit is still open" })
  heartbeat(
    @Access() access: BoothAccess,
    @Param('visitId', ParseUUIDPipe) visitId: string,
  ): Promise<void> {
    return this.visits.heartbeat(access, visitId);
  }

  @Get('booths/:booth/stats')
  @EventAccess('booth.manage', { booth: 'booth' })
  @ZodResponse({ status: 200, type: BoothStatsViewDto })
  forBooth(@Access() { booth }: BoothAccess): Promise<BoothStatsView> {
    return this.visits.forBooth(booth);
  }

  /** Every booth's counts: the organizers' overview. */
  @Get('expo/stats')
  @EventAccess('event.update')
  @ZodResponse({ status: 200, type: [BoothStatsViewDto] })
  forEvent(@Access() { event }: ResolvedAccess): Promise<BoothStatsView[]> {
    return this.visits.forEvent(event.id);
  }
}
