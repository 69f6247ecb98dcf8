import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { recordingUploadContentTypes } from '@plenum/contracts';
import {
  createSuiteDatabase,
  databaseUrl,
  dropDatabase,
  REDIS_TEST_URL,
} from '../support/databases';
import { isHealthy, repoRoot, runNode, waitFor } from '../support/processes';
import type { RunningProcess } from '../support/processes';
import { deleteRedisKeys } from '../support/test-app';

const MB = 1024 * 1024;
const SLUG = 'digitale-staedte';
/**
 * A client that had sent more than this of a 400 MB body when its answer came had it read by the
 * api. (A client goes on sending until it notices the answer, and the api drops what comes
 * meanwhile: hence the margin.)
 */
const UNREAD_MAX_BYTES = 100 * MB;
const LOGIN = '/api/auth/login';
const CREATE_EVENT = '/api/events';
const WEBHOOK = '/api/livekit/webhook';
/** Types a page of another site may send without asking first, and none at all. */
const EXTRA_TYPES = ['text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded', ''];
/** An MP4's first box (`ftyp`) and a PNG's signature, as the signature check wants them. */
const mp4Head = Buffer.from('000000186674797069736f6d', 'hex');
const pngHead = Buffer.from('89504e470d0a1a0a', 'hex');

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** How much of the body the client had sent when the answer came. */
  sent: number;
  /** With `keepSending`: how much it sent in all before the api closed the connection. */
  sentInAll?: number;
}

interface Post {
  method?: string;
  path: string;
  contentType: string;
  bytes: number;
  /** Without Content-Length, so only reading tells the api how long the body is. */
  chunked?: boolean;
  token?: string;
  /** The body's first bytes (a file signature); the rest are zeros. */
  head?: Buffer;
  /** Go on sending after the answer (at about 50 MB/s), until the api closes the connection. */
  keepSending?: boolean;
}

