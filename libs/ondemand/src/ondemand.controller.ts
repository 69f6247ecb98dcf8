import {
  Body,
  Controller,
  applyDecorators,
  Delete,
  Get,
  Param,
  ParseUUIDPipe,
  Patch,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import type { ImpressionView, Mediathek, SessionOnDemand, SlideView } from '@plenum/contracts';
import {
  IMPRESSION_MAX_BYTES,
  SLIDES_MAX_BYTES,
  impressionContentTypes,
  recordingUploadContentTypes,
  slideContentTypes,
} from '@plenum/contracts';
import type { Session } from '@plenum/db';
import { Access, CurrentPrincipal, EventAccess, Public, Viewer } from '@plenum/identity';
import type { Principal, ResolvedAccess, SessionAccess, ViewerAccess } from '@plenum/identity';
import { FileResponse, IncomingUpload, PlenumError, Upload, UploadedBody } from '@plenum/platform';
import { ImpressionsService, impressionImagePath } from './impressions.service';
import { sendMedia } from './media-response';
import { MediathekService } from './mediathek.service';
import { OnDemandAccessService } from './ondemand-access.service';
import {
  ImpressionUploadQueryDto,
  ImpressionViewDto,
  MediaLinkQueryDto,
  MediathekDto,
  SessionOnDemandDto,
  SlideUploadQueryDto,
  SlideViewDto,
  UpdateImpressionDto,
} from './ondemand.dto';
import { RecordingsService, recordingFilePath } from './recordings.service';
import { SlidesService, slideFilePath } from './slides.service';

/** A stored file, whole (200) or the byte range a `Range` header asked for (206). */
function MediaResponse(contentTypes: readonly string[], description: string): MethodDecorator {
  return applyDecorators(
    FileResponse({ contentTypes, description }),
    FileResponse({ status: 206, contentTypes, description: 'The range asked for' }),
  );
}

const Id = new ParseUUIDPipe({ exceptionFactory: () => PlenumError.notFound() });

/**
 * Replays, slides and photos. Reading follows the event's media access (public, or members
 * only), so these routes take a token when there is one and decide themselves.
 */
@ApiTags('ondemand')
@Controller('events/:slug')
export class OnDemandController {
  constructor(
    private readonly access: OnDemandAccessService,
    private readonly mediathekService: MediathekService,
    private readonly recordings: RecordingsService,
    private readonly slides: SlidesService,
    private readonly impressions: ImpressionsService,
  ) {}

  @Get('mediathek')
  @EventAccess('media.view')
  @ZodResponse({ status: 200, type: MediathekDto })
  mediathek(@Viewer() access: ViewerAccess): Promise<Mediathek> {
    return this.mediathekService.mediathek(access);
  }

  @Get('sessions/:sessionId/ondemand')
  @EventAccess('media.view', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: SessionOnDemandDto })
  sessionOnDemand(@Viewer() access: ViewerAccess & { session: Session }): Promise<SessionOnDemand> {
    return this.mediathekService.session(access);
  }

  @Get('sessions/:sessionId/slides')
  @EventAccess('media.view', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: [SlideViewDto] })
  listSlides(@Viewer() access: ViewerAccess & { session: Session }): Promise<SlideView[]> {
    return this.slides.list(access);
  }

  /** A PDF as the raw body; `title` and the file's `name` in the query. */
  @Put('sessions/:sessionId/slides')
  @EventAccess('slides.share', { session: 'sessionId' })
  @Upload({ contentTypes: slideContentTypes, maxBytes: SLIDES_MAX_BYTES })
  @ZodResponse({ status: 200, type: [SlideViewDto] })
  uploadSlides(
    @Access() access: SessionAccess,
    @Query() query: SlideUploadQueryDto,
    @UploadedBody() file: IncomingUpload,
  ): Promise<SlideView[]> {
    return this.slides.upload(access, query, file);
  }

  @Delete('sessions/:sessionId/slides/:slideId')
  @EventAccess('slides.share', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: [SlideViewDto] })
  removeSlides(
    @Access() access: SessionAccess,
    @Param('slideId', Id) slideId: string,
  ): Promise<SlideView[]> {
    return this.slides.remove(access, slideId);
  }

  @Get('impressions')
  @EventAccess('media.view')
  @ZodResponse({ status: 200, type: [ImpressionViewDto] })
  listImpressions(@Viewer() { event }: ViewerAccess): Promise<ImpressionView[]> {
    return this.impressions.of(event);
  }

  /** A photo as the raw body; the required `alt` text and an optional `caption` in the query. */
  @Put('impressions')
  @EventAccess('event.update')
  @Upload({ contentTypes: impressionContentTypes, maxBytes: IMPRESSION_MAX_BYTES })
  @ZodResponse({ status: 200, type: [ImpressionViewDto] })
  uploadImpression(
    @Access() access: ResolvedAccess,
    @Query() query: ImpressionUploadQueryDto,
    @UploadedBody() file: IncomingUpload,
  ): Promise<ImpressionView[]> {
    return this.impressions.upload(access, query, file);
  }

  @Patch('impressions/:id')
  @EventAccess('event.update')
  @ZodResponse({ status: 200, type: [ImpressionViewDto] })
  updateImpression(
    @Access() access: ResolvedAccess,
    @Param('id', Id) id: string,
    @Body() body: UpdateImpressionDto,
  ): Promise<ImpressionView[]> {
    return this.impressions.update(access, id, body);
  }

  @Delete('impressions/:id')
  @EventAccess('event.update')
  @ZodResponse({ status: 200, type: [ImpressionViewDto] })
  removeImpression(
    @Access() access: ResolvedAccess,
    @Param('id', Id) id: string,
  ): Promise<ImpressionView[]> {
    return this.impressions.remove(access, id);
  }

  /** A replay the api serves itself, in the ranges a video element asks for. */
  @Public()
  @Get('media/recordings/:id/file')
  @MediaResponse(recordingUploadContentTypes, 'The replay, whole or the range asked for')
  async recordingFile(
    @CurrentPrincipal({ optional: true }) principal: Principal | undefined,
    @Param('slug') slug: string,
    @Param('id', Id) id: string,
    @Query() query: MediaLinkQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const path = recordingFilePath(slug, id);
    const event = await this.access.mediaViewer(principal, slug, path, query.exp, query.sig);
    await sendMedia(reply, request.headers.range, await this.recordings.file(event, id));
  }

  /** Always a download, never rendered inline: a shared file must not run in our origin. */
  @Public()
  @Get('media/slides/:id/file')
  @MediaResponse(slideContentTypes, 'The slides, as a download')
  async slideFile(
    @CurrentPrincipal({ optional: true }) principal: Principal | undefined,
    @Param('slug') slug: string,
    @Param('id', Id) id: string,
    @Query() query: MediaLinkQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const path = slideFilePath(slug, id);
    const event = await this.access.mediaViewer(principal, slug, path, query.exp, query.sig);
    await sendMedia(reply, request.headers.range, await this.slides.file(event, id));
  }

  @Public()
  @Get('media/impressions/:id/image')
  @MediaResponse(impressionContentTypes, 'The photo')
  async impressionImage(
    @CurrentPrincipal({ optional: true }) principal: Principal | undefined,
    @Param('slug') slug: string,
    @Param('id', Id) id: string,
    @Query() query: MediaLinkQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const path = impressionImagePath(slug, id);
    const event = await this.access.mediaViewer(principal, slug, path, query.exp, query.sig);
    await sendMedia(reply, request.headers.range, await this.impressions.image(event, id));
  }
}
