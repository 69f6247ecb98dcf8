import { z } from 'zod';

export const deleteAccountSchema = z.object({
  /** The account's password again: deleting cannot be undone. */
  password: z.string().min(1).max(200),
});
export type DeleteAccountRequest = z.infer<typeof deleteAccountSchema>;

export const privacySettingsSchema = z.object({
  /** Days after the event's last day; null keeps attendance until the event is deleted. */
  attendanceRetentionDays: z.number().int().min(0).max(3650).nullable(),
});
export type PrivacySettingsRequest = z.infer<typeof privacySettingsSchema>;

export const privacySettingsViewSchema = z.object({
  attendanceRetentionDays: z.number().int().nullable(),
  /** The first moment the retention job will anonymise attendance; null without a period. */
  anonymiseAfter: z.iso.datetime().nullable(),
  attendanceAnonymisedAt: z.iso.datetime().nullable(),
});
export type PrivacySettingsView = z.infer<typeof privacySettingsViewSchema>;

const exportedRowsSchema = z.record(z.string(), z.array(z.record(z.string(), z.unknown())));

/** `GET /api/me/data-export`: every row of every table that refers to the person. */
export const personalDataExportSchema = z.object({
  exportedAt: z.iso.datetime(),
  userId: z.uuid(),
  /**
   * Table name → the person's own rows; secrets (password and token hashes) and other people's
   * ids are left out.
   */
  tables: exportedRowsSchema,
  /**
   * `table.column` → what the person did to other people's records (decided a question, muted
   * someone, ...): only the columns that say what was done, never the other person's content.
   */
  actions: exportedRowsSchema,
});
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;

/** What the UI and API show instead of the author of a deleted account's messages. */
export const deletedUserLabel = { de: 'Gelöschte Person', en: 'Deleted user' } as const;
