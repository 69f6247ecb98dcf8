import { Body, Controller, Get, Param, Patch, Post, Put, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { EventView } from '@plenum/contracts';
import { logoContentTypes, maxLogoBytes } from '@plenum/contracts';
import { CurrentPrincipal, PermissionsService, Public, toEventView } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { IncomingUpload, PlenumError, Upload, UploadedBody } from '@plenum/platform';
import { CreateEventDto, UpdateEventDto } from './events.dto';
import { EventsService } from './events.service';

@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly permissions: PermissionsService,
  ) {}

  @Post()
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateEventDto,
  ): Promise<EventView> {
    if (!(await this.permissions.canCreateEvents(principal))) {
      throw PlenumError.forbidden('Only organizers can create events');
    }
    return this.events.create(principal, body);
  }

  /** The event's public face: title, dates, description. Its private data has its own routes. */
  @Public()
  @Get(':slug')
  async get(@Param('slug') slug: string): Promise<EventView> {
    return toEventView(await this.events.findBySlug(slug));
  }

  @Patch(':slug')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Body() body: UpdateEventDto,
  ): Promise<EventView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.update');
    return this.events.update(principal, event, body);
  }

  @Put(':slug/logo')
  @Upload({ contentTypes: logoContentTypes, maxBytes: maxLogoBytes })
  async setLogo(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @UploadedBody() file: IncomingUpload,
  ): Promise<EventView> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.update');
    return this.events.setLogo(principal, event, file);
  }

  @Public()
  @Get(':slug/logo')
  async logo(@Param('slug') slug: string, @Res() reply: FastifyReply): Promise<void> {
    const { data, contentType } = await this.events.logo(slug);
    await reply
      .header('Content-Type', contentType)
      .header('Cache-Control', 'public, max-age=86400')
      .header('X-Content-Type-Options', 'nosniff')
      .send(data);
  }
}
