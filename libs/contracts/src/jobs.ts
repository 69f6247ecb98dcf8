import { z } from 'zod';

/** BullMQ queue names shared by the api (producer) and the worker (consumer). */
export const queueNames = {
  mail: 'mail',
  maintenance: 'maintenance',
  video: 'video',
  reminders: 'reminders',
  deliveries: 'deliveries',
  privacy: 'privacy',
} as const;

/**
 * An e-mail to write and send. Jobs carry ids only: the worker reads the rest and derives any
 * link's secret when it sends, so no token sits in Redis (job data outlives the sending).
 */
export const mailJobSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('invitation'), invitationId: z.uuid() }),
  /**
   * A password-reset or sign-in link asked for by address. The api queues it for every address,
   * known or not, so its answer and timing tell nothing; the worker looks the account up and
   * writes the link row under `requestId`. No token: the worker derives it.
   */
  z.object({
    kind: z.enum(['password-reset', 'sign-in']),
    requestId: z.uuid(),
    email: z.string().max(254),
  }),
]);
export type MailJob = z.infer<typeof mailJobSchema>;

export const maintenanceJobSchema = z.object({
  kind: z.literal('purge-expired-auth'),
});
export type MaintenanceJob = z.infer<typeof maintenanceJobSchema>;

export const videoJobSchema = z.object({
  kind: z.literal('prepare-rooms'),
});
export type VideoJob = z.infer<typeof videoJobSchema>;

export const privacyJobSchema = z.object({
  kind: z.literal('anonymise-attendance'),
});
export type PrivacyJob = z.infer<typeof privacyJobSchema>;
