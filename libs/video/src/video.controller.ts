import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import type { LiveSpeakerView, SessionAttendance, VideoToken } from '@plenum/contracts';
import { Authenticated, CurrentPrincipal } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { AttendanceService } from './attendance.service';
import { LiveStageService } from './live-stage.service';
import { GoLiveDto, VideoTokenDto } from './video.dto';
import { VideoTokensService } from './video-tokens.service';

@Controller('events/:slug')
export class VideoController {
  constructor(
    private readonly tokens: VideoTokensService,
    private readonly stage: LiveStageService,
    private readonly attendance: AttendanceService,
  ) {}

  /** A LiveKit token for one room; what it allows follows from the caller's roles alone. */
  @Post('video/token')
  @HttpCode(200)
  @Authenticated()
  token(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Body() body: VideoTokenDto,
  ): Promise<VideoToken> {
    return this.tokens.mint(principal, slug, body.room);
  }

  @Get('sessions/:sessionId/stage/live')
  @Authenticated()
  liveSpeakers(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<LiveSpeakerView[]> {
    return this.stage.list(principal, slug, sessionId);
  }

  @Post('sessions/:sessionId/stage/live')
  @HttpCode(200)
  @Authenticated()
  takeLive(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: GoLiveDto,
  ): Promise<LiveSpeakerView[]> {
    return this.stage.takeLive(principal, slug, sessionId, body.userId);
  }

  @Delete('sessions/:sessionId/stage/live/:userId')
  @Authenticated()
  takeOff(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<LiveSpeakerView[]> {
    return this.stage.takeOff(principal, slug, sessionId, userId);
  }

  @Get('sessions/:sessionId/attendance')
  @Authenticated()
  sessionAttendance(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<SessionAttendance> {
    return this.attendance.figures(principal, slug, sessionId);
  }
}
