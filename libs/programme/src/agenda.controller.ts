import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Agenda, CalendarFeedView } from '@plenum/contracts';
import { Access, EventAccess } from '@plenum/identity';
import type { ResolvedAccess, SessionAccess } from '@plenum/identity';
import { AgendaService } from './agenda.service';
import { AgendaDto, CalendarFeedDto } from './programme.dto';

/** "Mein Programm": the signed-in person's own agenda within one event. */
@ApiTags('programme')
@Controller('events/:slug/agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get()
  @EventAccess('event.member')
  @ZodResponse({ status: 200, type: AgendaDto })
  list(@Access() { principal, event }: ResolvedAccess): Promise<Agenda> {
    return this.agenda.agenda(principal.userId, event);
  }

  @Put('sessions/:sessionId')
  @EventAccess('event.member', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: AgendaDto })
  add(@Access() { principal, event, session }: SessionAccess): Promise<Agenda> {
    return this.agenda.add(principal, event, session);
  }

  @Delete('sessions/:sessionId')
  @EventAccess('event.member', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: AgendaDto })
  remove(@Access() { principal, event, session }: SessionAccess): Promise<Agenda> {
    return this.agenda.remove(principal, event, session.id);
  }

  @Get('feed')
  @EventAccess('event.member')
  @ZodResponse({ status: 200, type: CalendarFeedDto })
  feed(@Access() { principal, event }: ResolvedAccess): Promise<CalendarFeedView> {
    return this.agenda.feedStatus(principal, event);
  }

  /** A new secret address; the previous one stops working. */
  @Post('feed')
  @EventAccess('event.member')
  @ZodResponse({ status: 201, type: CalendarFeedDto })
  createFeed(@Access() { principal, event }: ResolvedAccess): Promise<CalendarFeedView> {
    return this.agenda.createFeed(principal, event);
  }

  @Delete('feed')
  @HttpCode(204)
  @EventAccess('event.member')
  @ApiNoContentResponse({ description: 'The feed address stops working' })
  async revokeFeed(@Access() { principal, event }: ResolvedAccess): Promise<void> {
    await this.agenda.revokeFeed(principal, event);
  }
}
