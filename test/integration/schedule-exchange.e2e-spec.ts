import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import addFormats from 'ajv-formats';
import type { ScheduleImportReport, SessionView } from '@plenum/contracts';
import { createEvent } from '../support/programme-fixtures';
import {
  exampleScheduleFiles,
  readReference,
  requireReferenceSchedules,
} from '../support/reference-schedules';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

interface ErrorBody {
  code: string;
  message: string;
  details?: { fields?: Array<{ path: string; message: string }> };
}

interface ScheduleFile {
  schedule: {
    conference: {
      days: Array<{ rooms: Record<string, Array<Record<string, unknown>>> }>;
    };
  };
}

function strictValidator(): (data: unknown) => { valid: boolean; errors: string } {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);
  const validate = ajv.compile(JSON.parse(readReference('c3voc-schedule.schema.json')) as object);
  return (data) => {
    const valid = validate(data);
    return { valid: Boolean(valid), errors: ajv.errorsText(validate.errors, { separator: '\n' }) };
  };
}

function countEvents(file: ScheduleFile): number {
  return file.schedule.conference.days.reduce(
    (n, d) => n + Object.values(d.rooms).reduce((m, list) => m + list.length, 0),
    0,
  );
}

jest.setTimeout(60_000);

describe('schedule exchange: schedule.json, schedule.xml and import', () => {
  let t: TestApp;
  let organizer: ApiClient;
  let attendee: ApiClient;
  const validate = strictValidator();
  const files = exampleScheduleFiles();

  beforeAll(async () => {
    requireReferenceSchedules();
    t = await startTestApp({ seedDemo: true });
    organizer = new ApiClient(t.baseUrl);
    await organizer.login('organizer@plenum.test');
    attendee = new ApiClient(t.baseUrl);
    await attendee.login('attendee@plenum.test');
  });
  afterAll(() => t.close());

  it('finds the example schedule files', () => {
    expect(files).toEqual(
      expect.arrayContaining(['frab-camp2019.json', 'pretalx-democon.json', 'pretalx-rc3.json']),
    );
  });

  it('exports schedule.json that is valid against the strict c3voc schema', async () => {
    const res = await fetch(`${t.baseUrl}/api/events/digitale-staedte/schedule.json`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ScheduleFile & {
      schedule: { conference: { time_zone_name: string; acronym: string } };
    };
    const result = validate(body);
    expect(result.errors).toBe('No errors');
    expect(result.valid).toBe(true);
    expect(body.schedule.conference.time_zone_name).toBe('Europe/Berlin');
    // Cancelled sessions leave the exported plan; the demo has one.
    const programme = await attendee.request<{ sessions: SessionView[] }>(
      'GET',
      '/api/events/digitale-staedte/programme',
    );
    const active = programme.body.sessions.filter((s) => s.state !== 'cancelled');
    expect(countEvents(body)).toBe(active.length);
  });

  it('exports schedule.xml that is valid against schedule.xml.xsd (xmllint)', async () => {
    const res = await fetch(`${t.baseUrl}/api/events/digitale-staedte/schedule.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/xml');
    const dir = mkdtempSync(join(tmpdir(), 'plenum-xml-'));
    try {
      const file = join(dir, 'schedule.xml');
      writeFileSync(file, await res.text());
      const xsd = join(requireReferenceSchedules(), 'schedule.xml.xsd');
      // xmllint exits non-zero and names the line when the document does not validate.
      const output = execFileSync('xmllint', ['--noout', '--schema', xsd, file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(output).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(exampleScheduleFiles())(
    'imports %s: days, rooms, tracks, persons, durations; a re-import changes nothing',
    async (name) => {
      const slug = `import-${name.replace(/\.json$/, '').replace(/[^a-z0-9]+/g, '-')}`;
      const event = await createEvent(organizer, slug);
      const text = readReference(name);
      const file = JSON.parse(text) as ScheduleFile;
      const expected = countEvents(file);
      const first = await organizer.request<ScheduleImportReport>(
        'POST',
        `/api/events/${slug}/schedule/import`,
        text,
      );
      expect(first.status).toBe(200);
      expect(first.body.created).toBe(expected);
      expect(first.body.updated).toBe(0);
      const rooms = new Set(
        file.schedule.conference.days.flatMap((d) =>
          Object.entries(d.rooms)
            .filter(([, list]) => list.length > 0)
            .map(([room]) => room),
        ),
      );
      expect(new Set(first.body.stagesCreated)).toEqual(rooms);

      const second = await organizer.request<ScheduleImportReport>(
        'POST',
        `/api/events/${slug}/schedule/import`,
        text,
      );
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ created: 0, updated: 0, unchanged: expected });
      expect(second.body.speakersCreated).toBe(0);

      const counts = await t.dataSource.query<Array<{ sessions: string; stages: string }>>(
        `SELECT (SELECT count(*) FROM sessions WHERE event_id = $1) AS sessions,
                (SELECT count(*) FROM stages WHERE event_id = $1) AS stages`,
        [event.id],
      );
      expect(Number(counts[0]?.sessions)).toBe(expected);
      expect(Number(counts[0]?.stages)).toBe(rooms.size);

      // Every imported event keeps its start (with its offset) and duration.
      const programme = await attendee.request<{ sessions: SessionView[] }>(
        'GET',
        `/api/events/${slug}/programme`,
      );
      const byGuid = new Map(programme.body.sessions.map((s) => [s.guid, s]));
      for (const day of file.schedule.conference.days) {
        for (const list of Object.values(day.rooms)) {
          for (const e of list) {
            const session = byGuid.get(String(e.guid));
            expect(session?.title).toBe(String(e.title).trim());
            expect(new Date(session?.startsAt ?? 0).getTime()).toBe(
              new Date(String(e.date)).getTime(),
            );
            const [h, m] = String(e.duration).split(':').map(Number);
            const minutes =
              (new Date(session?.endsAt ?? 0).getTime() -
                new Date(session?.startsAt ?? 0).getTime()) /
              60_000;
            expect(minutes).toBe((h ?? 0) * 60 + (m ?? 0));
          }
        }
      }
    },
  );

  it('maps persons to speakers and tracks, and lists the strict-schema deviations as warnings', async () => {
    await createEvent(organizer, 'import-warnings');
    const res = await organizer.request<ScheduleImportReport>(
      'POST',
      '/api/events/import-warnings/schedule/import',
      readReference('invalid-example.json'),
    );
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(1);
    const paths = res.body.warnings.map((w) => w.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'schedule.rooms',
        'schedule.conference.days[0].rooms["Winterchaos"][0].id',
        'schedule.conference.days[0].rooms["Winterchaos"][0].persons[0]',
      ]),
    );
    const programme = await attendee.request<{
      sessions: SessionView[];
      speakers: Array<{ name: string }>;
      tracks: Array<{ name: string }>;
    }>('GET', '/api/events/import-warnings/programme');
    expect(programme.body.speakers.map((s) => s.name)).toEqual(['Mänu']);
    expect(programme.body.tracks.map((s) => s.name)).toEqual(['Winterchaos']);
    expect(programme.body.sessions[0]?.abstract).not.toContain('<br');

    const frab = await organizer.request<ScheduleImportReport>(
      'POST',
      '/api/events/import-frab-camp2019/schedule/import?dryRun=true',
      readReference('frab-camp2019.json'),
    );
    expect(frab.body.warnings.map((w) => w.message).join('\n')).toMatch(/acronym pattern/);
    const rc3 = await organizer.request<ScheduleImportReport>(
      'POST',
      '/api/events/import-pretalx-rc3/schedule/import?dryRun=true',
      readReference('pretalx-rc3.json'),
    );
    const rc3Warnings = rc3.body.warnings.map((w) => `${w.path}: ${w.message}`).join('\n');
    expect(rc3Warnings).toMatch(/answers: Not part of the format/);
    expect(rc3Warnings).toMatch(/No time zone given/);
  });

  it('updates by guid on re-import, reporting what changed, and previews without writing', async () => {
    const slug = 'import-democon-again';
    const event = await createEvent(organizer, slug);
    const original = readReference('pretalx-democon.json');
    await organizer.request('POST', `/api/events/${slug}/schedule/import`, original);
    const file = JSON.parse(original) as ScheduleFile;
    const moved = file.schedule.conference.days[0]!.rooms['Gray Room']![0]!;
    moved.date = '2020-12-14T09:15:00+01:00';
    moved.title = 'Focused 5thgeneration hardware (moved)';

    const preview = await organizer.request<ScheduleImportReport>(
      'POST',
      `/api/events/${slug}/schedule/import?dryRun=true`,
      file,
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, created: 0, updated: 1 });
    const change = preview.body.sessions.find((s) => s.action === 'update');
    expect(change?.changes).toEqual(expect.arrayContaining(['title', 'startsAt', 'endsAt']));
    const untouched = await t.dataSource.query<Array<{ title: string }>>(
      'SELECT title FROM sessions WHERE guid = $1 AND event_id = $2',
      [moved.guid, event.id],
    );
    expect(untouched[0]?.title).toBe('Focused 5thgeneration hardware');

    const applied = await organizer.request<ScheduleImportReport>(
      'POST',
      `/api/events/${slug}/schedule/import`,
      file,
    );
    expect(applied.body).toMatchObject({ dryRun: false, created: 0, updated: 1, unchanged: 35 });
    const row = await t.dataSource.query<Array<{ title: string; sequence: number }>>(
      'SELECT title, sequence FROM sessions WHERE guid = $1 AND event_id = $2',
      [moved.guid, event.id],
    );
    expect(row[0]).toEqual({ title: 'Focused 5thgeneration hardware (moved)', sequence: 1 });
  });

  it('refuses a file that lacks what it needs, naming the place, and writes nothing', async () => {
    const event = await createEvent(organizer, 'import-refused');
    const file = JSON.parse(readReference('pretalx-democon.json')) as ScheduleFile;
    const broken = file.schedule.conference.days[0]!.rooms['Gray Room']![3]!;
    delete broken.duration;
    const missingDuration = await organizer.request<ErrorBody>(
      'POST',
      '/api/events/import-refused/schedule/import',
      file,
    );
    expect(missingDuration.status).toBe(422);
    expect(missingDuration.body.code).toBe('SCHEDULE_INVALID');
    expect(missingDuration.body.message).toContain(
      'schedule.conference.days[0].rooms["Gray Room"][3].duration',
    );

    const cases: Array<[unknown, string]> = [
      [{ schedule: { version: '1' } }, 'schedule.conference'],
      [{ schedule: { version: '1', conference: { title: 'x' } } }, 'schedule.conference.days'],
      [
        {
          schedule: {
            conference: {
              days: [
                {
                  date: '2026-06-10',
                  rooms: { A: [{ date: '2026-06-10T10:00:00Z', duration: '00:30' }] },
                },
              ],
            },
          },
        },
        'schedule.conference.days[0].rooms["A"][0].title',
      ],
      [
        {
          schedule: {
            conference: { days: [{ rooms: { A: [{ title: 'Ohne Beginn', duration: '00:30' }] } }] },
          },
        },
        'schedule.conference.days[0].rooms["A"][0].date',
      ],
    ];
    for (const [body, place] of cases) {
      const res = await organizer.request<ErrorBody>(
        'POST',
        '/api/events/import-refused/schedule/import',
        body,
      );
      expect(res.status).toBe(422);
      expect(res.body.details?.fields?.map((f) => f.path)).toContain(place);
    }

    const malformed = await organizer.request<ErrorBody>(
      'POST',
      '/api/events/import-refused/schedule/import',
      '{"schedule": {"conference": {"title": "x",}}}',
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/line 1, column \d+/);

    const counts = await t.dataSource.query<Array<{ n: string }>>(
      `SELECT (SELECT count(*) FROM sessions WHERE event_id = $1)
            + (SELECT count(*) FROM stages WHERE event_id = $1)
            + (SELECT count(*) FROM speakers WHERE event_id = $1) AS n`,
      [event.id],
    );
    expect(Number(counts[0]?.n)).toBe(0);
  });

  it('lets only organizers import', async () => {
    const res = await attendee.request(
      'POST',
      '/api/events/digitale-staedte/schedule/import?dryRun=true',
      readReference('invalid-example.json'),
    );
    expect(res.status).toBe(403);
  });
});
