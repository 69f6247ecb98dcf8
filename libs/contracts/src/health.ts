import { z } from 'zod';

export const healthServices = ['postgres', 'redis'] as const;
export type HealthService = (typeof healthServices)[number];

const checkSchema = z.object({
  ok: z.boolean(),
  latencyMs: z.number().optional(),
  error: z.string().optional(),
});

/** `GET /api/health`: 200 with `status: 'ok'`, or 503 naming in `down` what does not answer. */
export const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  /** The services that do not answer; empty when the status is `ok`. */
  down: z.array(z.enum(healthServices)),
  /** While the api waits for them at start-up, it serves nothing else yet. */
  starting: z.boolean().optional(),
  checks: z.object({ postgres: checkSchema, redis: checkSchema }),
  /**
   * What this process caught instead of ending since it started (see docs/scaling.md): failed
   * broadcasts, rejections nobody awaited. Counts, not a status: they do not make it unhealthy.
   */
  faults: z
    .object({
      emitFailed: z.number().int(),
      unhandledRejections: z.number().int(),
      /** When the last one was caught (ISO 8601), or null. */
      lastAt: z.string().nullable(),
    })
    .optional(),
});
export type Health = z.infer<typeof healthSchema>;
