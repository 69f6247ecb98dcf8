import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { workerJobLock } from '@plenum/config';
import { mailJobSchema, queueNames } from '@plenum/contracts';
import { EmailLinkMailService, InvitationMailService } from '@plenum/identity';
import type { EmailLinkMailOutcome, InvitationMailOutcome } from '@plenum/identity';

/** E-mails asked for by the api; the job names a row or request, the service writes the mail. */
@Processor(queueNames.mail, { concurrency: 5, ...workerJobLock() })
export class MailProcessor extends WorkerHost {
  constructor(
    private readonly invitations: InvitationMailService,
    private readonly emailLinks: EmailLinkMailService,
  ) {
    super();
  }

  process(job: Job<unknown>): Promise<InvitationMailOutcome | EmailLinkMailOutcome> {
    const mail = mailJobSchema.parse(job.data);
    if (mail.kind === 'invitation') return this.invitations.send(mail.invitationId);
    return this.emailLinks.send(mail.kind, mail.requestId, mail.email);
  }
}
