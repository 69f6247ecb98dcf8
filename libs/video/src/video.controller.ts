import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { LiveSpeakerView, SessionAttendance, VideoToken } from '@plenum/contracts';
import { Access, EventAccess } from '@plenum/identity';
import type { ResolvedAccess, SessionAccess } from '@plenum/identity';
import { AttendanceService } from './attendance.service';
import { LiveStageService } from './live-stage.service';
import {
  GoLiveDto,
  LiveSpeakerViewDto,
  SessionAttendanceDto,
  VideoTokenDto,
  VideoTokenViewDto,
} from './video.dto';
import { VideoTokensService } from './video-tokens.service';

@ApiTags('video')
@Controller('events/:slug')
export class VideoController {
  constructor(
    private readonly tokens: VideoTokensService,
    private readonly stage: LiveStageService,
    private readonly attendance: AttendanceService,
  ) {}

  /**
   * A LiveKit token for one room; what it allows follows from the caller's roles alone. The
   * room is in the body, so the rule is membership of the event and the room's own rules are
   * decided by `VideoAccessService.decide`.
   */
  @Post('video/token')
  @EventAccess('event.member')
  @ZodResponse({ status: 200, type: VideoTokenViewDto })
  token(@Access() access: ResolvedAccess, @Body() body: VideoTokenDto): Promise<VideoToken> {
    return this.tokens.mint(access, body.room);
  }

  @Get('sessions/:sessionId/stage/live')
  @EventAccess('event.member', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: [LiveSpeakerViewDto] })
  liveSpeakers(@Access() { session }: SessionAccess): Promise<LiveSpeakerView[]> {
    return this.stage.list(session);
  }

  @Post('sessions/:sessionId/stage/live')
  @EventAccess('session.moderate', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: [LiveSpeakerViewDto] })
  takeLive(@Access() access: SessionAccess, @Body() body: GoLiveDto): Promise<LiveSpeakerView[]> {
    return this.stage.takeLive(access, body.userId);
  }

  @Delete('sessions/:sessionId/stage/live/:userId')
  @EventAccess('session.moderate', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: [LiveSpeakerViewDto] })
  takeOff(
    @Access() access: SessionAccess,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<LiveSpeakerView[]> {
    return this.stage.takeOff(access, userId);
  }

  @Get('sessions/:sessionId/attendance')
  @EventAccess('session.moderate', { session: 'sessionId' })
  @ZodResponse({ status: 200, type: SessionAttendanceDto })
  sessionAttendance(@Access() { session }: SessionAccess): Promise<SessionAttendance> {
    return this.attendance.figures(session);
  }
}
