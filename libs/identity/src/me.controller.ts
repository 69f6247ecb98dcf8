import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { ZodResponse } from 'nestjs-zod';
import type { Repository } from 'typeorm';
import type { AcceptedInvitation, EventView, MeResponse, UserView } from '@plenum/contracts';
import { Membership, User } from '@plenum/db';
import { PlenumError } from '@plenum/platform';
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
import { EventViewDto, toEventView } from './event-view';
import { toUserView } from './views';

@ApiTags('me')
@Controller('me')
@Authenticated()
export class MeController {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
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
  async me(@CurrentPrincipal() principal: Principal): Promise<MeResponse> {
    const user = await this.requireUser(principal);
    const memberships = await this.memberships.find({
      where: { userId: user.id },
      relations: { event: true },
      order: { createdAt: 'ASC' },
    });
    return {
      user: toUserView(user),
      memberships: memberships.map((m) => ({
        eventId: m.eventId,
        eventSlug: m.event?.slug ?? '',
        role: m.role,
        sessionId: m.sessionId,
        boothId: m.boothId,
      })),
    };
  }

  @Patch()
  @ZodResponse({ status: 200, type: UserViewDto })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateProfileDto,
  ): Promise<UserView> {
    const user = await this.requireUser(principal);
    if (body.displayName !== undefined) user.displayName = body.displayName;
    if (body.locale !== undefined) user.locale = body.locale;
    return toUserView(await this.users.save(user));
  }

  @Get('events')
  @ZodResponse({ status: 200, type: [EventViewDto] })
  async events(@CurrentPrincipal() principal: Principal): Promise<EventView[]> {
    const memberships = await this.memberships.find({
      where: { userId: principal.userId },
      relations: { event: true },
    });
    const seen = new Map<string, EventView>();
    for (const m of memberships)
      if (m.event && !seen.has(m.event.id)) seen.set(m.event.id, toEventView(m.event));
    return [...seen.values()].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  }

  private async requireUser(principal: Principal): Promise<User> {
    const user = await this.users.findOneBy({ id: principal.userId });
    if (!user || user.disabledAt) throw PlenumError.unauthenticated('This account is not active');
    return user;
  }
}
