import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import type { Agenda, CalendarFeedView } from '@plenum/contracts';
import { CurrentPrincipal, PermissionsService } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { AgendaService } from './agenda.service';

const Id = new ParseUUIDPipe({ exceptionFactory: () => PlenumError.notFound() });

/** "Mein Programm": the signed-in person's own agenda within one event. */
@Controller('events/:slug/agenda')
export class AgendaController {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly agenda: AgendaService,
  ) {}

  @Get()
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<Agenda> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.member');
    return this.agenda.agenda(principal.userId, event);
  }

  @Put('sessions/:sessionId')
  async add(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('sessionId', Id) sessionId: string,
  ): Promise<Agenda> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.member');
    return this.agenda.add(principal, event, sessionId);
  }

  @Delete('sessions/:sessionId')
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('sessionId', Id) sessionId: string,
  ): Promise<Agenda> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.member');
    return this.agenda.remove(principal, event, sessionId);
  }

  @Get('feed')
  async feed(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<CalendarFeedView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.member');
    return this.agenda.feedStatus(principal, event);
  }

  /** A new secret address; the previous one stops working. */
  @Post('feed')
  async createFeed(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<CalendarFeedView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.member');
    return this.agenda.createFeed(principal, event);
  }

  @Delete('feed')
  @HttpCode(204)
  async revokeFeed(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<void> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.member');
    await this.agenda.revokeFeed(principal, event);
  }
}
