import type {
  AcceptInvitationRequest,
  LoginRequest,
  LoginResponse,
  PasswordResetRequest,
  SignInLinkRequest,
  UpdateProfileRequest,
  UserView,
} from '@plenum/contracts';
import { ApiError, isAbortError, networkError, toApiError } from './api-error';

export { ApiError } from './api-error';

type SessionListener = (session: LoginResponse | null) => void;

/** Bytes sent as they are, such as an uploaded image, with their own media type. */
export interface RawBody {
  data: Blob;
  contentType: string;
}

interface RequestOptions {
  body?: unknown;
  raw?: RawBody;
  /** A JSON text sent as it is (an uploaded file), so the server can name where it breaks. */
  rawJson?: string;
  signal?: AbortSignal;
  /** Leave the bearer token off, for calls where a 401 means bad credentials, not expiry. */
  anonymous?: boolean;
}

/*
 * The access token lives in this module only: never in storage, where any injected script could
 * read it. A reload loses it on purpose; the httpOnly refresh cookie brings the session back.
 */
let accessToken: string | null = null;
let refreshInFlight: Promise<LoginResponse | null> | null = null;
const listeners = new Set<SessionListener>();

function applySession(session: LoginResponse | null): void {
  accessToken = session?.accessToken ?? null;
  for (const listener of listeners) {
    listener(session);
  }
}

/** The current access token, for the live connection's handshake; null when signed out. */
export function currentAccessToken(): string | null {
  return accessToken;
}

/** Called with the new session after every login and refresh, and with null when it ends. */
export function onSessionChange(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (accessToken && !options.anonymous) {
    headers.Authorization = `Bearer ${accessToken}`;
  }
  let body: BodyInit | undefined;
  if (options.raw) {
    headers['Content-Type'] = options.raw.contentType;
    body = options.raw.data;
  } else if (options.rawJson !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = options.rawJson;
  } else if (options.body !== undefined) {
    // Fastify rejects an empty body declared as JSON, so the header only goes with a body.
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (isAbortError(error)) {
      throw error;
    }
    throw networkError(error);
  }
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204) {
    return undefined as T;
  }
  const contentType = response.headers.get('content-type') ?? '';
  // An HTML answer to an /api call means the SPA fallback caught a route the api lacks.
  if (!contentType.includes('application/json')) {
    throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', `Expected JSON from the server`);
  }
  return (await response.json()) as T;
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request:
 * the server rotates the refresh token, and a second request with the old cookie would look
 * like token theft and end the session.
 */
export function refreshSession(): Promise<LoginResponse | null> {
  refreshInFlight ??= (async () => {
    try {
      // The cookie is the credential here; an expired bearer token would only add noise.
      const response = await send('POST', '/api/auth/refresh', { anonymous: true });
      if (response.status === 401 || response.status === 403) {
        applySession(null);
        return null;
      }
      if (!response.ok) {
        throw await toApiError(response);
      }
      const session = await readBody<LoginResponse>(response);
      applySession(session);
      return session;
    } finally {
      refreshInFlight = null;
    }
  })();
  return refreshInFlight;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const sentWithToken = accessToken !== null && !options.anonymous;
  let response = await send(method, path, options);
  if (response.status === 401 && sentWithToken) {
    const error = await toApiError(response);
    if (error.code !== 'TOKEN_EXPIRED') {
      applySession(null);
      throw error;
    }
    const session = await refreshSession();
    if (!session) {
      throw error;
    }
    response = await send(method, path, options);
    if (response.status === 401) {
      applySession(null);
    }
  }
  if (!response.ok) {
    throw await toApiError(response);
  }
  return readBody<T>(response);
}

/** How far an upload has come, from 0 to 1; null while the browser cannot tell. */
export type UploadProgress = (fraction: number | null) => void;

function sendWithProgress(
  method: string,
  path: string,
  raw: RawBody,
  onProgress: UploadProgress,
): Promise<Response> {
  // fetch() reports no upload progress; XMLHttpRequest does.
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', raw.contentType);
    if (accessToken) {
      xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
    }
    xhr.upload.onprogress = (progress) =>
      onProgress(progress.lengthComputable ? progress.loaded / progress.total : null);
    xhr.onload = () => {
      const headers = new Headers();
      const type = xhr.getResponseHeader('content-type');
      if (type) {
        headers.set('content-type', type);
      }
      const body = xhr.status === 204 ? null : xhr.responseText;
      resolve(new Response(body, { status: xhr.status, headers }));
    };
    xhr.onerror = () => reject(networkError(new Error('Upload failed')));
    xhr.send(raw.data);
  });
}

/** Sends a file as it is, reporting progress; renews an expired token once, like request(). */
async function upload<T>(
  method: 'PUT' | 'POST',
  path: string,
  raw: RawBody,
  onProgress: UploadProgress,
): Promise<T> {
  const sentWithToken = accessToken !== null;
  let response = await sendWithProgress(method, path, raw, onProgress);
  if (response.status === 401 && sentWithToken) {
    const error = await toApiError(response);
    if (error.code !== 'TOKEN_EXPIRED' || !(await refreshSession())) {
      throw error;
    }
    response = await sendWithProgress(method, path, raw, onProgress);
  }
  if (!response.ok) {
    throw await toApiError(response);
  }
  return readBody<T>(response);
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  putRaw: <T>(path: string, raw: RawBody) => request<T>('PUT', path, { raw }),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, { body }),
  postJsonText: <T>(path: string, rawJson: string) => request<T>('POST', path, { rawJson }),
  upload,
};

async function startSession(path: string, body: unknown): Promise<LoginResponse> {
  const session = await request<LoginResponse>('POST', path, { body, anonymous: true });
  applySession(session);
  return session;
}

export function login(credentials: LoginRequest): Promise<LoginResponse> {
  return startSession('/api/auth/login', credentials);
}

export function acceptInvitation(acceptance: AcceptInvitationRequest): Promise<LoginResponse> {
  return startSession('/api/auth/invitations/accept', acceptance);
}

/** Sets a new password with the link from a reset e-mail; signs in here. */
export function resetPassword(reset: PasswordResetRequest): Promise<LoginResponse> {
  return startSession('/api/auth/password-reset', reset);
}

export function signInWithLink(link: SignInLinkRequest): Promise<LoginResponse> {
  return startSession('/api/auth/sign-in-link', link);
}

/** Forgets the session here without asking the server, which has ended it already. */
export function forgetSession(): void {
  applySession(null);
}

export async function logout(): Promise<void> {
  try {
    await request<void>('POST', '/api/auth/logout');
  } catch (error) {
    // 401 means the server no longer knows the session, which is what logging out asks for.
    if (!(error instanceof ApiError && error.status === 401)) {
      throw error;
    }
  }
  applySession(null);
}

export function updateProfile(changes: UpdateProfileRequest): Promise<UserView> {
  return api.patch<UserView>('/api/me', changes);
}

/** Deletes the signed-in account (the password confirms it) and forgets the session here. */
export async function deleteAccount(password: string): Promise<void> {
  await request<void>('DELETE', '/api/me', { body: { password } });
  applySession(null);
}
