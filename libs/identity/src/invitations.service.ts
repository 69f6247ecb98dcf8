import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Repository } from 'typeorm';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { queueNames } from '@plenum/contracts';
import type { InvitationRequest, InvitationResponse, MailJob, MemberView } from '@plenum/contracts';
import { Booth, Event, Invitation, Membership, Session, User, membershipScope } from '@plenum/db';
import { AuditService, PlenumError } from '@plenum/platform';
import { MembershipChangesService } from './membership-changes.service';
import type { Principal } from './principal';
import { newSecret } from './secrets';

const INVITATION_DAYS = 14;

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectQueue(queueNames.mail) private readonly mailQueue: Queue<MailJob>,
    private readonly audit: AuditService,
    private readonly changes: MembershipChangesService,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  /**
   * Gives a person a role in the event and sends them a link to set their password. An existing
   * account just gains the membership (and a fresh link, in case it never set a password).
   */
  async invite(
    principal: Principal,
    event: Event,
    input: InvitationRequest,
  ): Promise<InvitationResponse> {
    const secret = newSecret();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    const result = await this.dataSource.transaction(async (manager) => {
      if (input.sessionId) {
        const found = await manager
          .getRepository(Session)
          .existsBy({ id: input.sessionId, eventId: event.id });
        if (!found)
          throw PlenumError.validation([
            { path: 'sessionId', message: 'No such session in this event' },
          ]);
      }
      if (input.boothId) {
        const found = await manager
          .getRepository(Booth)
          .existsBy({ id: input.boothId, eventId: event.id });
        if (!found)
          throw PlenumError.validation([
            { path: 'boothId', message: 'No such booth in this event' },
          ]);
      }
      const users = manager.getRepository(User);
      await users
        .createQueryBuilder()
        .insert()
        .values({
          email: input.email,
          displayName: input.displayName,
          locale: input.locale ?? event.defaultLocale,
        })
        .orIgnore()
        .execute();
      const user = await users.findOneByOrFail({ email: input.email });
      const sessionId = input.sessionId ?? null;
      const boothId = input.boothId ?? null;
      await manager
        .getRepository(Membership)
        .createQueryBuilder()
        .insert()
        .values({
          eventId: event.id,
          userId: user.id,
          role: input.role,
          sessionId,
          boothId,
          scope: membershipScope(sessionId, boothId),
        })
        .orIgnore()
        .execute();
      const invitation = await manager.getRepository(Invitation).save({
        eventId: event.id,
        userId: user.id,
        invitedById: principal.userId,
        tokenHash: secret.hash,
        expiresAt,
        acceptedAt: null,
      });
      await this.audit.record(
        {
          eventId: event.id,
          actorId: principal.userId,
          action: 'member.invited',
          targetType: 'user',
          targetId: user.id,
          details: { role: input.role, sessionId, boothId },
        },
        manager,
      );
      return { user, invitation };
    });
    // An account already signed in may now do more in rooms it has open.
    await this.changes.added({ eventId: event.id, userId: result.user.id });
    const inviteUrl = `${this.config.publicUrl}/invite/${secret.token}`;
    await this.mailQueue.add(
      'invitation',
      {
        kind: 'invitation',
        to: result.user.email,
        locale: result.user.locale,
        displayName: result.user.displayName,
        eventTitle: event.title,
        inviteUrl,
        expiresAt: expiresAt.toISOString(),
      },
      {
        jobId: `invitation-${result.invitation.id}`,
        attempts: 5,
        backoff: { type: 'exponential', delay: 5000 },
      },
    );
    return {
      invitationId: result.invitation.id,
      userId: result.user.id,
      inviteUrl,
      expiresAt: expiresAt.toISOString(),
    };
  }

  async members(event: Event): Promise<MemberView[]> {
    const rows = await this.memberships.find({
      where: { eventId: event.id },
      relations: { user: true, session: true, booth: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map((m) => ({
      membershipId: m.id,
      userId: m.userId,
      displayName: m.user?.displayName ?? '',
      email: m.user?.email ?? '',
      role: m.role,
      sessionId: m.sessionId,
      boothId: m.boothId,
      scopeName: m.session?.title ?? m.booth?.organisation ?? null,
    }));
  }

  /** Takes one role away; what the person holds through it (live rooms) ends with it. */
  async removeMembership(principal: Principal, event: Event, membershipId: string): Promise<void> {
    const membership = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Membership);
      const found = await repo.findOneBy({ id: membershipId, eventId: event.id });
      if (!found) throw PlenumError.notFound('Membership not found');
      await repo.delete(found.id);
      await this.audit.record(
        {
          eventId: event.id,
          actorId: principal.userId,
          action: 'member.removed',
          targetType: 'user',
          targetId: found.userId,
          details: { role: found.role, sessionId: found.sessionId, boothId: found.boothId },
        },
        manager,
      );
      return found;
    });
    await this.changes.removed({ eventId: event.id, userId: membership.userId });
  }
}
