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
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { BoothDocumentView, BoothSummaryView, BoothView } from '@plenum/contracts';
import {
  boothDocumentContentTypes,
  boothImageContentTypes,
  maxBoothDocumentBytes,
  maxBoothImageBytes,
} from '@plenum/contracts';
import { Access, EventAccess, Public } from '@plenum/identity';
import type { BoothAccess, ResolvedAccess } from '@plenum/identity';
import { FileResponse, IncomingUpload, Upload, UploadedBody } from '@plenum/platform';
import { BoothsService } from './booths.service';
import type { BoothImageKind } from './booths.service';
import {
  BoothDocumentViewDto,
  BoothSummaryViewDto,
  BoothViewDto,
  CreateBoothDto,
  DeleteBoothDto,
  RenameBoothDocumentDto,
  UpdateBoothDto,
} from './expo.dto';

/**
 * `:booth` is the booth's id or its slug; the access guard finds it within the event (404
 * otherwise). Members of the event, including staff whose only role is their booth's, visit;
 * `booth.manage` (organizers, and exhibitors for their own booth) edits.
 */
@ApiTags('expo')
@Controller('events/:slug/booths')
export class BoothsController {
  constructor(private readonly booths: BoothsService) {}

  @Get()
  @EventAccess('event.member')
  @ZodResponse({ status: 200, type: [BoothSummaryViewDto] })
  list(@Access() { event }: ResolvedAccess): Promise<BoothSummaryView[]> {
    return this.booths.list(event);
  }

  @Post()
  @EventAccess('expo.edit')
  @ZodResponse({ status: 201, type: BoothViewDto })
  create(@Access() access: ResolvedAccess, @Body() body: CreateBoothDto): Promise<BoothView> {
    return this.booths.create(access, body);
  }

  /** The body repeats the booth's name: removing a booth and its staff's roles is not undone. */
  @Delete(':booth')
  @HttpCode(204)
  @EventAccess('expo.edit', { booth: 'booth' })
  @ApiNoContentResponse({ description: 'The booth, its staff roles and its data are removed' })
  async remove(@Access() access: BoothAccess, @Body() body: DeleteBoothDto): Promise<void> {
    await this.booths.remove(access, body);
  }

  @Get(':booth')
  @EventAccess('event.member', { booth: 'booth' })
  @ZodResponse({ status: 200, type: BoothViewDto })
  get(@Access() access: BoothAccess): Promise<BoothView> {
    return this.booths.get(access);
  }

  @Patch(':booth')
  @EventAccess('booth.manage', { booth: 'booth' })
  @ZodResponse({ status: 200, type: BoothViewDto })
  update(@Access() access: BoothAccess, @Body() body: UpdateBoothDto): Promise<BoothView> {
    return this.booths.update(access, body);
  }

  @Put(':booth/logo')
  @EventAccess('booth.manage', { booth: 'booth' })
  @Upload({ contentTypes: boothImageContentTypes, maxBytes: maxBoothImageBytes })
  @ZodResponse({ status: 200, type: BoothViewDto })
  setLogo(@Access() access: BoothAccess, @UploadedBody() file: IncomingUpload): Promise<BoothView> {
    return this.booths.setImage(access, 'logo', file);
  }

  @Put(':booth/banner')
  @EventAccess('booth.manage', { booth: 'booth' })
  @Upload({ contentTypes: boothImageContentTypes, maxBytes: maxBoothImageBytes })
  @ZodResponse({ status: 200, type: BoothViewDto })
  setBanner(
    @Access() access: BoothAccess,
    @UploadedBody() file: IncomingUpload,
  ): Promise<BoothView> {
    return this.booths.setImage(access, 'banner', file);
  }

  @Public()
  @Get(':booth/logo')
  @FileResponse({ contentTypes: boothImageContentTypes, description: "The booth's logo" })
  logo(
    @Param('slug') slug: string,
    @Param('booth') boothId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.sendImage(slug, boothId, 'logo', reply);
  }

  @Public()
  @Get(':booth/banner')
  @FileResponse({ contentTypes: boothImageContentTypes, description: "The booth's banner" })
  banner(
    @Param('slug') slug: string,
    @Param('booth') boothId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.sendImage(slug, boothId, 'banner', reply);
  }

  /** Raw bytes with the file's Content-Type; `title` and `fileName` travel in the query. */
  @Post(':booth/documents')
  @EventAccess('booth.manage', { booth: 'booth' })
  @Upload({ contentTypes: boothDocumentContentTypes, maxBytes: maxBoothDocumentBytes })
  @ZodResponse({ status: 201, type: BoothDocumentViewDto })
  addDocument(
    @Access() access: BoothAccess,
    @Query('title') title: string | undefined,
    @Query('fileName') fileName: string | undefined,
    @UploadedBody() file: IncomingUpload,
  ): Promise<BoothDocumentView> {
    return this.booths.addDocument(access, title, fileName, file);
  }

  /** Only the title changes; the file stays as uploaded. */
  @Patch(':booth/documents/:documentId')
  @EventAccess('booth.manage', { booth: 'booth' })
  @ZodResponse({ status: 200, type: BoothDocumentViewDto })
  renameDocument(
    @Access() access: BoothAccess,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Body() body: RenameBoothDocumentDto,
  ): Promise<BoothDocumentView> {
    return this.booths.renameDocument(access, documentId, body.title);
  }

  @Delete(':booth/documents/:documentId')
  @HttpCode(204)
  @EventAccess('booth.manage', { booth: 'booth' })
  @ApiNoContentResponse({ description: 'The document and its file are removed' })
  removeDocument(
    @Access() access: BoothAccess,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ): Promise<void> {
    return this.booths.removeDocument(access, documentId);
  }

  /** Always a download, never rendered inline. */
  @Get(':booth/documents/:documentId')
  @EventAccess('event.member', { booth: 'booth' })
  @FileResponse({
    contentTypes: boothDocumentContentTypes,
    description: 'The document, as a download',
  })
  async document(
    @Access() { booth }: BoothAccess,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { doc, data } = await this.booths.document(booth, documentId);
    const ascii = doc.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    await reply
      .header('Content-Type', doc.contentType)
      .header(
        'Content-Disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      )
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(data);
  }

  private async sendImage(
    slug: string,
    boothId: string,
    kind: BoothImageKind,
    reply: FastifyReply,
  ): Promise<void> {
    const { data, contentType } = await this.booths.image(slug, boothId, kind);
    await reply
      .header('Content-Type', contentType)
      .header('Cache-Control', 'public, max-age=86400')
      .header('X-Content-Type-Options', 'nosniff')
      .send(data);
  }
}
