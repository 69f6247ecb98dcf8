import { z } from 'zod';
import { sessionStateSchema } from './programme';

/** Socket.IO namespace and room names (see docs/realtime.md). */
export const LIVE_NAMESPACE = '/live';

export const rooms = {
  event: (id: string) => `event:${id}`,
  session: (id: string) => `session:${id}`,
  booth: (id: string) => `booth:${id}`,
  workshop: (id: string) => `workshop:${id}`,
  user: (id: string) => `user:${id}`,
} as const;

export const sessionStateChangedSchema = z.object({
  eventId: z.uuid(),
  sessionId: z.uuid(),
  state: sessionStateSchema,
  changedAt: z.iso.datetime(),
});
export type SessionStateChanged = z.infer<typeof sessionStateChangedSchema>;

/**
 * Server → client events. Features add theirs here; the web app and the servers share the map.
 */
export interface ServerToClientEvents {
  'session:state': (payload: SessionStateChanged) => void;
}
