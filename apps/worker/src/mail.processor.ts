import { Inject, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { mailJobSchema, queueNames } from '@plenum/contracts';
import type { MailJob } from '@plenum/contracts';

const texts = {
  de: {
    subject: (j: MailJob) => `Einladung: ${j.eventTitle}`,
    body: (j: MailJob, until: string) =>
      `Hallo ${j.displayName},\n\nSie wurden zu „${j.eventTitle}“ auf Plenum eingeladen.\n` +
      `Legen Sie hier Ihr Passwort fest:\n\n${j.inviteUrl}\n\nDer Link gilt bis ${until}.\n`,
  },
  en: {
    subject: (j: MailJob) => `Invitation: ${j.eventTitle}`,
    body: (j: MailJob, until: string) =>
      `Hello ${j.displayName},\n\nYou have been invited to "${j.eventTitle}" on Plenum.\n` +
      `Set your password here:\n\n${j.inviteUrl}\n\nThe link is valid until ${until}.\n`,
  },
};

/**
 * Sends e-mail. Without SMTP_URL the message is written to the worker's log instead, so an
 * installation without a mail server still shows organizers what would have been sent.
 */
@Processor(queueNames.mail, { concurrency: 5 })
export class MailProcessor extends WorkerHost implements OnApplicationShutdown {
  private readonly logger = new Logger(MailProcessor.name);
  private readonly transport: Transporter;

  constructor(@Inject(PLENUM_CONFIG) private readonly config: PlenumConfig) {
    super();
    this.transport = config.smtpUrl
      ? nodemailer.createTransport(config.smtpUrl)
      : nodemailer.createTransport({ jsonTransport: true });
  }

  async process(job: Job<unknown>): Promise<{ messageId: string }> {
    const mail = mailJobSchema.parse(job.data);
    const t = texts[mail.locale];
    const until = new Intl.DateTimeFormat(mail.locale === 'de' ? 'de-DE' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Berlin',
    }).format(new Date(mail.expiresAt));
    const info = (await this.transport.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: t.subject(mail),
      text: t.body(mail, until),
    })) as { messageId: string };
    if (!this.config.smtpUrl) {
      this.logger.log(
        { jobId: job.id, to: mail.to, inviteUrl: mail.inviteUrl },
        `SMTP_URL not set; invitation for ${mail.to} not sent by mail`,
      );
    } else {
      this.logger.log(
        { jobId: job.id, messageId: info.messageId },
        `Invitation sent to ${mail.to}`,
      );
    }
    return { messageId: info.messageId };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
