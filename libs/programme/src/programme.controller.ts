import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { NowNext } from '@plenum/contracts';
import { Public } from '@plenum/identity';
import { FileResponse } from '@plenum/platform';
import { AgendaService } from './agenda.service';
import { CalendarService } from './calendar.service';
import { NowNextDto, ProgrammeDto } from './programme.dto';
import { ProgrammeReader } from './programme-reader.service';
import { ProgrammeService } from './programme.service';
import { sendProgramme } from './programme-fast-path';
import { scheduleJson, scheduleXml } from './schedule-export';

/** The public face of the programme: pages, calendars and schedule tools read these. */
@Public()
@ApiTags('programme')
@Controller()
export class ProgrammeController {
  constructor(
    private readonly programme: ProgrammeService,
    private readonly reader: ProgrammeReader,
    private readonly calendar: CalendarService,
    private readonly agenda: AgendaService,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  @Get('events/:slug/now-next')
  @ZodResponse({ status: 200, type: NowNextDto })
  nowNext(@Param('slug') slug: string): Promise<NowNext> {
    return this.programme.nowNext(slug);
  }

  /**
   * The whole programme (`Programme` in contracts), served from a per-instance cache with an
   * ETag, gzip when the client takes it, and 304 when the client has it already. The answer is
   * bytes rendered once per change, never passed through the response serializer (the fast
   * path could not afford it); `programmeSchema` is what the render produces, and a test holds
   * it to that.
   */
  @Get('events/:slug/programme')
  @ApiOkResponse({ type: ProgrammeDto.Output, description: 'The public programme' })
  async full(
    @Param('slug') slug: string,
    @Query('timeZone') timeZone: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Anonymous cache hits are answered before Nest by ProgrammeFastPath; misses, bad input
    // and requests with a token come here.
    const body = await this.programme.cachedProgramme(slug, timeZone || undefined);
    await sendProgramme(reply, body, ifNoneMatch, acceptEncoding);
  }

  @Get('events/:slug/schedule.ics')
  @FileResponse({
    contentTypes: ['text/calendar'],
    description: 'The programme as an iCalendar file (RFC 5545)',
  })
  async ics(@Param('slug') slug: string, @Res() reply: FastifyReply): Promise<void> {
    const event = await this.reader.eventBySlug(slug);
    const data = await this.reader.load(event);
    await reply
      .header('Content-Type', 'text/calendar; charset=utf-8')
      .header('Content-Disposition', `inline; filename="${event.slug}.ics"`)
      .send(this.calendar.render(data, event.title));
  }

  @Get('events/:slug/schedule.json')
  @FileResponse({
    contentTypes: ['application/json'],
    description: 'The programme as c3voc schedule JSON',
    schema: { type: 'object', description: 'A c3voc schedule (c3voc-schedule.schema.json)' },
  })
  async json(@Param('slug') slug: string, @Res() reply: FastifyReply): Promise<void> {
    const event = await this.reader.eventBySlug(slug);
    const data = await this.reader.load(event);
    await reply
      .header('Content-Type', 'application/json; charset=utf-8')
      .send(scheduleJson(data, this.config.publicUrl, otherRoomName(event.defaultLocale)));
  }

  @Get('events/:slug/schedule.xml')
  @FileResponse({
    contentTypes: ['application/xml'],
    description: 'The programme as frab schedule XML',
  })
  async xml(@Param('slug') slug: string, @Res() reply: FastifyReply): Promise<void> {
    const event = await this.reader.eventBySlug(slug);
    const data = await this.reader.load(event);
    await reply
      .header('Content-Type', 'application/xml; charset=utf-8')
      .send(scheduleXml(data, this.config.publicUrl, otherRoomName(event.defaultLocale)));
  }

  /** A personal agenda feed; the secret in the address is the only credential calendar apps have. */
  @Get('agenda-feeds/:file')
  @FileResponse({
    contentTypes: ['text/calendar'],
    description: "One person's agenda as an iCalendar feed",
  })
  async agendaFeed(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const ics = await this.agenda.feedCalendar(file.replace(/\.ics$/, ''));
    await reply
      .header('Content-Type', 'text/calendar; charset=utf-8')
      .header('Cache-Control', 'private, no-store')
      .header('Referrer-Policy', 'no-referrer')
      .send(ics);
  }
}

/** Schedule formats need a room for every event; sessions without a stage share this one. */
function otherRoomName(locale: string): string {
  return locale === 'en' ? 'Other formats' : 'Weitere Formate';
}
