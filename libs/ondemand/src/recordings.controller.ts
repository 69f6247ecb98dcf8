import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import type { RecordingControl } from '@plenum/contracts';
import { RECORDING_UPLOAD_MAX_BYTES, recordingUploadContentTypes } from '@plenum/contracts';
import { CurrentPrincipal } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { IncomingUpload, PlenumError, Upload, UploadedBody } from '@plenum/platform';
import { AttachRecordingUrlDto } from './ondemand.dto';
import { RecordingsService } from './recordings.service';

const Id = new ParseUUIDPipe({ exceptionFactory: () => PlenumError.notFound() });

@Controller('events/:slug/sessions/:sessionId/recordings')
export class RecordingsController {
  constructor(private readonly recordings: RecordingsService) {}

  /** The record button's state and every recording of the session (moderators, organizers). */
  @Get()
  control(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('sessionId', Id) sessionId: string,
  ): Promise<RecordingControl> {
    return this.recordings.control(principal, slug, sessionId);
  }

  @Post('start')
  @HttpCode(200)
  start(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('sessionId', Id) sessionId: string,
  ): Promise<RecordingControl> {
    return this.recordings.start(principal, slug, sessionId);
  }

  @Post('stop')
  @HttpCode(200)
  stop(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('sessionId', Id) sessionId: string,
  ): Promise<RecordingControl> {
    return this.recordings.stop(principal, slug, sessionId);
  }

  /** An MP4 or WebM film as the raw body, its type as Content-Type; streamed to storage. */
  @Put('upload')
  @Upload({ contentTypes: recordingUploadContentTypes, maxBytes: RECORDING_UPLOAD_MAX_BYTES })
  upload(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('sessionId', Id) sessionId: string,
    @UploadedBody() file: IncomingUpload,
  ): Promise<RecordingControl> {
    return this.recordings.upload(principal, slug, sessionId, file);
  }

  @Post('url')
  @HttpCode(200)
  attachUrl(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('sessionId', Id) sessionId: string,
    @Body() body: AttachRecordingUrlDto,
  ): Promise<RecordingControl> {
    return this.recordings.attachUrl(principal, slug, sessionId, body.url);
  }

  @Delete(':recordingId')
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('sessionId', Id) sessionId: string,
    @Param('recordingId', Id) recordingId: string,
  ): Promise<RecordingControl> {
    return this.recordings.remove(principal, slug, sessionId, recordingId);
  }
}
