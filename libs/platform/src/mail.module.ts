import { Module } from '@nestjs/common';
import { MailService } from './mail.service';

/** Imported by whatever sends e-mail; Nest makes one MailService (one transport) per process. */
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}
