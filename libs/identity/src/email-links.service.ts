import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { queueNames } from '@plenum/contracts';
import type { MailJob } from '@plenum/contracts';
import type { SignInLinkPurpose } from '@plenum/db';
import { PlenumError } from '@plenum/platform';
import { AuthService } from './auth.service';
import type { SignedIn } from './auth.service';
import { EmailLinkThrottleService } from './email-link-throttle.service';
import { EmailLinksRepository } from './email-links.repository';
import { hashPassword } from './passwords';
import { hashSecret } from './secrets';

function linkInvalid(): PlenumError {
  return new PlenumError(
    'EMAIL_LINK_INVALID',
    'This link is not valid any more. Ask for a new one on the sign-in page.',
    400,
  );
}

/**
 * "Passwort vergessen" and sign-in by e-mail link. Asking is the same for every address: the
 * request is counted and queued, nothing is looked up, so neither the answer nor its time tells
 * whether an account exists. The worker finds the account and writes the link (EmailLinkMail).
 */
@Injectable()
export class EmailLinksService {
  constructor(
    private readonly links: EmailLinksRepository,
    private readonly auth: AuthService,
    private readonly throttle: EmailLinkThrottleService,
    @InjectQueue(queueNames.mail) private readonly mailQueue: Queue<MailJob>,
  ) {}

  async request(purpose: SignInLinkPurpose, email: string, address: string): Promise<void> {
    await this.throttle.take(email, address);
    const requestId = randomUUID();
    await this.mailQueue.add(
      purpose,
      { kind: purpose, requestId, email },
      {
        jobId: `${purpose}-${requestId}`,
        attempts: 5,
        backoff: { type: 'exponential', delay: 5000 },
        // The job names an address; it leaves Redis once done, not kept for the record.
        removeOnComplete: true,
        removeOnFail: { age: 86_400 },
      },
    );
  }

  /**
   * Sets the new password, ends every sign-in of the account (and its other reset links) and
   * signs this device in.
   */
  async resetPassword(
    token: string,
    password: string,
    userAgent: string | undefined,
  ): Promise<SignedIn> {
    const passwordHash = await hashPassword(password);
    const user = await this.links.transaction(async (manager) => {
      const userId = await this.links.use(manager, hashSecret(token), 'password-reset');
      if (!userId) throw linkInvalid();
      const account = await this.links.user(manager, userId);
      if (!account || account.disabledAt) throw linkInvalid();
      await this.links.setPassword(manager, userId, passwordHash);
      await this.links.useAllOpen(manager, userId, 'password-reset');
      return account;
    });
    await this.auth.revokeAllSessions(user.id);
    return this.auth.startSession(user, userAgent);
  }

  async signIn(token: string, userAgent: string | undefined): Promise<SignedIn> {
    const user = await this.links.transaction(async (manager) => {
      const userId = await this.links.use(manager, hashSecret(token), 'sign-in');
      if (!userId) throw linkInvalid();
      const account = await this.links.user(manager, userId);
      if (!account || account.disabledAt) throw linkInvalid();
      return account;
    });
    return this.auth.startSession(user, userAgent);
  }
}
