import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** A fixed id marks a copy sent again after a crash as the same message. */
  messageId?: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
}

/**
 * The one SMTP transport of a process: a pool with bounded waits, so a send always ends well
 * inside a reminder claim's lease (docs/reminders.md). Without SMTP_URL, messages are rendered
 * and dropped; the caller logs what it would have sent (never a link's secret).
 */
export function createMailTransport(config: Pick<PlenumConfig, 'smtpUrl'>): Transporter {
  if (!config.smtpUrl) return nodemailer.createTransport({ jsonTransport: true });
  return nodemailer.createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as never);
}

/** Sends e-mail for every feature (invitations, reminders) through one transport. */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;

  constructor(@Inject(PLENUM_CONFIG) private readonly config: PlenumConfig) {
    this.transport = createMailTransport(config);
  }

  /** false: no SMTP_URL, so nothing leaves the process. */
  get delivers(): boolean {
    return Boolean(this.config.smtpUrl);
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const info = (await this.transport.sendMail({
      from: this.config.mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.messageId ? { messageId: message.messageId } : {}),
      ...(message.headers ? { headers: message.headers } : {}),
      ...(message.attachments ? { attachments: message.attachments } : {}),
    })) as { messageId: string };
    if (!this.delivers) {
      this.logger.debug(
        { subject: message.subject },
        `SMTP_URL not set; not sent to ${message.to}`,
      );
    }
    return { messageId: info.messageId };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
