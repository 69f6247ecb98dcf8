import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { AcceptedInvitation, EventView, MeResponse, UserView } from '@plenum/contracts';
import { Authenticated, CurrentPrincipal } from './access.decorators';
import {
  AcceptedInvitationDto,
  InvitationTokenDto,
  MeResponseDto,
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
}
