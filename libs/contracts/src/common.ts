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

const transliterations: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * A slug suggested from a title or an organisation's name ("Städtetag Baden-Württemberg" →
 * "staedtetag-baden-wuerttemberg"), the same in the web app's forms and on the server. It may be
 * shorter than a slug must be; callers decide what to do then.
 */
export function suggestSlug(text: string, maxLength = 64): string {
  return text
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => transliterations[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
}
