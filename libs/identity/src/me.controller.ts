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
} from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type {
  AcceptedInvitation,
  EventView,
  MeResponse,
  SignInView,
  UserView,
} from '@plenum/contracts';
import { AuthService } from './auth.service';
import { Authenticated, CurrentPrincipal } from './access.decorators';
import {
  AcceptedInvitationDto,
  EndSignInsDto,
  InvitationTokenDto,
  MeResponseDto,
  SignInViewDto,
  UpdateProfileDto,
  UserViewDto,
} from './identity.dto';
import { InvitationsService } from './invitations.service';
import type { Principal } from './principal';
import { EventViewDto } from './event-view';
import { ProfileService } from './profile.service';

@ApiTags('me')
@Controller('me')
@Authenticated()
export class MeController {
  constructor(
    private readonly profile: ProfileService,
    private readonly invitations: InvitationsService,
    private readonly auth: AuthService,
  ) {}

  /** Accepts the invitation behind a link for the signed-in account it was sent to. */
  @Post('invitations/accept')
  @ZodResponse({ status: 200, type: AcceptedInvitationDto })
  acceptInvitation(
    @CurrentPrincipal() principal: Principal,
    @Body() body: InvitationTokenDto,
  ): Promise<AcceptedInvitation> {
    return this.invitations.accept(principal, body.token);
  }

  @Get()
  @ZodResponse({ status: 200, type: MeResponseDto })
  me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    return this.profile.me(principal);
  }

  @Patch()
  @ZodResponse({ status: 200, type: UserViewDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateProfileDto,
  ): Promise<UserView> {
    return this.profile.update(principal, body);
  }

  @Get('events')
  @ZodResponse({ status: 200, type: [EventViewDto] })
  events(@CurrentPrincipal() principal: Principal): Promise<EventView[]> {
    return this.profile.events(principal);
  }

  /** The person's signed-in devices ("Meine Daten"), the one asking marked as current. */
  @Get('sign-ins')
  @ZodResponse({ status: 200, type: [SignInViewDto] })
  signIns(@CurrentPrincipal() principal: Principal): Promise<SignInView[]> {
    return this.auth.signIns(principal);
  }

  /** Signs out everywhere, or everywhere but here. */
  @Post('sign-ins/end')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The sign-ins have ended' })
  async endSignIns(
    @CurrentPrincipal() principal: Principal,
    @Body() body: EndSignInsDto,
  ): Promise<void> {
    await this.auth.revokeAllSessions(
      principal.userId,
      body.keepThisOne ? principal.sessionId : undefined,
    );
  }

  @Delete('sign-ins/:signInId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The sign-in has ended' })
  async endSignIn(
    @CurrentPrincipal() principal: Principal,
    @Param('signInId', ParseUUIDPipe) signInId: string,
  ): Promise<void> {
    await this.auth.endSignIn(principal, signInId);
  }
}
