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
import type { InvitationResponse, MemberView } from '@plenum/contracts';
import { Access, EventAccess } from './access.decorators';
import type { ResolvedAccess } from './access.decorators';
import { InvitationDto } from './identity.dto';
import { InvitationsService } from './invitations.service';

@Controller('events/:slug')
export class MembersController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get('members')
  @EventAccess('members.read')
  members(@Access() { event }: ResolvedAccess): Promise<MemberView[]> {
    return this.invitations.members(event);
  }

  @Post('invitations')
  @EventAccess('members.invite')
  invite(
    @Access() { principal, event }: ResolvedAccess,
    @Body() body: InvitationDto,
  ): Promise<InvitationResponse> {
    return this.invitations.invite(principal, event, body);
  }

  @Delete('members/:membershipId')
  @HttpCode(204)
  @EventAccess('members.invite')
  async remove(
    @Access() { principal, event }: ResolvedAccess,
    @Param('membershipId', ParseUUIDPipe) membershipId: string,
  ): Promise<void> {
    await this.invitations.removeMembership(principal, event, membershipId);
  }
}
