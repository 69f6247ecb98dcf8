import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { builtWorker, runNode } from '../../support/processes';
import type { RunningProcess } from '../../support/processes';
import type { TestApp } from '../../support/test-app';

export const SLUG = 'digitale-staedte';

export interface ReceivedMail {
  to: string;
  subject: string;
  raw: string;
  messageId: string;
  /** The decoded text/plain part. */
  text: string;
  /** The decoded text/calendar attachment, if any. */
  calendar: string | null;
}

export interface SmtpHooks {
  /** Called for each recipient before the server answers; a promise that never settles holds
   * the message there, as a server that has not accepted it yet. */
  onRcpt?(address: string): Promise<void> | void;
}

/** A real SMTP server on a free port that keeps what it accepted. */
export async function startSmtp(hooks: SmtpHooks = {}): Promise<{
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (!hooks.onRcpt) return callback();
      void Promise.resolve(hooks.onRcpt(address.address)).then(() => callback());
    },
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        const parts = mimeParts(data);
        const text = parts.find((p) => p.type.startsWith('text/plain'))?.body ?? '';
        const calendar = parts.find((p) => p.type.startsWith('text/calendar'))?.body ?? null;
        for (const rcpt of session.envelope.rcptTo) {
          mails.push({
            to: rcpt.address,
            subject: decodeSubject(data),
            raw: data,
            messageId: /^Message-ID: (.*)$/im.exec(data)?.[1]?.trim() ?? '',
            text,
            calendar,
          });
        }
        callback();
      });
    },
  });
  // A worker killed mid-message resets its connection; that is expected here.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The leaf parts of a MIME message, decoded from base64 or quoted-printable. */
function mimeParts(raw: string): Array<{ type: string; body: string }> {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\r\n\r\n');
  const header = (name: string): string =>
    new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'im')
      .exec(head)?.[1]
      ?.replace(/\r?\n[ \t]/g, ' ') ?? '';
  const type = header('Content-Type');
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .flatMap((part) => mimeParts(part.replace(/^\r?\n/, '')));
  }
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  let decoded = body;
  if (encoding === 'base64')
    decoded = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (encoding === 'quoted-printable') decoded = qpDecode(body.replace(/=\r?\n/g, ''));
  return [{ type: type.toLowerCase(), body: decoded }];
}

function qpDecode(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The Subject header, with RFC 2047 encoded words (Q or B, possibly folded) decoded. */
function decodeSubject(raw: string): string {
  const match = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw);
  if (!match?.[1]) return '';
  return match[1]
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_all, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qDecode(text),
    );
}

function qDecode(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '_') bytes.push(32);
    else if (c === '=') {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The built worker against the suite's database and Redis; `env` adds or overrides settings. */
export function startWorker(
  t: TestApp,
  smtpPort: number,
  env: Record<string, string> = {},
): RunningProcess {
  return runNode(builtWorker, {
    DATABASE_URL: t.config.databaseUrl,
    REDIS_URL: t.config.redisUrl,
    REDIS_PREFIX: t.config.redisPrefix,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: 'Plenum <kongress@plenum.test>',
    PUBLIC_URL: t.config.publicUrl,
    // Links in e-mails are signed by the worker; the api must be able to read them.
    AUTH_SECRET: t.config.authSecret,
    LOG_LEVEL: 'info',
    ...env,
  });
}

/**
 * For suites that kill a worker mid-send: its jobs are handed out again after 10 s instead of
 * BullMQ's 30 s lock and stalled check, and its e-mail claims are taken over after 15 s instead
 * of the production minute (still longer than the lock, as the configuration demands).
 */
export const SHORT_LEASES = { WORKER_JOB_LOCK_MS: '10000', REMINDER_EMAIL_LEASE_MS: '15000' };

/** A session starting `leadSeconds` after a one-minute reminder would be due. */
export function soon(leadSeconds: number): { startsAt: string; endsAt: string } {
  const start = new Date(Date.now() + 60_000 + leadSeconds * 1000);
  start.setMilliseconds(0);
  return {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
  };
}

/** The start as a reader in Berlin sees it, e.g. "14:05". */
export function berlinTime(iso: string): string {
  return new Intl.DateTimeFormat('de-DE', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}
