import { z } from 'zod';

export const locales = ['de', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const uuidSchema = z.uuid();

/** An IANA time zone name that this runtime knows. */
export const timeZoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Unknown time zone (use an IANA name such as Europe/Berlin)' },
);

/** A calendar day, `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date();

export const slugSchema = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens');
