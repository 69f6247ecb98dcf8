import type { WorkshopPromoted, WorkshopSeats } from '@plenum/contracts';
import { useEffect } from 'react';
import { liveCall, liveSocket } from '../chat/live-connection';

/**
 * Seat counts as they change: the api broadcasts them to the event's room, which this joins
 * (again after every reconnect). Promotions arrive on the person's own room on their own.
 */
export function useWorkshopSignals(
  eventId: string,
  onSeats: (seats: WorkshopSeats) => void,
  onPromoted: (promoted: WorkshopPromoted) => void,
): void {
  useEffect(() => {
    const socket = liveSocket();
    const join = () => {
      liveCall('room:join', { room: `event:${eventId}` }).catch(() => undefined);
    };
    if (socket.connected) join();
    socket.on('connect', join);
    socket.on('workshop:seats', onSeats);
    socket.on('workshop:promoted', onPromoted);
    return () => {
      socket.off('connect', join);
      socket.off('workshop:seats', onSeats);
      socket.off('workshop:promoted', onPromoted);
    };
  }, [eventId, onSeats, onPromoted]);
}
