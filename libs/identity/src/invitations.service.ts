import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { EntityManager, Repository } from 'typeorm';
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
import { Booth, Event, Invitation, Membership, Session, User, membershipScope } from '@plenum/db';
import { AuditService, PlenumError } from '@plenum/platform';
import { invitationLink, invitationToken } from './invitation-token';
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
    private readonly dataSource: DataSource,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
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
    const newAccount = await this.dataSource.transaction(async (manager) => {
      await this.assertScope(manager, event, sessionId, boothId);
      const users = manager.getRepository(User);
      const inserted = await users
        .createQueryBuilder()
        .insert()
        .values({
          email: input.email,
          displayName: input.displayName,
          locale: input.locale ?? event.defaultLocale,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const created = (inserted.raw as unknown[]).length === 1;
      const user = await users.findOneOrFail({ where: { email: input.email }, select: ['id'] });
      // The inviter made this account: it has nothing of anyone's yet, so the role is given now.
      if (created)
        await this.grant(manager, {
          eventId: event.id,
          userId: user.id,
          role: input.role,
          sessionId,
          boothId,
        });
      await manager.getRepository(Invitation).insert({
        id,
        eventId: event.id,
        userId: user.id,
        invitedById: principal.userId,
        email: input.email,
        role: input.role,
        sessionId,
        boothId,
        newAccount: created,
        tokenHash: hashSecret(token),
        expiresAt,
        acceptedAt: null,
        declinedAt: null,
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

  /** Invitations to existing accounts not answered yet, by the address the inviter typed. */
  async pending(event: Event): Promise<PendingInvitationView[]> {
    const rows = await this.invitations.find({
      where: {
        eventId: event.id,
        newAccount: false,
        acceptedAt: IsNull(),
        declinedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      },
      relations: { session: true, booth: true },
      order: { createdAt: 'ASC' },
    });
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
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Invitation);
      const found = await repo.findOneBy({
        id: invitationId,
        eventId: event.id,
        acceptedAt: IsNull(),
      });
      if (!found) throw PlenumError.notFound('Invitation not found');
      await repo.delete(found.id);
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
    const invitation = await this.invitations.findOne({
      where: { tokenHash: hashSecret(token) },
      relations: { event: true, session: true, booth: true },
    });
    if (!invitation || !isOpen(invitation) || !invitation.event) throw invitationInvalid();
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { id: invitation.userId }, select: ['id', 'passwordHash'] });
    if (!user) throw invitationInvalid();
    return {
      eventSlug: invitation.event.slug,
      eventTitle: invitation.event.title,
      role: invitation.role,
      scopeName: invitation.session?.title ?? invitation.booth?.organisation ?? null,
      email: invitation.email,
      needsPassword: !user.passwordHash,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Sets the first password of the invited account and accepts. An account that has a password
   * is refused (409) and nothing changes: its owner signs in and accepts instead.
   */
  async acceptSettingPassword(token: string, passwordHash: string): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.lockOpen(manager, token);
      const set = await manager
        .createQueryBuilder()
        .update(User)
        .set({ passwordHash })
        .where('id = :id AND password_hash IS NULL', { id: invitation.userId })
        .execute();
      if (set.affected !== 1) {
        throw new PlenumError(
          'INVITATION_SIGN_IN_REQUIRED',
          'This account already has a password. Sign in to accept the invitation.',
          409,
        );
      }
      await this.complete(manager, invitation);
      return manager.getRepository(User).findOneByOrFail({ id: invitation.userId });
    });
  }

  /** The signed-in owner of the invited account accepts: the role is theirs from now on. */
  async accept(principal: Principal, token: string): Promise<AcceptedInvitation> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.lockOpen(manager, token);
      if (invitation.userId !== principal.userId) {
        throw new PlenumError(
          'INVITATION_OTHER_ACCOUNT',
          `This invitation is for ${invitation.email}. Sign in with that address to accept it.`,
          403,
        );
      }
      await this.complete(manager, invitation);
      const event = await manager.getRepository(Event).findOneByOrFail({ id: invitation.eventId });
      return { eventSlug: event.slug };
    });
  }

  /** Whoever holds the link says no; a role the invitation gave a new account goes with it. */
  async decline(token: string): Promise<void> {
    const removed = await this.dataSource.transaction(async (manager) => {
      const invitation = await this.lockOpen(manager, token);
      await manager.getRepository(Invitation).update(invitation.id, { declinedAt: new Date() });
      let dropped = false;
      if (invitation.newAccount) {
        const result = await manager.getRepository(Membership).delete({
          eventId: invitation.eventId,
          userId: invitation.userId,
          role: invitation.role,
          scope: membershipScope(invitation.sessionId, invitation.boothId),
        });
        dropped = (result.affected ?? 0) > 0;
      }
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

  private async assertScope(
    manager: EntityManager,
    event: Event,
    sessionId: string | null,
    boothId: string | null,
  ): Promise<void> {
    if (
      sessionId &&
      !(await manager.getRepository(Session).existsBy({ id: sessionId, eventId: event.id }))
    ) {
      throw PlenumError.validation([
        { path: 'sessionId', message: 'No such session in this event' },
      ]);
    }
    if (
      boothId &&
      !(await manager.getRepository(Booth).existsBy({ id: boothId, eventId: event.id }))
    ) {
      throw PlenumError.validation([{ path: 'boothId', message: 'No such booth in this event' }]);
    }
  }

  private async lockOpen(manager: EntityManager, token: string): Promise<Invitation> {
    const invitation = await manager.getRepository(Invitation).findOne({
      where: { tokenHash: hashSecret(token) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!invitation || !isOpen(invitation)) throw invitationInvalid();
    return invitation;
  }

  private async complete(manager: EntityManager, invitation: Invitation): Promise<void> {
    await manager.getRepository(Invitation).update(invitation.id, { acceptedAt: new Date() });
    await this.grant(manager, invitation);
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

  private async grant(
    manager: EntityManager,
    m: Pick<Invitation, 'eventId' | 'userId' | 'role' | 'sessionId' | 'boothId'>,
  ): Promise<void> {
    await manager
      .getRepository(Membership)
      .createQueryBuilder()
      .insert()
      .values({
        eventId: m.eventId,
        userId: m.userId,
        role: m.role,
        sessionId: m.sessionId,
        boothId: m.boothId,
        scope: membershipScope(m.sessionId, m.boothId),
      })
      .orIgnore()
      .execute();
  }
}
