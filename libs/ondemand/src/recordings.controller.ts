import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { RecordingControl } from '@plenum/contracts';
import { RECORDING_UPLOAD_MAX_BYTES, recordingUploadContentTypes } from '@plenum/contracts';
import { Access, EventAccess } from '@plenum/identity';
import type { SessionAccess } from '@plenum/identity';
import { IncomingUpload, PlenumError, Upload, UploadedBody } from '@plenum/platform';
import { AttachRecordingUrlDto, RecordingControlDto } from './ondemand.dto';
import { RecordingsService } from './recordings.service';

const Id = new ParseUUIDPipe({ exceptionFactory: () => PlenumError.notFound() });

@ApiTags('ondemand')
@Controller('events/:slug/sessions/:sessionId/recordings')
export class RecordingsController {
  constructor(private readonly recordings: RecordingsService) {}

  /** The record button's state and every recording of the session (moderators, organizers). */
  @Get()
  @EventAccess('session.moderate', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: RecordingControlDto })
  control(@Access() access: SessionAccess): Promise<RecordingControl> {
    return this.recordings.control(access);
  }

  @Post('start')
  @ZodResponse({ status: 200, type: RecordingControlDto })
  @EventAccess('session.moderate', { session: 'sessionId' })
  start(@Access() access: SessionAccess): Promise<RecordingControl> {
    return this.recordings.start(access);
  }

  @Post('stop')
  @ZodResponse({ status: 200, type: RecordingControlDto })
  @EventAccess('session.moderate', { session: 'sessionId' })
  stop(@Access() access: SessionAccess): Promise<RecordingControl> {
    return this.recordings.stop(access);
  }

  /** An MP4 or WebM film as the raw body, its type as Content-Type; streamed to storage. */
  @Put('upload')
  @EventAccess('programme.edit', { session: 'sessionId' })
  @Upload({ contentTypes: recordingUploadContentTypes, maxBytes: RECORDING_UPLOAD_MAX_BYTES })
  @ZodResponse({ status: 200, type: RecordingControlDto })
  upload(
    @Access() access: SessionAccess,
    @UploadedBody() file: IncomingUpload,
  ): Promise<RecordingControl> {
    return this.recordings.upload(access, file);
  }

  @Post('url')
  @ZodResponse({ status: 200, type: RecordingControlDto })
  @EventAccess('programme.edit', { session: 'sessionId' })
  attachUrl(
    @Access() access: SessionAccess,
    @Body() body: AttachRecordingUrlDto,
  ): Promise<RecordingControl> {
    return this.recordings.attachUrl(access, body.url);
  }

  @Delete(':recordingId')
  @EventAccess('programme.edit', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: RecordingControlDto })
  remove(
    @Access() access: SessionAccess,
    @Param('recordingId', Id) recordingId: string,
  ): Promise<RecordingControl> {
    return this.recordings.remove(access, recordingId);
  }
}
