import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { queueNames } from '@plenum/contracts';
import type {
  AcceptedInvitation,
  InvitationDetails,
  InvitationRequest,
  InvitationResponse,
  MailJob,
  MemberView,
  PendingInvitationView,
} from '@plenum/contracts';
import type { Event, Invitation, User } from '@plenum/db';
import { AuditService, PlenumError } from '@plenum/platform';
import { invitationLink, invitationToken } from './invitation-token';
import { InvitationsRepository } from './invitations.repository';
import { MembershipChangesService } from './membership-changes.service';
import type { Principal } from './principal';
import { hashSecret } from './secrets';

const INVITATION_DAYS = 14;

function invitationInvalid(): PlenumError {
  return new PlenumError(
    'INVITATION_INVALID',
    'This invitation link is not valid any more. Ask the organizers for a new one.',
    410,
  );
}

function isOpen(invitation: Invitation): boolean {
  return (
    !invitation.acceptedAt && !invitation.declinedAt && invitation.expiresAt.getTime() > Date.now()
  );
}

/**
 * Invitations into an event. An address without an account gets a new account with the role at
 * once, and a link that sets its first password (the inviter may pass it on by hand). An address
 * that has an account already gets an invitation its owner accepts signed in: the inviter learns
 * nothing about the account (no id, no name, no link), and no link ever changes a password.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly invitations: InvitationsRepository,
    @InjectQueue(queueNames.mail) private readonly mailQueue: Queue<MailJob>,
    private readonly audit: AuditService,
    private readonly changes: MembershipChangesService,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  async invite(
    principal: Principal,
    event: Event,
    input: InvitationRequest,
  ): Promise<InvitationResponse> {
    const id = randomUUID();
    const token = invitationToken(this.config.authSecret, id);
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    const sessionId = input.sessionId ?? null;
    const boothId = input.boothId ?? null;
    const newAccount = await this.invitations.transaction(async (manager) => {
      await this.assertScope(manager, event, sessionId, boothId);
      const { userId, created } = await this.invitations.ensureUser(manager, {
        email: input.email,
        displayName: input.displayName,
        locale: input.locale ?? event.defaultLocale,
      });
      // The inviter made this account: it has nothing of anyone's yet, so the role is given now.
      if (created)
        await this.invitations.grant(manager, {
          eventId: event.id,
          userId,
          role: input.role,
          sessionId,
          boothId,
        });
      await this.invitations.insert(manager, {
        id,
        eventId: event.id,
        userId,
        invitedById: principal.userId,
        email: input.email,
        role: input.role,
        sessionId,
        boothId,
        newAccount: created,
        tokenHash: hashSecret(token),
        expiresAt,
      });
      // The invitation, not the account, is the target: the log is read by the event's organizers.
      await this.audit.record(
        {
          eventId: event.id,
          actorId: principal.userId,
          action: 'member.invited',
          targetType: 'invitation',
          targetId: id,
          details: { role: input.role, sessionId, boothId },
        },
        manager,
      );
      return created;
    });
    await this.mailQueue.add(
      'invitation',
      { kind: 'invitation', invitationId: id },
      {
        jobId: `invitation-${id}`,
        attempts: 5,
        backoff: { type: 'exponential', delay: 5000 },
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 1000 },
      },
    );
    return {
      invitationId: id,
      email: input.email,
      inviteUrl: newAccount ? invitationLink(this.config.publicUrl, token) : null,
      expiresAt: expiresAt.toISOString(),
    };
  }

  async members(event: Event): Promise<MemberView[]> {
    const rows = await this.invitations.members(event.id);
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

  /** Invitations to existing accounts not answered yet, by the address the inviter typed. */
  async pending(event: Event): Promise<PendingInvitationView[]> {
    const rows = await this.invitations.pending(event.id);
    return rows.map((i) => ({
      invitationId: i.id,
      email: i.email,
      role: i.role,
      sessionId: i.sessionId,
      boothId: i.boothId,
      scopeName: i.session?.title ?? i.booth?.organisation ?? null,
      expiresAt: i.expiresAt.toISOString(),
    }));
  }

  /** Takes back an invitation nobody has answered; its link stops working. */
  async withdraw(principal: Principal, event: Event, invitationId: string): Promise<void> {
    await this.invitations.transaction(async (manager) => {
      const found = await this.invitations.unaccepted(manager, event.id, invitationId);
      if (!found) throw PlenumError.notFound('Invitation not found');
      await this.invitations.delete(manager, found.id);
      await this.audit.record(
        {
          eventId: event.id,
          actorId: principal.userId,
          action: 'invitation.withdrawn',
          targetType: 'invitation',
          targetId: found.id,
          details: { role: found.role, sessionId: found.sessionId, boothId: found.boothId },
        },
        manager,
      );
    });
  }

  /** What the page behind the link shows; whoever holds the link is the address's owner. */
  async details(token: string): Promise<InvitationDetails> {
    const invitation = await this.invitations.byTokenHash(hashSecret(token));
    if (!invitation || !isOpen(invitation) || !invitation.event) throw invitationInvalid();
    const hasPassword = await this.invitations.hasPassword(invitation.userId);
    if (hasPassword === null) throw invitationInvalid();
    return {
      eventSlug: invitation.event.slug,
      eventTitle: invitation.event.title,
      role: invitation.role,
      scopeName: invitation.session?.title ?? invitation.booth?.organisation ?? null,
      email: invitation.email,
      needsPassword: !hasPassword,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Sets the first password of the invited account and accepts. An account that has a password
   * is refused (409) and nothing changes: its owner signs in and accepts instead.
   */
  async acceptSettingPassword(token: string, passwordHash: string): Promise<User> {
    return this.invitations.transaction(async (manager) => {
      const invitation = await this.lockOpen(manager, token);
      if (!(await this.invitations.setFirstPassword(manager, invitation.userId, passwordHash))) {
        throw new PlenumError(
          'INVITATION_SIGN_IN_REQUIRED',
          'This account already has a password. Sign in to accept the invitation.',
          409,
        );
      }
      await this.complete(manager, invitation);
      return this.invitations.getUser(manager, invitation.userId);
    });
  }

  /** The signed-in owner of the invited account accepts: the role is theirs from now on. */
  async accept(principal: Principal, token: string): Promise<AcceptedInvitation> {
    const accepted = await this.invitations.transaction(async (manager) => {
      const invitation = await this.lockOpen(manager, token);
      if (invitation.userId !== principal.userId) {
        throw new PlenumError(
          'INVITATION_OTHER_ACCOUNT',
          `This invitation is for ${invitation.email}. Sign in with that address to accept it.`,
          403,
        );
      }
      await this.complete(manager, invitation);
      const event = await this.invitations.getEvent(manager, invitation.eventId);
      return { eventSlug: event.slug, eventId: event.id };
    });
    // The account is signed in, its sockets may have rooms open: the new role counts there now.
    await this.changes.added({ eventId: accepted.eventId, userId: principal.userId });
    return { eventSlug: accepted.eventSlug };
  }

  /** Whoever holds the link says no; a role the invitation gave a new account goes with it. */
  async decline(token: string): Promise<void> {
    const removed = await this.invitations.transaction(async (manager) => {
      const invitation = await this.lockOpen(manager, token);
      await this.invitations.markDeclined(manager, invitation.id);
      const dropped = invitation.newAccount
        ? await this.invitations.revokeGrant(manager, invitation)
        : false;
      await this.audit.record(
        {
          eventId: invitation.eventId,
          actorId: null,
          action: 'invitation.declined',
          targetType: 'invitation',
          targetId: invitation.id,
          details: { role: invitation.role },
        },
        manager,
      );
      return dropped ? invitation : null;
    });
    if (removed) await this.changes.removed({ eventId: removed.eventId, userId: removed.userId });
  }

  /** Takes one role away; what the person holds through it (live rooms) ends with it. */
  async removeMembership(principal: Principal, event: Event, membershipId: string): Promise<void> {
    const membership = await this.invitations.transaction(async (manager) => {
      const found = await this.invitations.membership(manager, event.id, membershipId);
      if (!found) throw PlenumError.notFound('Membership not found');
      await this.invitations.deleteMembership(manager, found.id);
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

  private async assertScope(
    manager: EntityManager,
    event: Event,
    sessionId: string | null,
    boothId: string | null,
  ): Promise<void> {
    if (sessionId && !(await this.invitations.sessionInEvent(manager, event.id, sessionId))) {
      throw PlenumError.validation([
        { path: 'sessionId', message: 'No such session in this event' },
      ]);
    }
    if (boothId && !(await this.invitations.boothInEvent(manager, event.id, boothId))) {
      throw PlenumError.validation([{ path: 'boothId', message: 'No such booth in this event' }]);
    }
  }

  private async lockOpen(manager: EntityManager, token: string): Promise<Invitation> {
    const invitation = await this.invitations.lockByTokenHash(manager, hashSecret(token));
    if (!invitation || !isOpen(invitation)) throw invitationInvalid();
    return invitation;
  }

  private async complete(manager: EntityManager, invitation: Invitation): Promise<void> {
    await this.invitations.markAccepted(manager, invitation.id);
    await this.invitations.grant(manager, invitation);
    await this.audit.record(
      {
        eventId: invitation.eventId,
        actorId: invitation.userId,
        action: 'invitation.accepted',
        targetType: 'invitation',
        targetId: invitation.id,
        details: {
          role: invitation.role,
          sessionId: invitation.sessionId,
          boothId: invitation.boothId,
        },
      },
      manager,
    );
  }
}
