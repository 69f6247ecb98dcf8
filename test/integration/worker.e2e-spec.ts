import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { queueNames } from '@plenum/contracts';
import { bullConnection } from '@plenum/platform';
import { builtWorker, runNode, waitFor } from '../support/processes';
import type { RunningProcess } from '../support/processes';
import { ApiClient, redisContents, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const built = existsSync(builtWorker) ? describe : describe.skip;

built('worker: a separate process that sends queued e-mail through SMTP', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  let smtpPort: number;
  const received: string[] = [];
  let worker: RunningProcess | undefined;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    t = await startTestApp({ seedDemo: true });
  });

  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('delivers an invitation in the invitee’s language and stops cleanly on SIGTERM', async () => {
    worker = runNode(builtWorker, {
      DATABASE_URL: t.config.databaseUrl,
      REDIS_URL: t.config.redisUrl,
      REDIS_PREFIX: t.config.redisPrefix,
      // The worker derives the link's token with the same secret as the api.
      AUTH_SECRET: t.config.authSecret,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Plenum <kongress@plenum.test>',
      LOG_LEVEL: 'info',
    });

    const organizer = new ApiClient(t.baseUrl);
    await organizer.login('organizer@plenum.test');
    const invite = await organizer.request<{ inviteUrl: string; invitationId: string }>(
      'POST',
      '/api/events/digitale-staedte/invitations',
      {
        email: 'referentin@example.org',
        displayName: 'Frau Referentin',
        role: 'speaker',
      },
    );
    expect(invite.status).toBe(201);

    await waitFor(() => received.length > 0, 20_000);
    expect(received).toHaveLength(1);
    const mail = received[0]!.replace(/=\r?\n/g, '');
    expect(mail).toMatch(/^To: referentin@example\.org/m);
    // German by the invitee's locale (the event's default); the subject is RFC 2047 encoded.
    expect(mail).toMatch(/^Subject: =\?UTF-8\?Q\?Einladung=3A_Digitale_St/m);
    expect(mail).toContain('Legen Sie hier Ihr Passwort fest');
    expect(mail).toContain(invite.body.inviteUrl);
    // The date is in the event's zone, written out.
    expect(mail).toContain('(Europe/Berlin)');

    // The completed job keeps no secret: its data and return value name the invitation only.
    const token = invite.body.inviteUrl.split('#').pop()!;
    const queue = new Queue(queueNames.mail, bullConnection(t.config));
    try {
      const job = `invitation-${invite.body.invitationId}`;
      expect(
        await waitFor(async () => (await queue.getJobState(job)) === 'completed', 10_000),
      ).toBe(true);
      expect((await queue.getJob(job))?.returnvalue).toBe('sent');
    } finally {
      await queue.close();
    }
    const redis = await redisContents(`${t.config.redisPrefix}:*`);
    expect(redis).toContain(invite.body.invitationId);
    expect(redis).not.toContain(token);

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain('SIGTERM received, shutting down');
  });
});
