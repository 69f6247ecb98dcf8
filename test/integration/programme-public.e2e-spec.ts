import { gunzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { programmeSchema } from '@plenum/contracts';
import type { Programme, ScheduleImportReport, SessionWriteResult } from '@plenum/contracts';
import { createApi } from '../../apps/api/src/bootstrap';
import { bigSchedule } from '../support/big-schedule';
import { create, createEvent } from '../support/programme-fixtures';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('public programme: content, caching and a 500-session event', () => {
  let t: TestApp;
  let organizer: ApiClient;
  let second: NestFastifyApplication | undefined;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true, env: { CORS_ORIGINS: 'https://buehne.example' } });
    organizer = new ApiClient(t.baseUrl);
    await organizer.login('organizer@plenum.test');
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  it('serves the programme without sign-in: stages, tracks, speaker profiles, sessions by day', async () => {
    const res = await fetch(`${t.baseUrl}/api/events/digitale-staedte/programme`);
    expect(res.status).toBe(200);
    const programme = (await res.json()) as Programme;
    // The cached bytes never pass the response serializer: the render itself holds the schema,
    // naming nothing more.
    expect(programmeSchema.parse(programme)).toEqual(programme);
    expect(programme.timeZone).toBe('Europe/Berlin');
    expect(programme.stages.map((s) => s.name)).toEqual([
      'Hauptbühne',
      'Bühne Smarte Stadt',
      'Bühne Smarte Region',
    ]);
    expect(programme.tracks.map((t) => t.name)).toContain('Mobilität');
    const minister = programme.speakers.find((s) => s.name === 'Prof. Dr. Kristina Sinemus');
    expect(minister?.title).toBe('Hessische Ministerin für Digitale Strategie und Entwicklung');
    expect(minister?.biography).not.toBe('');
    const kinds = new Set(programme.sessions.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(
      ['break', 'expo', 'forum', 'keynote', 'panel', 'talk', 'workshop'].sort(),
    );
    // Every session's day is one of the listed days, and the forums span the days before.
    const days = new Set(programme.days);
    expect(programme.sessions.every((s) => days.has(s.local.day))).toBe(true);
    expect(programme.days.length).toBeGreaterThanOrEqual(5);
    const panel = programme.sessions.find((s) => s.title.startsWith('Podium: Gigabit'));
    expect(panel?.speakers.find((p) => p.part === 'moderator')?.name).toBe('Paul Bauer');
    expect((await fetch(`${t.baseUrl}/api/events/no-such-event/programme`)).status).toBe(404);
  });

  it('answers with an ETag, 304 for a client that has it, and gzip when asked', async () => {
    const url = `${t.baseUrl}/api/events/digitale-staedte/programme`;
    const first = await fetch(url);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(url, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    const { request } = await import('node:http');
    const gz = await new Promise<{ encoding: string | undefined; body: Buffer }>(
      (resolve, reject) => {
        request(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              encoding: res.headers['content-encoding'],
              body: Buffer.concat(chunks),
            }),
          );
        })
          .on('error', reject)
          .end();
      },
    );
    expect(gz.encoding).toBe('gzip');
    const parsed = JSON.parse(gunzipSync(gz.body).toString('utf8')) as Programme;
    expect(parsed.slug).toBe('digitale-staedte');
  });

  it('answers from the cache like any other route: headers, request id, CORS, token check, time zones', async () => {
    const url = `${t.baseUrl}/api/events/digitale-staedte/programme`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    const cached = await fetch(url, {
      headers: { origin: 'https://buehne.example', 'x-request-id': 'programme-42' },
    });
    expect(cached.status).toBe(200);
    expect(cached.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(cached.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(cached.headers.get('x-request-id')).toBe('programme-42');
    expect(cached.headers.get('access-control-allow-origin')).toBe('https://buehne.example');
    expect(cached.headers.get('x-content-type-options')).toBe('nosniff');
    expect(cached.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(((await cached.json()) as Programme).slug).toBe('digitale-staedte');

    // A token sent to a public route is still checked, cached answer or not.
    const forged = await fetch(url, { headers: { authorization: 'Bearer not.a.token' } });
    expect(forged.status).toBe(401);
    const signedIn = await fetch(url, {
      headers: { authorization: `Bearer ${organizer.token ?? ''}` },
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('etag')).toBe(first.headers.get('etag'));

    // The viewer's zone is its own cache entry; a zone that does not exist is refused each time.
    const zoned = `${url}?timeZone=America/New_York`;
    const z1 = await fetch(zoned);
    const z2 = await fetch(zoned);
    expect(((await z1.json()) as Programme).timeZone).toBe('America/New_York');
    expect(((await z2.json()) as Programme).timeZone).toBe('America/New_York');
    expect(z2.headers.get('etag')).toBe(z1.headers.get('etag'));
    expect(z2.headers.get('etag')).not.toBe(first.headers.get('etag'));
    for (let i = 0; i < 2; i++) {
      expect((await fetch(`${url}?timeZone=Mars/Olympus`)).status).toBe(422);
    }
  });

  it('serves a 500-session programme, and every change invalidates the cache on every instance', async () => {
    await createEvent(organizer, 'grosser-kongress', {
      startsOn: '2026-06-10',
      endsOn: '2026-06-12',
    });
    const imported = await organizer.request<ScheduleImportReport>(
      'POST',
      '/api/events/grosser-kongress/schedule/import',
      bigSchedule(500),
    );
    expect(imported.status).toBe(200);
    expect(imported.body.created).toBe(500);

    // A second api instance on the same database and Redis, as behind a load balancer.
    second = await createApi(t.config);
    await second.listen({ port: 0, host: '127.0.0.1' });
    const address = second.getHttpServer().address();
    const secondUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const path = '/api/events/grosser-kongress/programme';
    const read = async (base: string) => {
      const res = await fetch(`${base}${path}`);
      return { etag: res.headers.get('etag'), body: (await res.json()) as Programme };
    };
    const a1 = await read(t.baseUrl);
    const b1 = await read(secondUrl);
    expect(a1.body.sessions).toHaveLength(500);
    expect(a1.body.days).toEqual(['2026-06-10', '2026-06-11', '2026-06-12']);
    expect(b1.etag).toBe(a1.etag);
    expect((await read(secondUrl)).etag).toBe(b1.etag);

    // A change through instance A reaches instance B's cache through Redis.
    const target = a1.body.sessions[0];
    if (!target) throw new Error('no session');
    const patched = await organizer.request<SessionWriteResult>(
      'PATCH',
      `/api/events/grosser-kongress/sessions/${target.id}`,
      { title: 'Eröffnung (neuer Titel)' },
    );
    expect(patched.status).toBe(200);
    const started = Date.now();
    let b2 = await read(secondUrl);
    while (b2.etag === b1.etag && Date.now() - started < 3000) {
      await new Promise((r) => setTimeout(r, 50));
      b2 = await read(secondUrl);
    }
    expect(b2.etag).not.toBe(b1.etag);
    expect(b2.body.sessions.find((s) => s.id === target.id)?.title).toBe('Eröffnung (neuer Titel)');
    const a2 = await read(t.baseUrl);
    expect(a2.etag).toBe(b2.etag);

    // The lifecycle is part of the cached programme too.
    await organizer.request('POST', `/api/events/grosser-kongress/sessions/${target.id}/start`);
    let live = (await read(secondUrl)).body.sessions.find((s) => s.id === target.id)?.state;
    for (let i = 0; live !== 'live' && i < 60; i++) {
      await new Promise((r) => setTimeout(r, 50));
      live = (await read(secondUrl)).body.sessions.find((s) => s.id === target.id)?.state;
    }
    expect(live).toBe('live');
  });

  it('keeps now and next working next to the full programme', async () => {
    const res = await fetch(`${t.baseUrl}/api/events/digitale-staedte/now-next`);
    const body = (await res.json()) as { now: Array<{ title: string }> };
    expect(body.now.map((s) => s.title)).toContain(
      'Podium: Gigabit für alle – Infrastruktur als Daseinsvorsorge',
    );
  });

  it('invalidates on catalogue edits as well (a new stage shows at once)', async () => {
    await create(organizer, '/api/events/digitale-staedte/stages', { name: 'Bühne Extra' });
    const res = await fetch(`${t.baseUrl}/api/events/digitale-staedte/programme`);
    const programme = (await res.json()) as Programme;
    expect(programme.stages.map((s) => s.name)).toContain('Bühne Extra');
  });
});
