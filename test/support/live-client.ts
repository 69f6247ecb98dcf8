import { io } from 'socket.io-client';
import type { Socket, SocketOptions, ManagerOptions } from 'socket.io-client';
import { LIVE_NAMESPACE, LIVE_PATH } from '@plenum/contracts';
import type {
  Ack,
  ClientAckData,
  ClientEventName,
  ClientToServerEvents,
  ServerToClientEvents,
} from '@plenum/contracts';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects to /live and resolves once connected; rejects with the connect_error. */
export function connectLive(
  baseUrl: string,
  token: string | undefined,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<LiveSocket> {
  const socket: LiveSocket = io(`${baseUrl}${LIVE_NAMESPACE}`, {
    path: LIVE_PATH,
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 10_000,
    ...options,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** The connect_error of a refused handshake, with the server's code when it gave one. */
export async function refusal(
  attempt: Promise<LiveSocket>,
): Promise<{ message: string; code?: string }> {
  try {
    const socket = await attempt;
    socket.close();
  } catch (err) {
    const error = err as Error & { data?: { code?: string } };
    return { message: error.message, code: error.data?.code };
  }
  throw new Error('The handshake was accepted');
}

/** Emits an event and resolves with its acknowledgement. */
export function call<E extends ClientEventName>(
  socket: LiveSocket,
  event: E,
  payload: unknown,
  timeoutMs = 10_000,
): Promise<Ack<ClientAckData[E]>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No answer to ${event}`)), timeoutMs);
    (socket.emit as (event: string, ...args: unknown[]) => void)(
      event,
      payload,
      (answer: Ack<ClientAckData[E]>) => {
        clearTimeout(timer);
        resolve(answer);
      },
    );
  });
}

/** Emits an event that must succeed and returns its data. */
export async function ok<E extends ClientEventName>(
  socket: LiveSocket,
  event: E,
  payload: unknown,
): Promise<ClientAckData[E]> {
  const answer = await call(socket, event, payload);
  if (!answer.ok) throw new Error(`${event} failed: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** Everything a socket receives of one event, from now on. */
export function collect<E extends keyof ServerToClientEvents>(
  socket: LiveSocket,
  event: E,
): Array<Payload<E>> {
  const seen: Array<Payload<E>> = [];
  (socket.on as (event: string, listener: (payload: Payload<E>) => void) => void)(
    event,
    (payload) => seen.push(payload),
  );
  return seen;
}

/** Resolves with the next payload of an event that matches, or rejects after the timeout. */
export function next<E extends keyof ServerToClientEvents>(
  socket: LiveSocket,
  event: E,
  match: (payload: Payload<E>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<Payload<E>> {
  return new Promise((resolve, reject) => {
    type Subscribe = (event: string, listener: (payload: Payload<E>) => void) => void;
    const on = (socket.on as Subscribe).bind(socket);
    const off = (socket.off as Subscribe).bind(socket);
    const listener = (payload: Payload<E>) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      off(event, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      off(event, listener);
      reject(new Error(`No ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    on(event, listener);
  });
}

/** Resolves when the socket disconnects, with the reason. */
export function disconnected(socket: LiveSocket, timeoutMs = 5000): Promise<string> {
  if (socket.disconnected) return Promise.resolve('already disconnected');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Still connected')), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('Condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
