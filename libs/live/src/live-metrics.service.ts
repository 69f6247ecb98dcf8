import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Namespace } from 'socket.io';
import { clientEventSchemas } from '@plenum/contracts';
import type { Ack } from '@plenum/contracts';
import { BoundedLabel, Metrics } from '@plenum/metrics';

/** `event:<id>` is of kind `event`; the part before the first colon names what a room carries. */
export function roomKind(room: string): string {
  const colon = room.indexOf(':');
  return colon > 0 ? room.slice(0, colon) : 'other';
}

interface Counters {
  messages: Counter<'event' | 'code'>;
  duration: Histogram<'event'>;
  connections: Counter<'namespace'>;
  disconnections: Counter<'namespace' | 'reason'>;
}

/**
 * What the live gateway counts for operators: client messages with the code they were answered
 * with and how long they took, connections and disconnections. Sockets and room memberships per
 * namespace and room kind are read from the adapter at scrape time, so joining and leaving cost
 * nothing extra. Everything is of this instance only; Prometheus adds the instances up.
 */
@Injectable()
export class LiveMetrics {
  private readonly counters: Counters | undefined;
  private readonly namespaces = new Set<Namespace>();
  private readonly codes = new BoundedLabel(100);
  private readonly reasons = new BoundedLabel(20);
  private readonly kinds = new BoundedLabel(30, /^[a-z][a-z-]{0,40}$/);

  constructor(metrics: Metrics) {
    if (!metrics.enabled) return;
    const registers = [metrics.registry];
    this.counters = {
      messages: new Counter({
        name: 'plenum_live_messages_total',
        help: 'Client messages on the live gateway by event and the code they were answered with (OK, or the error code)',
        labelNames: ['event', 'code'],
        registers,
      }),
      duration: new Histogram({
        name: 'plenum_live_message_duration_seconds',
        help: 'Time from a client message to its answer, by event',
        labelNames: ['event'],
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers,
      }),
      connections: new Counter({
        name: 'plenum_live_connections_total',
        help: 'Sockets that connected (passed the handshake) to this instance, by namespace',
        labelNames: ['namespace'],
        registers,
      }),
      disconnections: new Counter({
        name: 'plenum_live_disconnections_total',
        help: 'Sockets that disconnected from this instance, by namespace and Socket.IO reason',
        labelNames: ['namespace', 'reason'],
        registers,
      }),
    };
    const sockets = new Gauge({
      name: 'plenum_live_sockets',
      help: 'Sockets connected to this instance, by namespace',
      labelNames: ['namespace'],
      registers,
      collect: () => {
        for (const nsp of this.namespaces) sockets.set({ namespace: nsp.name }, nsp.sockets.size);
      },
    });
    const rooms: Gauge<'namespace' | 'kind'> = new Gauge({
      name: 'plenum_live_rooms',
      help: 'Rooms with at least one socket of this instance, by namespace and room kind',
      labelNames: ['namespace', 'kind'],
      registers,
      collect: () => this.setByKind(rooms, 'rooms'),
    });
    const members: Gauge<'namespace' | 'kind'> = new Gauge({
      name: 'plenum_live_room_sockets',
      help: 'Sockets of this instance in rooms, by namespace and room kind (once per room a socket is in)',
      labelNames: ['namespace', 'kind'],
      registers,
      collect: () => this.setByKind(members, 'sockets'),
    });
  }

  /** Counts a namespace's connections and reads its sockets and rooms at each scrape. */
  watch(nsp: Namespace): void {
    const counters = this.counters;
    if (!counters || this.namespaces.has(nsp)) return;
    this.namespaces.add(nsp);
    nsp.on('connection', (socket) => {
      counters.connections.inc({ namespace: nsp.name });
      socket.once('disconnect', (reason: string) =>
        counters.disconnections.inc({ namespace: nsp.name, reason: this.reasons.value(reason) }),
      );
    });
  }

  /** Counts a client message once answered; `startedAt` is `performance.now()` on arrival. */
  answered(event: string, answer: Ack<unknown>, startedAt: number): void {
    if (!this.counters) return;
    // Events nobody handles arrive here too (onAny): they share one label.
    const name = Object.hasOwn(clientEventSchemas, event) ? event : 'unknown';
    const code = answer.ok ? 'OK' : this.codes.value(answer.error.code);
    this.counters.messages.inc({ event: name, code });
    this.counters.duration.observe({ event: name }, (performance.now() - startedAt) / 1000);
  }

  /** Reads the adapter's rooms of this instance; a kind disappears with its last room. */
  private setByKind(gauge: Gauge<'namespace' | 'kind'>, figure: 'rooms' | 'sockets'): void {
    gauge.reset();
    for (const nsp of this.namespaces) {
      const perKind = new Map<string, { rooms: number; sockets: number }>();
      const { rooms, sids } = nsp.adapter;
      for (const [room, ids] of rooms) {
        // Every socket is alone in a room named by its id; that is no room to count.
        if (sids.has(room)) continue;
        const kind = this.kinds.value(roomKind(room));
        const figures = perKind.get(kind) ?? { rooms: 0, sockets: 0 };
        figures.rooms += 1;
        figures.sockets += ids.size;
        perKind.set(kind, figures);
      }
      for (const [kind, figures] of perKind) {
        gauge.set({ namespace: nsp.name, kind }, figures[figure]);
      }
    }
  }
}
