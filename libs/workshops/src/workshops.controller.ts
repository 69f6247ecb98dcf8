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
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import type {
  MyWorkshopRegistration,
  WorkshopList,
  WorkshopMaterialView,
  WorkshopRegistrants,
  WorkshopRoomActionResult,
  WorkshopView,
} from '@plenum/contracts';
import { WORKSHOP_MATERIAL_MAX_BYTES, workshopMaterialContentTypes } from '@plenum/contracts';
import { Access, EventAccess } from '@plenum/identity';
import type { ResolvedAccess, SessionAccess } from '@plenum/identity';
import { FileResponse, IncomingUpload, PlenumError, Upload, UploadedBody } from '@plenum/platform';
import { WorkshopRegistrationsService } from './workshop-registrations.service';
import {
  CreateWorkshopLinkDto,
  MyWorkshopRegistrationDto,
  UpdateWorkshopDto,
  WorkshopFileQueryDto,
  WorkshopListDto,
  WorkshopMaterialDto,
  WorkshopParticipantActionDto,
  WorkshopRegistrantsDto,
  WorkshopRoomActionResultDto,
  WorkshopSpotlightDto,
  WorkshopViewDto,
} from './workshops.dto';
import { WorkshopsService } from './workshops.service';

const Id = new ParseUUIDPipe({ exceptionFactory: () => PlenumError.notFound() });

/**
 * Members see and join workshops; `workshop.host` routes are for organizers, moderators and the
 * workshop's own hosts (the service checks which of its speakers host it). The session the
 * route names is found within the event by the guard; one that is not a workshop is a 404.
 */
