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

/**
 * One connection to /live for the whole app, shared by every chat on screen. The token is read
 * at each (re)connection attempt, so a refreshed token is used without tearing anything down.
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
  });
  created.on('connect_error', (error: Error & { data?: { code?: string } }) => {
    // An expired token is refreshed and the connection tried again; a refused one stays closed.
    if (error.data?.code === 'TOKEN_EXPIRED') {
      void refreshSession().then((session) => {
        if (session) {
          created.connect();
        }
      });
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
