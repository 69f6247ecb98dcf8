import { LIVE_NAMESPACE, LIVE_PATH } from '@plenum/contracts';
import type {
  Ack,
  ClientAckData,
  ClientEventName,
  ClientToServerEvents,
  LiveError,
  ServerToClientEvents,
} from '@plenum/contracts';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { currentAccessToken, onSessionChange, refreshSession } from '../api/client';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A failed acknowledgement, or no answer at all (connection gone). */
export class LiveCallError extends Error {
  override readonly name = 'LiveCallError';

  constructor(readonly error: LiveError | { code: 'NETWORK_FAILED'; message: string }) {
    super(error.message);
  }

  get code(): string {
    return this.error.code;
  }

  get retryAfterMs(): number | undefined {
    return 'retryAfterMs' in this.error ? this.error.retryAfterMs : undefined;
  }
}

let socket: LiveSocket | null = null;

/** Refusals that no retry can change: the person has to sign in (again). */
const FINAL_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED']);

/**
 * Whether a refused handshake is final. Only authentication says no for good (an expired token
 * is refreshed first); anything else (the server busy, Redis or PostgreSQL away) is tried again.
 */
export function isFinalRefusal(code: string | undefined): boolean {
  return code !== undefined && FINAL_CODES.has(code);
}

/**
 * How long to wait before the `attempt`-th retry (0-based): doubling from 500 ms up to 10 s,
 * each spread by ±50 % so that a room full of browsers does not come back in one burst.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000, 500 * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.5 + random()));
}

/**
 * One connection to /live for the whole app, shared by every chat on screen. The token is read
 * at each (re)connection attempt, so a refreshed token is used without tearing anything down.
 * It never gives up but for authentication: socket.io retries lost connections by itself, and
 * a handshake the server refused for another reason, or a disconnect by the server, is retried
 * here with the same back-off.
 */
export function liveSocket(): LiveSocket {
  if (socket) {
    return socket;
  }
  const created: LiveSocket = io(LIVE_NAMESPACE, {
    path: LIVE_PATH,
    // WebSocket first; long-polling where a network blocks WebSocket.
    transports: ['websocket', 'polling'],
    auth: (send) => send({ token: currentAccessToken() ?? '' }),
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
  });
  let attempts = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const retryLater = () => {
    clearTimeout(retry);
    retry = setTimeout(() => {
      if (socket === created && !created.connected) {
        created.connect();
      }
    }, retryDelayMs(attempts++));
  };
  created.on('connect', () => {
    attempts = 0;
    clearTimeout(retry);
  });
  created.on('connect_error', (error: Error & { data?: { code?: string } }) => {
    if (created.active) {
      // A network failure: socket.io tries again by itself.
      return;
    }
    const code = error.data?.code;
    if (code === 'TOKEN_EXPIRED') {
      // Refreshed, then tried again; without a session the sign-in page takes over.
      void refreshSession().then((session) => {
        if (session) {
          created.connect();
        }
      });
    } else if (!isFinalRefusal(code)) {
      retryLater();
    }
  });
  created.on('disconnect', (reason) => {
    // The server closed it (a restart, a revoked session): try again; a revoked session is then
    // refused as UNAUTHENTICATED, which is final.
    if (reason === 'io server disconnect') {
      retryLater();
    }
  });
  socket = created;
  return created;
}

onSessionChange((session) => {
  if (!session && socket) {
    socket.close();
    socket = null;
  }
});

/** Emits a client event and resolves with the acknowledged data, or rejects with the error. */
export function liveCall<E extends ClientEventName>(
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
  timeoutMs = 10_000,
): Promise<ClientAckData[E]> {
  const target = liveSocket();
  // The typed emitter cannot express "any of the events"; the answer is checked below anyway.
  const withTimeout = target.timeout(timeoutMs) as unknown as {
    emit(
      event: string,
      payload: unknown,
      ack: (err: Error | null, answer: Ack<ClientAckData[E]>) => void,
    ): void;
  };
  return new Promise((resolve, reject) => {
    withTimeout.emit(event, payload, (err, answer) => {
      if (err) {
        reject(new LiveCallError({ code: 'NETWORK_FAILED', message: err.message }));
      } else if (answer.ok) {
        resolve(answer.data);
      } else {
        reject(new LiveCallError(answer.error));
      }
    });
  });
}