@ApiTags('workshops')
@Controller('events/:slug/workshops')
export class WorkshopsController {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly registrations: WorkshopRegistrationsService,
  ) {}

  @Get()
  @EventAccess('event.member')
  @ZodResponse({ status: 200, type: WorkshopListDto })
  list(@Access() access: ResolvedAccess): Promise<WorkshopList> {
    return this.workshops.list(access);
  }

  @Get(':sessionId')
  @EventAccess('event.member', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: WorkshopViewDto })
  one(@Access() access: SessionAccess): Promise<WorkshopView> {
    return this.workshops.one(access);
  }

  /**
   * Registering twice is registering once; a full workshop puts the person on the waitlist.
   * The registration itself finds the workshop within the event, under its row lock.
   */
  @Post(':sessionId/registration')
  @EventAccess('event.member')
  @ZodResponse({ status: 200, type: MyWorkshopRegistrationDto })
  register(
    @Access() { principal, event }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
  ): Promise<MyWorkshopRegistration> {
    return this.registrations.register(event.id, sessionId, principal.userId);
  }

  @Delete(':sessionId/registration')
  @EventAccess('event.member')
  @ZodResponse({ status: 200, type: MyWorkshopRegistrationDto })
  cancel(
    @Access() { principal, event }: ResolvedAccess,
    @Param('sessionId', Id) sessionId: string,
  ): Promise<MyWorkshopRegistration> {
    return this.registrations.cancel(event.id, sessionId, principal.userId);
  }

  /** Organizers change the seats and the registration window. */
  @Patch(':sessionId')
  @EventAccess('programme.edit', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: WorkshopViewDto })
  update(@Access() access: SessionAccess, @Body() body: UpdateWorkshopDto): Promise<WorkshopView> {
    return this.workshops.update(access, body);
  }

  @Get(':sessionId/registrations')
  @EventAccess('workshop.host', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: WorkshopRegistrantsDto })
  async registrants(@Access() access: SessionAccess): Promise<WorkshopRegistrants> {
    return this.workshops.registrants(await this.workshops.hostedWorkshop(access));
  }

  @Get(':sessionId/registrations.csv')
  @EventAccess('workshop.host', { session: 'sessionId' })
  @FileResponse({ contentTypes: ['text/csv'], description: 'The registrants as CSV' })
  async registrantsCsv(@Access() access: SessionAccess, @Res() reply: FastifyReply): Promise<void> {
    const workshop = await this.workshops.hostedWorkshop(access);
    const csv = await this.workshops.registrantsCsv(workshop);
    await reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="workshop-${workshop.id}.csv"`)
      .header('Cache-Control', 'no-store')
      .send(csv);
  }

  @Get(':sessionId/materials')
  @EventAccess('event.member', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: [WorkshopMaterialDto] })
  async materials(@Access() access: SessionAccess): Promise<WorkshopMaterialView[]> {
    const workshop = await this.workshops.sharedWorkshop(access);
    return this.workshops.materialsOf(workshop, access.event);
  }

  @Post(':sessionId/materials/links')
  @EventAccess('workshop.host', { session: 'sessionId' })
  @ZodResponse({ status: 201, type: [WorkshopMaterialDto] })
  async addLink(
    @Access() access: SessionAccess,
    @Body() body: CreateWorkshopLinkDto,
  ): Promise<WorkshopMaterialView[]> {
    const workshop = await this.workshops.hostedWorkshop(access);
    await this.workshops.addLink(workshop.id, access.principal.userId, body);
    return this.workshops.materialsOf(workshop, access.event);
  }

  /**
   * A file as the raw body, its type as Content-Type; `title` and `name` in the query. ZIP
   * archives and untyped files are allowed here, so the content is not checked by signature.
   */
  @Put(':sessionId/materials/files')
  @EventAccess('workshop.host', { session: 'sessionId' })
  @Upload({
    contentTypes: workshopMaterialContentTypes,
    maxBytes: WORKSHOP_MATERIAL_MAX_BYTES,
    checkSignature: false,
  })
  @ZodResponse({ status: 200, type: [WorkshopMaterialDto] })
  async addFile(
    @Access() access: SessionAccess,
    @Query() query: WorkshopFileQueryDto,
    @UploadedBody() file: IncomingUpload,
  ): Promise<WorkshopMaterialView[]> {
    const workshop = await this.workshops.hostedWorkshop(access);
    await this.workshops.addFile(workshop.id, access.principal.userId, {
      title: query.title,
      fileName: query.name,
      upload: file,
    });
    return this.workshops.materialsOf(workshop, access.event);
  }

  /** Always a download, never rendered inline: a shared file must not run in our origin. */
  @Get(':sessionId/materials/:materialId/file')
  @EventAccess('event.member', { session: 'sessionId' })
  @FileResponse({
    contentTypes: ['application/octet-stream'],
    description: 'The shared file, as a download',
  })
  async file(
    @Access() access: SessionAccess,
    @Param('materialId', Id) materialId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const workshop = await this.workshops.sharedWorkshop(access);
    const { material, data } = await this.workshops.materialFile(workshop.id, materialId);
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
  @EventAccess('workshop.host', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: [WorkshopMaterialDto] })
  async removeMaterial(
    @Access() access: SessionAccess,
    @Param('materialId', Id) materialId: string,
  ): Promise<WorkshopMaterialView[]> {
    const workshop = await this.workshops.hostedWorkshop(access);
    await this.workshops.removeMaterial(workshop.id, materialId);
    return this.workshops.materialsOf(workshop, access.event);
  }

  @Post(':sessionId/room/mute')
  @EventAccess('workshop.host', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: WorkshopRoomActionResultDto })
  async mute(
    @Access() access: SessionAccess,
    @Body() body: WorkshopParticipantActionDto,
  ): Promise<WorkshopRoomActionResult> {
    const workshop = await this.workshops.hostedWorkshop(access);
    return { inRoom: await this.workshops.mute(access.event, workshop.id, body.userId) };
  }

  @Post(':sessionId/room/remove')
  @EventAccess('workshop.host', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: WorkshopRoomActionResultDto })
  async remove(
    @Access() access: SessionAccess,
    @Body() body: WorkshopParticipantActionDto,
  ): Promise<WorkshopRoomActionResult> {
    const workshop = await this.workshops.hostedWorkshop(access);
    return { inRoom: await this.workshops.remove(access.event, workshop.id, body.userId) };
  }

  @Post(':sessionId/room/spotlight')
  @HttpCode(204)
  @EventAccess('workshop.host', { session: 'sessionId' })
  @ApiNoContentResponse({ description: 'Everyone in the room sees the spotlight change' })
  async spotlight(
    @Access() access: SessionAccess,
    @Body() body: WorkshopSpotlightDto,
  ): Promise<void> {
    const workshop = await this.workshops.hostedWorkshop(access);
    this.workshops.spotlight(workshop.id, body.userId);
  }
}
