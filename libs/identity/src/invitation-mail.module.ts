import { Module } from '@nestjs/common';
import { MailModule } from '@plenum/platform';
import { EmailLinkMailService } from './email-link-mail.service';
import { EmailLinksRepository } from './email-links.repository';
import { InvitationMailService } from './invitation-mail.service';
import { InvitationsRepository } from './invitations.repository';

/** For the worker: writes invitation and e-mail-link mails. The api only queues them. */
@Module({
  imports: [MailModule],
  providers: [
    EmailLinkMailService,
    EmailLinksRepository,
    InvitationMailService,
    InvitationsRepository,
  ],
  exports: [EmailLinkMailService, InvitationMailService],
})
export class InvitationMailModule {}
