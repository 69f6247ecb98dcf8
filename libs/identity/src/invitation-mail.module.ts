import { Module } from '@nestjs/common';
import { MailModule } from '@plenum/platform';
import { InvitationMailService } from './invitation-mail.service';
import { InvitationsRepository } from './invitations.repository';

/** For the worker: writes invitation e-mails. The api only queues them. */
@Module({
  imports: [MailModule],
  providers: [InvitationMailService, InvitationsRepository],
  exports: [InvitationMailService],
})
export class InvitationMailModule {}
