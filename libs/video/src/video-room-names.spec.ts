import { randomUUID } from 'node:crypto';
import type { VideoRoom } from '@plenum/contracts';
import { parseVideoRoomName, videoRoomName } from './video-room-names';

describe('video room names', () => {
  const eventId = randomUUID();
  const id = randomUUID();

  it.each<VideoRoom>([
    { kind: 'stage', sessionId: id },
    { kind: 'backstage', stageId: id },
    { kind: 'workshop', sessionId: id },
    { kind: 'booth', boothId: id },
  ])('maps a $kind room to its name and back', (room) => {
    const name = videoRoomName(eventId, room);
    expect(name).toBe(`plenum:${eventId}:${room.kind}:${id}`);
    expect(parseVideoRoomName(name)).toEqual({ ...room, eventId });
  });

  it.each([
    'my-test-room',
    `plenum:${eventId}:lobby:${id}`,
    `plenum:${eventId}:stage:not-a-uuid`,
    `plenum:${eventId}:stage:${id}:extra`,
    `other:${eventId}:stage:${id}`,
  ])('ignores a room Plenum did not name: %s', (name) => {
    expect(parseVideoRoomName(name)).toBeNull();
  });
});
