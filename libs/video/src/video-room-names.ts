import type { VideoRoom } from '@plenum/contracts';

const PREFIX = 'plenum';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Plenum room resolved to its event, as webhooks carry only the name. */
export type NamedRoom = VideoRoom & { eventId: string };

function targetId(room: VideoRoom): string {
  switch (room.kind) {
    case 'stage':
    case 'workshop':
      return room.sessionId;
    case 'backstage':
      return room.stageId;
    case 'booth':
      return room.boothId;
  }
}

/**
 * `plenum:<eventId>:<kind>:<id>`. The event id keeps names unique across events on one LiveKit
 * server, and the whole name maps back to a room without a lookup.
 */
export function videoRoomName(eventId: string, room: VideoRoom): string {
  return [PREFIX, eventId, room.kind, targetId(room)].join(':');
}

/** The room a LiveKit room name stands for, or null for rooms Plenum did not name. */
export function parseVideoRoomName(name: string): NamedRoom | null {
  const [prefix, eventId, kind, id, ...rest] = name.split(':');
  if (prefix !== PREFIX || rest.length > 0 || !eventId || !id) return null;
  if (!UUID.test(eventId) || !UUID.test(id)) return null;
  switch (kind) {
    case 'stage':
    case 'workshop':
      return { kind, sessionId: id, eventId };
    case 'backstage':
      return { kind, stageId: id, eventId };
    case 'booth':
      return { kind, boothId: id, eventId };
    default:
      return null;
  }
}
