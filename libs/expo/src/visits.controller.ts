import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { BoothStatsView } from '@plenum/contracts';
import { Authenticated, CurrentPrincipal } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { VisitsService } from './visits.service';

@Controller('events/:slug')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Post('booths/:booth/visits')
  @Authenticated()
  start(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
  ): Promise<{ id: string | null }> {
    return this.visits.start(principal, slug, booth);
  }

  /** Sent by an open booth page every 30 seconds, so time spent can be measured. */
  @Post('booths/:booth/visits/:visitId/heartbeat')
  @HttpCode(204)
  @Authenticated()
  heartbeat(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
    @Param('visitId', ParseUUIDPipe) visitId: string,
  ): Promise<void> {
    return this.visits.heartbeat(principal, slug, booth, visitId);
  }

  @Get('booths/:booth/stats')
  @Authenticated()
  forBooth(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
  ): Promise<BoothStatsView> {
    return this.visits.forBooth(principal, slug, booth);
  }

  @Get('expo/stats')
  @Authenticated()
  forEvent(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<BoothStatsView[]> {
    return this.visits.forEvent(principal, slug);
  }
}
