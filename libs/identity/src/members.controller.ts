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
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { InvitationResponse, MemberView, PendingInvitationView } from '@plenum/contracts';
import { Access, EventAccess } from './access.decorators';
import type { ResolvedAccess } from './access.decorators';
import {
  InvitationDto,
  InvitationResponseDto,
  MemberViewDto,
  PendingInvitationViewDto,
} from './identity.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('members')
@Controller('events/:slug')
export class MembersController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get('members')
  @EventAccess('members.read')
  @ZodResponse({ status: 200, type: [MemberViewDto] })
  members(@Access() { event }: ResolvedAccess): Promise<MemberView[]> {
    return this.invitations.members(event);
  }

  @Post('invitations')
  @EventAccess('members.invite')
  @ZodResponse({ status: 201, type: InvitationResponseDto })
  invite(
    @Access() { principal, event }: ResolvedAccess,
    @Body() body: InvitationDto,
  ): Promise<InvitationResponse> {
    return this.invitations.invite(principal, event, body);
  }

  @Get('invitations')
  @EventAccess('members.read')
  @ZodResponse({ status: 200, type: [PendingInvitationViewDto] })
  pendingInvitations(@Access() { event }: ResolvedAccess): Promise<PendingInvitationView[]> {
    return this.invitations.pending(event);
  }

  @Delete('invitations/:invitationId')
  @HttpCode(204)
  @EventAccess('members.invite')
  @ApiNoContentResponse({ description: 'The invitation is withdrawn' })
  async withdraw(
    @Access() { principal, event }: ResolvedAccess,
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
  ): Promise<void> {
    await this.invitations.withdraw(principal, event, invitationId);
  }

  @Delete('members/:membershipId')
  @HttpCode(204)
  @EventAccess('members.invite')
  @ApiNoContentResponse({ description: 'The membership is removed' })
  async remove(
    @Access() { principal, event }: ResolvedAccess,
    @Param('membershipId', ParseUUIDPipe) membershipId: string,
  ): Promise<void> {
    await this.invitations.removeMembership(principal, event, membershipId);
  }
}
