import { Inject, Injectable, Logger } from '@nestjs/common';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { Locale } from '@plenum/contracts';
import type { SignInLinkPurpose } from '@plenum/db';
import { MailService } from '@plenum/platform';
import { emailLink, emailLinkToken, emailLinkTtlMs } from './email-link-token';
import { EmailLinksRepository } from './email-links.repository';
import { hashSecret } from './secrets';

export interface EmailLinkMailFacts {
  locale: Locale;
  purpose: SignInLinkPurpose;
  displayName: string;
  link: string;
  minutes: number;
}

export function emailLinkMailText(f: EmailLinkMailFacts): { subject: string; text: string } {
  if (f.locale === 'de') {
    const [subject, action] =
      f.purpose === 'password-reset'
        ? ['Neues Passwort für Plenum', 'Legen Sie hier ein neues Passwort fest']
        : ['Ihr Anmelde-Link für Plenum', 'Melden Sie sich mit diesem Link an'];
    const after =
      f.purpose === 'password-reset'
        ? ' Danach sind Sie auf allen anderen Geräten abgemeldet.'
        : '';
    return {
      subject,
      text: `Hallo ${f.displayName},\n\n${action}:\n\n${f.link}\n\nDer Link gilt ${f.minutes} Minuten und nur einmal.${after}\nWenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail; es ändert sich nichts.\n`,
    };
  }
  const [subject, action] =
    f.purpose === 'password-reset'
      ? ['A new password for Plenum', 'Set a new password here']
      : ['Your sign-in link for Plenum', 'Sign in with this link'];
  const after =
    f.purpose === 'password-reset' ? ' Afterwards you are signed out on every other device.' : '';
  return {
    subject,
    text: `Hello ${f.displayName},\n\n${action}:\n\n${f.link}\n\nThe link works once, for ${f.minutes} minutes.${after}\nIf you did not ask for it, ignore this e-mail; nothing changes.\n`,
  };
}

export type EmailLinkMailOutcome = 'sent' | 'no-account' | 'stale';

/**
 * Writes and sends a password-reset or sign-in e-mail for an address someone typed. An address
 * without an (enabled) account gets nothing; the person who typed it was told the same either way.
 */
@Injectable()
export class EmailLinkMailService {
  private readonly logger = new Logger(EmailLinkMailService.name);

  constructor(
    private readonly links: EmailLinksRepository,
    private readonly mail: MailService,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  async send(
    purpose: SignInLinkPurpose,
    requestId: string,
    email: string,
  ): Promise<EmailLinkMailOutcome> {
    const user = await this.links.userByEmail(email);
    if (!user || user.disabledAt) {
      this.logger.log({ requestId }, 'No account for the address; no e-mail link sent');
      return 'no-account';
    }
    const token = emailLinkToken(this.config.authSecret, requestId);
    await this.links.insert({
      id: requestId,
      userId: user.id,
      purpose,
      tokenHash: hashSecret(token),
      expiresAt: new Date(Date.now() + emailLinkTtlMs[purpose]),
    });
    const link = await this.links.find(requestId);
    if (!link || link.usedAt || link.expiresAt.getTime() <= Date.now()) return 'stale';
    const { subject, text } = emailLinkMailText({
      locale: user.locale,
      purpose,
      displayName: user.displayName,
      link: emailLink(this.config.publicUrl, purpose, token),
      minutes: emailLinkTtlMs[purpose] / 60_000,
    });
    await this.mail.send({
      to: user.email,
      subject,
      text,
      messageId: `<${purpose}-${requestId}@plenum>`,
    });
    this.logger.log({ requestId, userId: user.id }, `E-mail link (${purpose}) sent`);
    return 'sent';
  }
}
