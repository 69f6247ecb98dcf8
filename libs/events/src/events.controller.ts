import { Body, Controller, Get, Param, Patch, Post, Put, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { EventView } from '@plenum/contracts';
import { logoContentTypes, maxLogoBytes } from '@plenum/contracts';
import {
  Access,
  CurrentPrincipal,
  EventAccess,
  EventViewDto,
  InstallationAccess,
  Public,
  toEventView,
} from '@plenum/identity';
import type { Principal, ResolvedAccess } from '@plenum/identity';
import { FileResponse, IncomingUpload, Upload, UploadedBody } from '@plenum/platform';
import { CreateEventDto, UpdateEventDto } from './events.dto';
import { EventsService } from './events.service';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @InstallationAccess('events.create')
  @ZodResponse({ status: 201, type: EventViewDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateEventDto,
  ): Promise<EventView> {
    return this.events.create(principal, body);
  }

  /** The event's public face: title, dates, description. Its private data has its own routes. */
  @Public()
  @Get(':slug')
  @ZodResponse({ status: 200, type: EventViewDto })
  async get(@Param('slug') slug: string): Promise<EventView> {
    return toEventView(await this.events.findBySlug(slug));
  }

  @Patch(':slug')
  @EventAccess('event.update')
  @ZodResponse({ status: 200, type: EventViewDto })
  update(
    @Access() { principal, event }: ResolvedAccess,
    @Body() body: UpdateEventDto,
  ): Promise<EventView> {
    return this.events.update(principal, event, body);
  }

  @Put(':slug/logo')
  @EventAccess('event.update')
  @Upload({ contentTypes: logoContentTypes, maxBytes: maxLogoBytes })
  @ZodResponse({ status: 200, type: EventViewDto })
  setLogo(
    @Access() { principal, event }: ResolvedAccess,
    @UploadedBody() file: IncomingUpload,
  ): Promise<EventView> {
    return this.events.setLogo(principal, event, file);
  }

  @Public()
  @Get(':slug/logo')
  @FileResponse({ contentTypes: logoContentTypes, description: "The event's logo" })
  async logo(@Param('slug') slug: string, @Res() reply: FastifyReply): Promise<void> {
    const { data, contentType } = await this.events.logo(slug);
    await reply
      .header('Content-Type', contentType)
      .header('Cache-Control', 'public, max-age=86400')
      .header('X-Content-Type-Options', 'nosniff')
      .send(data);
  }
}
