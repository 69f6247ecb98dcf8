import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type {
  MyWorkshopRegistration,
  WorkshopList,
  WorkshopMaterialView,
  WorkshopRegistrants,
  WorkshopView,
} from '@plenum/contracts';
import { WORKSHOP_MATERIAL_MAX_BYTES, workshopMaterialContentTypes } from '@plenum/contracts';
import { Access, EventAccess } from '@plenum/identity';
import type { ResolvedAccess } from '@plenum/identity';
import { IncomingUpload, PlenumError, Upload, UploadedBody } from '@plenum/platform';
import { WorkshopRegistrationsService } from './workshop-registrations.service';
import {
  CreateWorkshopLinkDto,
  UpdateWorkshopDto,
  WorkshopParticipantActionDto,
  WorkshopFileQueryDto,
  WorkshopSpotlightDto,
} from './workshops.dto';
import { WorkshopsService } from './workshops.service';

const Id = new ParseUUIDPipe({ exceptionFactory: () => PlenumError.notFound() });

@Controller('events/:slug/workshops')
export class WorkshopsController {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly registrations: WorkshopRegistrationsService,
  ) {}

  @Get()
  @EventAccess('event.member')
  list(@Access() { principal, event, memberships }: ResolvedAccess): Promise<WorkshopList> {
    return this.workshops.list(event, principal.userId, memberships);
  }

  @Get(':sessionId')
  @EventAccess('event.member')
  one(
    @Access() { principal, event, memberships }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
  ): Promise<WorkshopView> {
    return this.workshops.one(event, sessionId, principal.userId, memberships);
  }

  /** Registering twice is registering once; a full workshop puts the person on the waitlist. */
  @Post(':sessionId/registration')
  @HttpCode(200)
  @EventAccess('event.member')
  register(
    @Access() { principal, event }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
  ): Promise<MyWorkshopRegistration | null> {
    return this.registrations.register(event.id, sessionId, principal.userId);
  }

  @Delete(':sessionId/registration')
  @EventAccess('event.member')
  cancel(
    @Access() { principal, event }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
  ): Promise<MyWorkshopRegistration | null> {
    return this.registrations.cancel(event.id, sessionId, principal.userId);
  }

  /** Organizers change the seats and the registration window. */
  @Patch(':sessionId')
  @EventAccess('programme.edit')
  async update(
    @Access() { principal, event, memberships }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
    @Body() body: UpdateWorkshopDto,
  ): Promise<WorkshopView> {
    if (body.registrationOpensAt !== undefined || body.registrationClosesAt !== undefined) {
      await this.workshops.updateWindow(event, sessionId, body);
    }
    if (body.capacity !== undefined) {
      await this.registrations.setCapacity(event.id, sessionId, body.capacity);
    }
    return this.workshops.one(event, sessionId, principal.userId, memberships);
  }

  @Get(':sessionId/registrations')
  @EventAccess('event.member')
  async registrants(
    @Access() { principal, event, memberships }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
  ): Promise<WorkshopRegistrants> {
    await this.workshops.assertHost(principal.userId, memberships, sessionId);
    return this.workshops.registrants(event, sessionId);
  }

  @Get(':sessionId/registrations.csv')
  @EventAccess('event.member')
  async registrantsCsv(
    @Access() { principal, event, memberships }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.workshops.assertHost(principal.userId, memberships, sessionId);
    const csv = await this.workshops.registrantsCsv(event, sessionId);
    await reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="workshop-${sessionId}.csv"`)
      .header('Cache-Control', 'no-store')
      .send(csv);
  }

  @Get(':sessionId/materials')
  @EventAccess('event.member')
  async materials(
    @Access() { principal, event, memberships }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
  ): Promise<WorkshopMaterialView[]> {
    await this.workshops.workshopOf(event, sessionId);
    await this.workshops.assertParticipant(principal.userId, memberships, sessionId);
    return this.workshops.materialsOf(sessionId, event.slug);
  }

  @Post(':sessionId/materials/links')
  @EventAccess('event.member')
  async addLink(
    @Access() { principal, event, memberships }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
    @Body() body: CreateWorkshopLinkDto,
  ): Promise<WorkshopMaterialView[]> {
    await this.workshops.workshopOf(event, sessionId);
    await this.workshops.assertHost(principal.userId, memberships, sessionId);
    await this.workshops.addLink(sessionId, principal.userId, body);
    return this.workshops.materialsOf(sessionId, event.slug);
  }

  /**
   * A file as the raw body, its type as Content-Type; `title` and `name` in the query. ZIP
   * archives and untyped files are allowed here, so the content is not checked by signature.
   */
  @Put(':sessionId/materials/files')
  @EventAccess('event.member')
  @Upload({
    contentTypes: workshopMaterialContentTypes,
    maxBytes: WORKSHOP_MATERIAL_MAX_BYTES,
    checkSignature: false,
  })
  async addFile(
    @Access() { principal, event, memberships }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
    @Query() query: WorkshopFileQueryDto,
    @UploadedBody() file: IncomingUpload,
  ): Promise<WorkshopMaterialView[]> {
    await this.workshops.workshopOf(event, sessionId);
    await this.workshops.assertHost(principal.userId, memberships, sessionId);
    await this.workshops.addFile(sessionId, principal.userId, {
      title: query.title,
      fileName: query.name,
      upload: file,
    });
    return this.workshops.materialsOf(sessionId, event.slug);
  }

  /** Always a download, never rendered inline: a shared file must not run in our origin. */
  @Get(':sessionId/materials/:materialId/file')
  @EventAccess('event.member')
  async file(
    @Access() { principal, event, memberships }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
    @Param('materialId', Id) materialId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.workshops.workshopOf(event, sessionId);
    await this.workshops.assertParticipant(principal.userId, memberships, sessionId);
    const { material, data } = await this.workshops.materialFile(sessionId, materialId);
    const name = material.fileName ?? 'material';
    await reply
      .header('Content-Type', material.contentType ?? 'application/octet-stream')
      .header(
        'Content-Disposition',
        `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      )
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(data);
  }

  @Delete(':sessionId/materials/:materialId')
  @EventAccess('event.member')
  async removeMaterial(
    @Access() { principal, event, memberships }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
    @Param('materialId', Id) materialId: string,
  ): Promise<WorkshopMaterialView[]> {
    await this.workshops.workshopOf(event, sessionId);
    await this.workshops.assertHost(principal.userId, memberships, sessionId);
    await this.workshops.removeMaterial(sessionId, materialId);
    return this.workshops.materialsOf(sessionId, event.slug);
  }

  @Post(':sessionId/room/mute')
  @HttpCode(200)
  @EventAccess('event.member')
  async mute(
    @Access() { principal, event, memberships }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
    @Body() body: WorkshopParticipantActionDto,
  ): Promise<{ inRoom: boolean }> {
    await this.workshops.workshopOf(event, sessionId);
    await this.workshops.assertHost(principal.userId, memberships, sessionId);
    return { inRoom: await this.workshops.mute(event, sessionId, body.userId) };
  }

  @Post(':sessionId/room/remove')
  @HttpCode(200)
  @EventAccess('event.member')
  async remove(
    @Access() { principal, event, memberships }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
    @Body() body: WorkshopParticipantActionDto,
  ): Promise<{ inRoom: boolean }> {
    await this.workshops.workshopOf(event, sessionId);
    await this.workshops.assertHost(principal.userId, memberships, sessionId);
    return { inRoom: await this.workshops.remove(event, sessionId, body.userId) };
  }

  @Post(':sessionId/room/spotlight')
  @HttpCode(204)
  @EventAccess('event.member')
  async spotlight(
    @Access() { principal, event, memberships }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
    @Body() body: WorkshopSpotlightDto,
  ): Promise<void> {
    await this.workshops.workshopOf(event, sessionId);
    await this.workshops.assertHost(principal.userId, memberships, sessionId);
    this.workshops.spotlight(sessionId, body.userId);
  }
}
