import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenVerifier } from 'livekit-server-sdk';
import type { ClaimGrants, VideoGrant } from 'livekit-server-sdk';

export const LIVEKIT_KEY = 'plenum-test-key';
export const LIVEKIT_SECRET = 'plenum-test-secret-that-is-long-enough';

export interface RoomServiceCall {
  method: string;
  body: Record<string, unknown>;
  /** The video grant of the token the api sent, already verified. */
  grant: VideoGrant;
}

/**
 * Stands in for LiveKit's RoomService and Egress: answers the Twirp JSON calls the SDK makes,
 * checks the bearer token with the SDK's TokenVerifier, and records every call. No LiveKit
 * server can be installed here; this is the part of it Plenum talks to.
 */
export class FakeLiveKit {
  readonly calls: RoomServiceCall[] = [];
  /** Who is connected to which room, as the test arranges it. */
  readonly connected = new Map<string, Set<string>>();
  /** Egresses started and not yet stopped, by id, with the room they record. */
  readonly egresses = new Map<string, { roomName: string; active: boolean }>();
  private egressCount = 0;
  private readonly server: Server;
  private readonly verifier = new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET);

  constructor() {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'internal', msg: String(err) }));
      });
    });
  }

  private port = 0;

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return `http://127.0.0.1:${this.port}`;
  }

  /** Comes back on the same port after `stop()`, as a restarted LiveKit would. */
  async restart(): Promise<void> {
    await this.start();
  }

  async stop(): Promise<void> {
    if (!this.server.listening) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  env(apiUrl: string): Record<string, string> {
    return {
      LIVEKIT_URL: 'wss://video.plenum.test',
      LIVEKIT_API_URL: apiUrl,
      LIVEKIT_API_KEY: LIVEKIT_KEY,
      LIVEKIT_API_SECRET: LIVEKIT_SECRET,
    };
  }

  connect(room: string, identity: string): void {
    const people = this.connected.get(room) ?? new Set<string>();
    people.add(identity);
    this.connected.set(room, people);
  }

  callsOf(method: string): RoomServiceCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  clear(): void {
    this.calls.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/twirp\/livekit\.(?:RoomService|Egress)\/(\w+)$/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || !match?.[1]) return this.error(res, 404, 'bad_route', 'no route');
    const auth = req.headers.authorization ?? '';
    let claims: ClaimGrants;
    try {
      claims = await this.verifier.verify(auth.replace(/^Bearer /, ''));
    } catch {
      return this.error(res, 401, 'unauthenticated', 'invalid token');
    }
    const method = match[1];
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<
      string,
      unknown
    >;
    const grant = claims.video ?? {};
    this.calls.push({ method, body, grant });
    const text = (value: unknown): string => (typeof value === 'string' ? value : '');
    const room = text(body.room) || text(body.name);
    const identity = text(body.identity);
    const present = this.connected.get(room)?.has(identity) ?? false;
    switch (method) {
      case 'StartRoomCompositeEgress': {
        if (!grant.roomRecord) return this.error(res, 403, 'permission_denied', 'no roomRecord');
        const roomName = text(body.roomName);
        if (!roomName) return this.error(res, 400, 'invalid_argument', 'room name missing');
        this.egressCount++;
        const egressId = `EG_test${this.egressCount}`;
        this.egresses.set(egressId, { roomName, active: true });
        return this.json(res, { egressId, roomName, status: 'EGRESS_STARTING' });
      }
      case 'StopEgress': {
        if (!grant.roomRecord) return this.error(res, 403, 'permission_denied', 'no roomRecord');
        const egress = this.egresses.get(text(body.egressId));
        if (!egress?.active) return this.error(res, 404, 'not_found', 'egress not found');
        egress.active = false;
        return this.json(res, {
          egressId: body.egressId,
          roomName: egress.roomName,
          status: 'EGRESS_ENDING',
        });
      }
      case 'CreateRoom':
        if (!grant.roomCreate) return this.error(res, 403, 'permission_denied', 'no roomCreate');
        return this.json(res, { sid: `RM_${room.slice(-8)}`, ...body });
      case 'UpdateParticipant':
      case 'RemoveParticipant':
      case 'ListParticipants':
      case 'GetParticipant':
      case 'MutePublishedTrack':
        if (!grant.roomAdmin || grant.room !== room) {
          return this.error(res, 403, 'permission_denied', 'no roomAdmin for this room');
        }
        if (method === 'ListParticipants') {
          const people = [...(this.connected.get(room) ?? [])];
          return this.json(res, {
            participants: people.map((p) => ({ identity: p, sid: `PA_${p}` })),
          });
        }
        if (!present) return this.error(res, 404, 'not_found', 'participant not found');
        if (method === 'GetParticipant') {
          // Everyone connected here publishes a camera and a microphone.
          return this.json(res, {
            sid: `PA_${identity}`,
            identity,
            tracks: [
              { sid: `TR_cam_${identity}`, muted: false },
              { sid: `TR_mic_${identity}`, muted: false },
            ],
          });
        }
        if (method === 'MutePublishedTrack') {
          return this.json(res, { track: { sid: body.trackSid, muted: body.muted } });
        }
        if (method === 'RemoveParticipant') {
          this.connected.get(room)?.delete(identity);
          return this.json(res, {});
        }
        return this.json(res, { sid: `PA_${identity}`, identity, permission: body.permission });
      default:
        return this.error(res, 404, 'bad_route', `${method} is not faked`);
    }
  }

  private json(res: ServerResponse, body: unknown): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private error(res: ServerResponse, status: number, code: string, msg: string): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code, msg }));
  }
}
