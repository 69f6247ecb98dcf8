import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { workerJobLock } from '@plenum/config';
import { mailJobSchema, queueNames } from '@plenum/contracts';
import { InvitationMailService } from '@plenum/identity';
import type { InvitationMailOutcome } from '@plenum/identity';

/** E-mails asked for by the api; the job names a row, the service writes and sends the mail. */
@Processor(queueNames.mail, { concurrency: 5, ...workerJobLock() })
export class MailProcessor extends WorkerHost {
  constructor(private readonly invitations: InvitationMailService) {
    super();
  }

  process(job: Job<unknown>): Promise<InvitationMailOutcome> {
    const mail = mailJobSchema.parse(job.data);
    return this.invitations.send(mail.invitationId);
  }
}
