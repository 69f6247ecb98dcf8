import { Inject, Injectable, Logger } from '@nestjs/common';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { Locale, Role } from '@plenum/contracts';
import { MailService } from '@plenum/platform';
import { invitationLink, invitationToken } from './invitation-token';
import { InvitationsRepository } from './invitations.repository';

const roleNames: Record<Locale, Record<Role, string>> = {
  de: {
    organizer: 'Organisation',
    moderator: 'Moderation',
    speaker: 'Referent/in',
    exhibitor: 'Aussteller/in',
    attendee: 'Teilnehmer/in',
  },
  en: {
    organizer: 'Organizer',
    moderator: 'Moderator',
    speaker: 'Speaker',
    exhibitor: 'Exhibitor',
    attendee: 'Attendee',
  },
};

export interface InvitationMailFacts {
  locale: Locale;
  displayName: string;
  eventTitle: string;
  role: Role;
  link: string;
  /** The link's end, already written in the event's zone and the reader's language. */
  until: string;
  /** The account has no password yet: the link sets one. Otherwise its owner signs in. */
  needsPassword: boolean;
}

export function invitationMailText(f: InvitationMailFacts): { subject: string; text: string } {
  const role = roleNames[f.locale][f.role];
  if (f.locale === 'de') {
    const next = f.needsPassword
      ? `Legen Sie hier Ihr Passwort fest:\n\n${f.link}`
      : `Melden Sie sich mit Ihrem Plenum-Konto an, um die Einladung anzunehmen oder abzulehnen:\n\n${f.link}\n\nIhr Passwort bleibt, wie es ist. Falls Sie es vergessen haben, setzen Sie es auf der Anmeldeseite zurück.`;
    return {
      subject: `Einladung: ${f.eventTitle}`,
      text: `Hallo ${f.displayName},\n\nSie wurden zu „${f.eventTitle}“ auf Plenum eingeladen (Rolle: ${role}).\n${next}\n\nDer Link gilt bis ${f.until}.\n`,
    };
  }
  const next = f.needsPassword
    ? `Set your password here:\n\n${f.link}`
    : `Sign in with your Plenum account to accept or decline the invitation:\n\n${f.link}\n\nYour password stays as it is. If you have forgotten it, reset it on the sign-in page.`;
  return {
    subject: `Invitation: ${f.eventTitle}`,
    text: `Hello ${f.displayName},\n\nYou have been invited to "${f.eventTitle}" on Plenum (role: ${role}).\n${next}\n\nThe link is valid until ${f.until}.\n`,
  };
}

export type InvitationMailOutcome = 'sent' | 'stale';

/**
 * Writes and sends one invitation e-mail from its row. The link's token is derived here, when
 * the mail is written, so the job that asked for it holds nothing but the invitation's id.
 */
@Injectable()
export class InvitationMailService {
  private readonly logger = new Logger(InvitationMailService.name);

  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly mail: MailService,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  async send(invitationId: string): Promise<InvitationMailOutcome> {
    const invitation = await this.invitations.find(invitationId);
    // Withdrawn, answered or run out before the worker got to it: nothing to send any more.
    if (
      !invitation ||
      invitation.acceptedAt ||
      invitation.declinedAt ||
      invitation.expiresAt.getTime() <= Date.now()
    ) {
      this.logger.log({ invitationId }, 'Invitation no longer open; no e-mail sent');
      return 'stale';
    }
    const [user, event] = await Promise.all([
      this.invitations.recipient(invitation.userId),
      this.invitations.findEvent(invitation.eventId),
    ]);
    if (!user || !event) return 'stale';
    const until = new Intl.DateTimeFormat(user.locale === 'de' ? 'de-DE' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: event.timeZone,
    }).format(invitation.expiresAt);
    const { subject, text } = invitationMailText({
      locale: user.locale,
      displayName: user.displayName,
      eventTitle: event.title,
      role: invitation.role,
      link: invitationLink(
        this.config.publicUrl,
        invitationToken(this.config.authSecret, invitation.id),
      ),
      until: `${until} (${event.timeZone})`,
      needsPassword: !user.passwordHash,
    });
    const sent = await this.mail.send({
      to: user.email,
      subject,
      text,
      messageId: `<invitation-${invitation.id}@plenum>`,
    });
    if (this.mail.delivers) {
      this.logger.log(
        { invitationId, messageId: sent.messageId },
        `Invitation sent to ${user.email}`,
      );
    } else {
      // The link stays out of the log: only its owner may read it.
      this.logger.log(
        { invitationId },
        `SMTP_URL not set; invitation for ${user.email} not sent by mail`,
      );
    }
    return 'sent';
  }
}
