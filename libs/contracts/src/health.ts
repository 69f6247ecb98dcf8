import { z } from 'zod';

export const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.object({
    postgres: z.object({
      ok: z.boolean(),
      latencyMs: z.number().optional(),
      error: z.string().optional(),
    }),
    redis: z.object({
      ok: z.boolean(),
      latencyMs: z.number().optional(),
      error: z.string().optional(),
    }),
  }),
});
export type Health = z.infer<typeof healthSchema>;
