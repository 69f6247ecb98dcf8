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
import type { BoothDocumentView, BoothSummaryView, BoothView } from '@plenum/contracts';
import {
  boothDocumentContentTypes,
  boothImageContentTypes,
  maxBoothDocumentBytes,
  maxBoothImageBytes,
} from '@plenum/contracts';
import { Authenticated, CurrentPrincipal, Public } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { IncomingUpload, Upload, UploadedBody } from '@plenum/platform';
import { BoothsService } from './booths.service';
import type { BoothImageKind } from './booths.service';
import { RenameBoothDocumentDto, UpdateBoothDto } from './expo.dto';

@Controller('events/:slug/booths')
export class BoothsController {
  constructor(private readonly booths: BoothsService) {}

  @Get()
  @Authenticated()
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<BoothSummaryView[]> {
    return this.booths.list(principal, slug);
  }

  /** `:booth` is the booth's id or its slug. */
  @Get(':booth')
  @Authenticated()
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
  ): Promise<BoothView> {
    return this.booths.get(principal, slug, booth);
  }

  @Patch(':booth')
  @Authenticated()
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
    @Body() body: UpdateBoothDto,
  ): Promise<BoothView> {
    return this.booths.update(principal, slug, booth, body);
  }

  @Put(':booth/logo')
  @Authenticated()
  @Upload({ contentTypes: boothImageContentTypes, maxBytes: maxBoothImageBytes })
  setLogo(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
    @UploadedBody() file: IncomingUpload,
  ): Promise<BoothView> {
    return this.booths.setImage(principal, slug, booth, 'logo', file);
  }

  @Put(':booth/banner')
  @Authenticated()
  @Upload({ contentTypes: boothImageContentTypes, maxBytes: maxBoothImageBytes })
  setBanner(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
    @UploadedBody() file: IncomingUpload,
  ): Promise<BoothView> {
    return this.booths.setImage(principal, slug, booth, 'banner', file);
  }

  @Public()
  @Get(':booth/logo')
  logo(
    @Param('slug') slug: string,
    @Param('booth') boothId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.sendImage(slug, boothId, 'logo', reply);
  }

  @Public()
  @Get(':booth/banner')
  banner(
    @Param('slug') slug: string,
    @Param('booth') boothId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.sendImage(slug, boothId, 'banner', reply);
  }

  /** Raw bytes with the file's Content-Type; `title` and `fileName` travel in the query. */
  @Post(':booth/documents')
  @Authenticated()
  @Upload({ contentTypes: boothDocumentContentTypes, maxBytes: maxBoothDocumentBytes })
  addDocument(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
    @Query('title') title: string | undefined,
    @Query('fileName') fileName: string | undefined,
    @UploadedBody() file: IncomingUpload,
  ): Promise<BoothDocumentView> {
    return this.booths.addDocument(principal, slug, booth, title, fileName, file);
  }

  /** Only the title changes; the file stays as uploaded. */
  @Patch(':booth/documents/:documentId')
  @Authenticated()
  renameDocument(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Body() body: RenameBoothDocumentDto,
  ): Promise<BoothDocumentView> {
    return this.booths.renameDocument(principal, slug, booth, documentId, body.title);
  }

  @Delete(':booth/documents/:documentId')
  @HttpCode(204)
  @Authenticated()
  removeDocument(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
  ): Promise<void> {
    return this.booths.removeDocument(principal, slug, booth, documentId);
  }

  @Get(':booth/documents/:documentId')
  @Authenticated()
  async document(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('booth') booth: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { doc, data } = await this.booths.document(principal, slug, booth, documentId);
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
