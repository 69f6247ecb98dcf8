import { Module } from '@nestjs/common';
import { MailModule } from '@plenum/platform';
import { InvitationMailService } from './invitation-mail.service';

/** For the worker: writes invitation e-mails. The api only queues them. */
@Module({
  imports: [MailModule],
  providers: [InvitationMailService],
  exports: [InvitationMailService],
})
export class InvitationMailModule {}
