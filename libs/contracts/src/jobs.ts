import { z } from 'zod';
import { localeSchema } from './common';

/** BullMQ queue names shared by the api (producer) and the worker (consumer). */
export const queueNames = {
  mail: 'mail',
  maintenance: 'maintenance',
  video: 'video',
  reminders: 'reminders',
  deliveries: 'deliveries',
  privacy: 'privacy',
} as const;

export const mailJobSchema = z.object({
  kind: z.literal('invitation'),
  to: z.email(),
  locale: localeSchema,
  displayName: z.string(),
  eventTitle: z.string(),
  inviteUrl: z.url(),
  expiresAt: z.iso.datetime(),
});
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
