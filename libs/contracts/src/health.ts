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
});
export type Health = z.infer<typeof healthSchema>;