describe('request body limits (the api as a process of its own)', () => {
  let api: RunningProcess;
  let port: string;
  let databaseName: string;
  let storageDir: string;
  let organizer: string;
  let attendee: string;
  let recordingUpload: string;
  let bodyTypes: string[];

  const pid = (): number => api.child.pid!;
  const kilobytes = (field: 'VmRSS' | 'VmHWM'): number => {
    const status = readFileSync(`/proc/${pid()}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]);
  };
  /** How far the api's resident memory rose above where it was while `work` ran, in MB. */
  async function memoryGrowth(work: () => Promise<void>): Promise<number> {
    // Resets the peak (VmHWM) to the current resident size (Linux, man 5 proc).
    writeFileSync(`/proc/${pid()}/clear_refs`, '5');
    const before = kilobytes('VmRSS');
    await work();
    return (kilobytes('VmHWM') - before) / 1024;
  }

  function send(post: Post): Promise<Answer> {
    return new Promise((resolve, reject) => {
      // Keep-alive, as browsers ask: a client that asks to close has its wish granted at once.
      const headers: Record<string, string> = { connection: 'keep-alive' };
      if (post.contentType) headers['content-type'] = post.contentType;
      if (!post.chunked) headers['content-length'] = String(post.bytes);
      if (post.token) headers.authorization = `Bearer ${post.token}`;
      const req = request({
        host: '127.0.0.1',
        port: Number(port),
        method: post.method ?? 'POST',
        path: post.path,
        headers,
        agent: false,
      });
      const zeros = Buffer.alloc(256 * 1024);
      let sent = 0;
      let answer: Answer | undefined;
      const pump = (): void => {
        while ((!answer || post.keepSending) && sent < post.bytes) {
          let piece = zeros.subarray(0, Math.min(zeros.length, post.bytes - sent));
          if (sent === 0 && post.head) {
            piece = Buffer.concat([post.head, piece.subarray(post.head.length)]);
          }
          sent += piece.length;
          if (!req.write(piece)) {
            req.once('drain', pump);
            return;
          }
          if (answer) {
            setTimeout(pump, 5);
            return;
          }
        }
        if (sent === post.bytes) req.end();
      };
      req.on('response', (res) => {
        const got: Answer = { status: res.statusCode ?? 0, headers: res.headers, body: '', sent };
        answer = got;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (got.body += chunk));
        res.on('end', () => {
          if (post.keepSending) return;
          resolve(got);
          req.destroy();
        });
      });
      req.on('error', (err) => {
        // Answered: the api closing the connection under a body still being sent is expected.
        if (answer) resolve({ ...answer, sentInAll: sent });
        else {
          const what = `${post.method ?? 'POST'} ${post.path} (${post.contentType || 'no type'})`;
          reject(new Error(`${what}, ${post.chunked ? 'chunked' : 'with length'}: ${err.message}`));
        }
      });
      req.on('close', () => {
        if (answer) resolve({ ...answer, sentInAll: sent });
      });
      pump();
    });
  }

  async function login(email: string): Promise<string> {
    const res = await fetch(`http://127.0.0.1:${port}${LOGIN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'plenum' }),
    });
    if (res.status !== 200) throw new Error(`Login of ${email}: ${res.status}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  /** Every file under the storage root, partial ones included. */
  async function storedFiles(): Promise<string[]> {
    const entries = await readdir(storageDir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
  }

  /** What the api should answer a body of `type` on each route, were it `bytes` long. */
  function expected(path: string, type: string): number {
    if (path === LOGIN || path === CREATE_EVENT) return type === 'application/json' ? 413 : 415;
    if (path === WEBHOOK) return type === 'application/webhook+json' ? 413 : 415;
    // The upload route, anonymously: the guard answers before any byte is read.
    return (recordingUploadContentTypes as readonly string[]).includes(type) ? 401 : 415;
  }

  /** Posts a body of every type to every route, declared and chunked, all at once per type. */
  async function postEverything(bytes: number): Promise<Array<Post & Answer>> {
    const results: Array<Post & Answer> = [];
    for (const contentType of [...bodyTypes, ...EXTRA_TYPES]) {
      const posts: Post[] = [LOGIN, CREATE_EVENT, WEBHOOK, recordingUpload].flatMap((path) =>
        [false, true].map((chunked) => ({
          method: path === recordingUpload ? 'PUT' : 'POST',
          path,
          contentType,
          bytes,
          chunked,
        })),
      );
      const answers = await Promise.all(posts.map((p) => send(p)));
      posts.forEach((p, i) => results.push({ ...p, ...answers[i]! }));
    }
    return results;
  }

  beforeAll(async () => {
    databaseName = await createSuiteDatabase();
    storageDir = await mkdtemp(join(tmpdir(), 'plenum-body-limits-'));
    port = await freePort();
    api = runNode(join(repoRoot, 'test/support/api-from-source.mjs'), {
      DATABASE_URL: databaseUrl(databaseName),
      REDIS_URL: REDIS_TEST_URL,
      REDIS_PREFIX: `plenum-test:${databaseName}`,
      PORT: port,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_SEED: 'auto',
      STORAGE_DIR: storageDir,
    });
    if (!(await waitFor(() => isHealthy(port), 120_000))) {
      throw new Error(`The api did not start:\n${api.output()}`);
    }
    [organizer, attendee] = await Promise.all([
      login('organizer@plenum.test'),
      login('attendee@plenum.test'),
    ]);
    const db = new Client({ connectionString: databaseUrl(databaseName) });
    await db.connect();
    const { rows } = await db.query<{ id: string }>(
      `SELECT s.id FROM sessions s JOIN events e ON e.id = s.event_id WHERE e.slug = $1 LIMIT 1`,
      [SLUG],
    );
    await db.end();
    recordingUpload = `/api/events/${SLUG}/sessions/${rows[0]!.id}/recordings/upload`;

    const doc = (await (await fetch(`http://127.0.0.1:${port}/api/docs/json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content?: object } }>>;
    };
    const types = Object.values(doc.paths).flatMap((operations) =>
      Object.values(operations).flatMap((op) => Object.keys(op.requestBody?.content ?? {})),
    );
    bodyTypes = [...new Set(types)].sort();

    // Everything below once in small, so that what is measured later is growth, not warm-up.
    await postEverything(2 * MB);
    await Promise.all(
      [1, 2].map(() =>
        send({
          method: 'PUT',
          path: recordingUpload,
          contentType: 'video/mp4',
          bytes: 8 * MB,
          token: organizer,
          head: mp4Head,
        }),
      ),
    );
  }, 180_000);

  afterAll(async () => {
    if (api) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    if (databaseName) {
      await dropDatabase(databaseName);
      await deleteRedisKeys(`plenum-test:${databaseName}:*`);
    }
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  it('finds every body type a route declares in the OpenAPI document', () => {
    expect(bodyTypes).toEqual(
      expect.arrayContaining([
        'application/json',
        'application/webhook+json',
        'application/pdf',
        'image/png',
        'video/mp4',
        'application/zip',
      ]),
    );
  });

  it('answers 400 MB bodies of every type with 413 or 415 unread, on public and protected routes, with flat memory', async () => {
    let results: Array<Post & Answer> = [];
    const growth = await memoryGrowth(async () => {
      results = await postEverything(400 * MB);
    });
    const outcomes = results.map((r) => ({
      route: r.path,
      type: r.contentType,
      chunked: r.chunked,
      status: r.status,
      readByApi: r.sent > UNREAD_MAX_BYTES,
    }));
    expect(outcomes).toEqual(
      results.map((r) => ({
        route: r.path,
        type: r.contentType,
        chunked: r.chunked,
        status: expected(r.path, r.contentType),
        readByApi: false,
      })),
    );
    for (const r of results.filter((r) => r.status === 415)) {
      expect(JSON.parse(r.body)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    for (const r of results.filter((r) => r.status === 413)) {
      expect(JSON.parse(r.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    }
    expect(growth).toBeLessThan(50);
  });

  it('answers an upload past the limit 413 before reading it, even before signing in', async () => {
    const tooLarge = await send({
      method: 'PUT',
      path: recordingUpload,
      contentType: 'video/mp4',
      bytes: 600 * MB,
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.sent).toBeLessThan(UNREAD_MAX_BYTES);
  });

  it('closes the connection of a client that goes on sending after its answer', async () => {
    const stubborn = await send({
      path: LOGIN,
      contentType: 'video/mp4',
      bytes: 1024 * MB,
      keepSending: true,
    });
    expect(stubborn.status).toBe(415);
    // What came after the answer was dropped for a while (DRAIN_MAX_MS), then the api hung up.
    expect(stubborn.sentInAll).toBeLessThan(1024 * MB);
  });

  it('answers an anonymous upload 401 and an attendee 403 before reading, storing nothing', async () => {
    const before = await storedFiles();
    let anonymous: Answer | undefined;
    let asAttendee: Answer | undefined;
    const growth = await memoryGrowth(async () => {
      [anonymous, asAttendee] = await Promise.all([
        send({
          method: 'PUT',
          path: recordingUpload,
          contentType: 'video/mp4',
          bytes: 100 * MB,
          head: mp4Head,
        }),
        send({
          method: 'PUT',
          path: recordingUpload,
          contentType: 'video/mp4',
          bytes: 100 * MB,
          head: mp4Head,
          token: attendee,
        }),
      ]);
    });
    expect(anonymous?.status).toBe(401);
    expect(asAttendee?.status).toBe(403);
    expect(anonymous!.sent).toBeLessThan(UNREAD_MAX_BYTES);
    expect(asAttendee!.sent).toBeLessThan(UNREAD_MAX_BYTES);
    expect(await storedFiles()).toEqual(before);
    expect(growth).toBeLessThan(50);
  });

  it("streams organizers' films to storage without holding them, and leaves nothing of a photo past its limit", async () => {
    const before = await storedFiles();
    const films: Answer[] = [];
    let photo: Answer | undefined;
    const growth = await memoryGrowth(async () => {
      films.push(
        ...(await Promise.all(
          [1, 2].map(() =>
            send({
              method: 'PUT',
              path: recordingUpload,
              contentType: 'video/mp4',
              bytes: 200 * MB,
              chunked: true,
              token: organizer,
              head: mp4Head,
            }),
          ),
        )),
      );
      // The gallery takes 8 MB; a chunked body gives no length, so it is cut off while read.
      photo = await send({
        method: 'PUT',
        path: `/api/events/${SLUG}/impressions?alt=Saal`,
        contentType: 'image/png',
        bytes: 40 * MB,
        chunked: true,
        token: organizer,
        head: pngHead,
      });
    });
    expect(films.map((f) => f.status)).toEqual([200, 200]);
    const added = (await storedFiles()).filter((f) => !before.includes(f));
    expect(added).toHaveLength(2);
    for (const file of added) {
      expect(file).toMatch(/\/recordings\/[0-9a-f-]{36}$/);
      expect((await stat(file)).size).toBe(200 * MB);
    }
    expect(photo?.status).toBe(413);
    expect(JSON.parse(photo!.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(growth).toBeLessThan(50);
  });
});

/** A port nobody listens on now, from the system (a random pick may be taken on a busy machine). */
function freePort(): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolve(String(typeof address === 'object' && address ? address.port : 0)),
      );
    });
  });
}
