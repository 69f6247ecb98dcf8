import type { DataSource, QueryRunner } from 'typeorm';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { queueNames } from '@plenum/contracts';
import type { PersonalDataExport } from '@plenum/contracts';
import { hashPassword } from '@plenum/identity';
import {
  PersonalDataRepository,
  PrivacyRepository,
  RetentionService,
  actedOnOthers,
} from '@plenum/privacy';
import { deliveryJobId } from '@plenum/reminders';
import { connectLive, disconnected, ok } from '../../support/live-client';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { demoCongress } from '../../support/video-fixture';
import type { DemoCongress } from '../../support/video-fixture';

const slug = 'digitale-staedte';
const DAY = 86_400_000;

interface Column {
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  is_identity: 'YES' | 'NO';
  is_generated: string;
}

/**
 * Gives the person a row in `table`, whatever the table is: NOT NULL columns are filled from
 * their type, foreign keys point at an existing row (the person, for keys to users). Tables
 * added later are covered without anyone writing a fixture for them.
 */
async function genericRow(
  runner: QueryRunner,
  table: string,
  personColumn: string,
  userId: string,
): Promise<void> {
  const columns: Column[] = await runner.query(
    `SELECT column_name, data_type, udt_name, is_nullable, column_default, is_identity, is_generated
     FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  const fks: Array<{ column: string; ref_table: string; ref_column: string }> = await runner.query(
    `SELECT a.attname AS column, rc.relname AS ref_table, ra.attname AS ref_column
     FROM pg_constraint c
     JOIN pg_class src ON src.oid = c.conrelid
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     JOIN pg_class rc ON rc.oid = c.confrelid
     JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
     WHERE c.contype = 'f' AND src.relname = $1`,
    [table],
  );
  const names: string[] = [];
  const values: unknown[] = [];
  for (const col of columns) {
    const fk = fks.find((f) => f.column === col.column_name);
    const needed = col.is_nullable === 'NO' && col.column_default === null;
    if (col.is_identity === 'YES' || col.is_generated === 'ALWAYS') continue;
    if (col.column_name === personColumn || fk?.ref_table === 'users') {
      if (col.column_name !== personColumn && !needed) continue;
      names.push(col.column_name);
      values.push(userId);
      continue;
    }
    if (!needed) continue;
    let value: unknown;
    if (fk) {
      const [row]: Array<{ v: unknown }> = await runner.query(
        `SELECT "${fk.ref_column}" AS v FROM "${fk.ref_table}" LIMIT 1`,
      );
      value = row?.v;
    } else if (col.data_type === 'USER-DEFINED') {
      const [row]: Array<{ v: string }> = await runner.query(
        `SELECT e.enumlabel AS v FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
         WHERE t.typname = $1 ORDER BY e.enumsortorder LIMIT 1`,
        [col.udt_name],
      );
      value = row?.v;
    } else if (col.data_type === 'ARRAY') value = '{}';
    else if (/json/.test(col.data_type)) value = '[]';
    else if (/int|numeric|double|real/.test(col.data_type))
      value = 1000 + Math.floor(Math.random() * 1_000_000);
    else if (col.data_type === 'boolean') value = false;
    else if (/timestamp/.test(col.data_type)) value = new Date();
    else if (col.data_type === 'date') value = '2026-01-01';
    else if (col.data_type === 'uuid') value = '00000000-0000-4000-8000-000000000001';
    else if (col.data_type === 'bytea') value = Buffer.from('x');
    else value = `x${Math.random().toString(36).slice(2, 8)}`;
    names.push(col.column_name);
    values.push(value);
  }
  await runner.query(
    `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(', ')})
     VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
    values,
  );
}

/** Every column that refers to a person, as the export finds them. */
function personReferences(app: TestApp) {
  return app.app.get(PersonalDataRepository).personReferences(app.dataSource.manager);
}

async function rowsOf(ds: DataSource, table: string, column: string, userId: string) {
  const [row] = await ds.query<Array<{ n: string }>>(
    `SELECT count(*) AS n FROM "${table}" WHERE "${column}"::text = $1`,
    [userId],
  );
  return Number(row?.n ?? 0);
}

describe('Personal data: export, erasure and retention', () => {
  let app: TestApp;
  let demo: DemoCongress;
  const email = 'ottilie.quast-privacy@plenum.test';
  const displayName = 'Ottilie Quastenberg';
  const password = 'geheim-und-lang';
  let userId: string;
  let person: ApiClient;
  let workshop: string;
  let waiting: string;
  const deliveriesQueue = () => app.app.get<Queue>(getQueueToken(queueNames.deliveries));
  const mailQueue = () => app.app.get<Queue>(getQueueToken(queueNames.mail));

  /** The person's rows in the tables that existing features fill, made the way they are made. */
  async function knownRows(): Promise<void> {
    const q = (sql: string, params: unknown[] = []) => app.dataSource.query(sql, params);
    const talk = demo.sessions['panel-gigabit']!;
    const booth = demo.booths[0]!;
    await q(`INSERT INTO memberships (event_id, user_id, role) VALUES ($1, $2, 'attendee')`, [
      demo.eventId,
      userId,
    ]);
    await q(`INSERT INTO chat_rooms (room, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      `session:${talk}`,
      demo.eventId,
    ]);
    const [room] = await q(
      `UPDATE chat_rooms SET last_seq = last_seq + 1 WHERE room = $1 RETURNING last_seq`,
      [`session:${talk}`],
    );
    await q(
      `INSERT INTO chat_messages (room, event_id, seq, author_id, body) VALUES ($1, $2, $3, $4, 'Hallo vom Podium')`,
      [`session:${talk}`, demo.eventId, room[0].last_seq, userId],
    );
    await q(
      `INSERT INTO questions (event_id, session_id, author_id, body) VALUES ($1, $2, $3, 'Was kostet das?')`,
      [demo.eventId, talk, userId],
    );
    const [poll] = await q(
      `INSERT INTO polls (event_id, session_id, question, kind, options, state, created_by_id)
       VALUES ($1, $2, 'Gut?', 'single', '["ja","nein"]', 'open', $3) RETURNING id`,
      [demo.eventId, talk, userId],
    );
    await q(`INSERT INTO poll_votes (poll_id, user_id, choices) VALUES ($1, $2, '{0}')`, [
      poll.id,
      userId,
    ]);
    await q(
      `INSERT INTO leads (booth_id, user_id, shared_fields, name, email, consented_at)
       VALUES ($1, $2, '{name,email}', $3, $4, now())`,
      [booth, userId, displayName, email],
    );
    await q(`INSERT INTO booth_visits (booth_id, user_id) VALUES ($1, $2)`, [booth, userId]);
    // One finished recording the person started and stopped (a generic row per column would
    // make two running recordings of one session, which the schema forbids).
    await q(
      `INSERT INTO recordings (event_id, session_id, source, state, media, egress_id, started_by_id, ended_by_id)
       VALUES ($1, $2, 'egress', 'ready', 'file', 'EG_privacy', $3, $3)`,
      [demo.eventId, talk, userId],
    );
    await q(
      `INSERT INTO attendance_intervals (event_id, session_id, room, participant_sid, identity, joined_at, left_at, user_id)
       VALUES ($1, $2, 'plenum:x', 'PA_privacy', $3, now() - interval '1 hour', now(), $4)`,
      [demo.eventId, talk, userId, userId],
    );
    await q(
      `INSERT INTO presence_intervals (event_id, room, user_id, entered_at, left_at)
       VALUES ($1, $2, $3, now() - interval '1 hour', now())`,
      [demo.eventId, `session:${talk}`, userId],
    );
    await q(
      `INSERT INTO audit_logs (event_id, actor_id, action, target_type, target_id, details)
       VALUES ($1, $2, 'chat.muted', 'user', $4, $3)`,
      [demo.eventId, userId, JSON.stringify({ note: `${displayName} <${email}>` }), userId],
    );
    const [delivery] = await app.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO reminder_deliveries (event_id, user_id, subject, kind, channel, session_id)
       VALUES ($1, $2, 'reminder.privacy', 'reminder', 'email', $3) RETURNING id`,
      [demo.eventId, userId, talk],
    );
    // Its queued job, delayed so that no worker would take it meanwhile, and a queued mail.
    await deliveriesQueue().add(
      'delivery',
      { deliveryId: delivery!.id },
      { jobId: deliveryJobId(delivery!.id), delay: 3_600_000 },
    );
    const [invitation] = await q(
      `INSERT INTO invitations (id, event_id, user_id, email, role, token_hash, expires_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 'speaker', repeat('a', 64), now() + interval '1 day')
       RETURNING id`,
      [demo.eventId, userId, email],
    );
    await mailQueue().add(
      'invitation',
      { kind: 'invitation', invitationId: invitation.id },
      { jobId: `invitation-${invitation.id}`, delay: 3_600_000 },
    );
    // A full workshop: the person holds the last seat, someone waits for it.
    workshop = demo.sessions['ws-open-data']!;
    await q(
      `INSERT INTO workshop_materials (session_id, title, url, created_by_id)
       VALUES ($1, 'Folien', 'https://example.org/folien', $2)`,
      [workshop, userId],
    );
    await q(`DELETE FROM workshop_registrations WHERE session_id = $1`, [workshop]);
    await q(`UPDATE sessions SET capacity = 1 WHERE id = $1`, [workshop]);
    const [other] = await q(`SELECT id FROM users WHERE email = 'attendee005@plenum.test'`);
    waiting = other.id;
    await q(
      `INSERT INTO workshop_registrations (session_id, user_id, event_id, status, confirmed_at)
       VALUES ($1, $2, $3, 'confirmed', now())`,
      [workshop, userId, demo.eventId],
    );
    await q(
      `INSERT INTO workshop_registrations (session_id, user_id, event_id, status)
       VALUES ($1, $2, $3, 'waitlisted')`,
      [workshop, waiting, demo.eventId],
    );
  }

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: true });
    demo = await demoCongress(app.dataSource);
    const [user] = await app.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
      [email, displayName, await hashPassword(password)],
    );
    userId = user!.id;
    await knownRows();
    // Every other table that refers to a person, found from the schema, gets a row too.
    const runner = app.dataSource.createQueryRunner();
    try {
      for (const ref of await personReferences(app)) {
        if (ref.where) continue;
        if ((await rowsOf(app.dataSource, ref.table, ref.column, userId)) > 0) continue;
        await genericRow(runner, ref.table, ref.column, userId);
      }
    } finally {
      await runner.release();
    }
    person = new ApiClient(app.baseUrl);
    await person.login(email, password);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('exports every table that refers to a person, without secrets', async () => {
    const references = await app.dataSource.query<Array<{ table: string; column: string }>>(
      `SELECT src.relname AS table, att.attname AS column
       FROM pg_constraint con
       JOIN pg_class src ON src.oid = con.conrelid
       JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY (con.conkey)
       WHERE con.contype = 'f' AND con.confrelid = 'users'::regclass`,
    );
    expect(references.length).toBeGreaterThan(20);
    const res = await person.request<PersonalDataExport>('GET', '/api/me/data-export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const { tables, actions } = res.body;
    expect(tables.users?.[0]).toMatchObject({ email, display_name: displayName });
    for (const { table, column } of references) {
      const expected = await rowsOf(app.dataSource, table, column, userId);
      // The fixture gave the person a row in every table; a table without one is a gap.
      expect({ table, column, rows: expected }).toMatchObject({ rows: expect.any(Number) });
      expect(expected).toBeGreaterThan(0);
      // Their own rows whole; rows of others they acted on as what they did.
      const own = (tables[table] ?? []).filter((row) => String(row[column]) === userId).length;
      const acted = actedOnOthers[`${table}.${column}`]
        ? (actions[`${table}.${column}`] ?? []).length
        : 0;
      expect({ table, column, exported: own + acted }).toEqual({
        table,
        column,
        exported: expected,
      });
    }
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/password_hash|token_hash/);
    expect(text).not.toMatch(/\$argon2/);
  });

  it("says what a moderator did to other people's records, without their content", async () => {
    const talk = demo.sessions['panel-gigabit']!;
    const [asker] = await app.dataSource.query<Array<{ id: string; display_name: string }>>(
      `SELECT id, display_name FROM users WHERE email = 'attendee006@plenum.test'`,
    );
    const [question] = await app.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO questions (event_id, session_id, author_id, body, state, decided_by_id, decided_at)
       VALUES ($1, $2, $3, 'Die geheime Frage von jemand anderem', 'dismissed', $4, now())
       RETURNING id`,
      [demo.eventId, talk, asker!.id, userId],
    );
    await app.dataSource.query(
      `INSERT INTO audit_logs (event_id, actor_id, action, target_type, target_id, details)
       VALUES ($1, $2, 'question.dismissed', 'user', $3, $4)`,
      [demo.eventId, userId, asker!.id, JSON.stringify({ asker: asker!.display_name })],
    );
    const res = await person.request<PersonalDataExport>('GET', '/api/me/data-export');
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('Die geheime Frage');
    expect(text).not.toContain(asker!.id);
    expect(text).not.toContain(asker!.display_name);
    expect(res.body.actions['questions.decided_by_id']).toContainEqual(
      expect.objectContaining({ id: question!.id, state: 'dismissed' }),
    );
    expect(res.body.actions['audit_logs.actor_id']).toContainEqual(
      expect.objectContaining({ action: 'question.dismissed', target_type: 'user' }),
    );
  });

  it('refuses to delete the account without the right password', async () => {
    const res = await person.request('DELETE', '/api/me', { password: 'falsch' });
    expect(res.status).toBe(422);
    const other = new ApiClient(app.baseUrl);
    await other.login('attendee@plenum.test');
    expect((await other.request('GET', '/api/me')).status).toBe(200);
  });

  it('deletes the account and leaves no e-mail address or name anywhere', async () => {
    const live = await connectLive(app.baseUrl, person.token);
    const closed = disconnected(live, 10_000);
    const res = await person.request('DELETE', '/api/me', { password });
    expect(res.status).toBe(204);
    // The person's live connection is closed at once.
    await closed;

    const columns = await app.dataSource.query<Array<{ table_name: string; column_name: string }>>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
       WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
         AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY'))`,
    );
    expect(columns.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const [row] = await app.dataSource.query<Array<{ n: string }>>(
        `SELECT count(*) AS n FROM "${table}"
         WHERE "${column}"::text ILIKE $1 OR "${column}"::text ILIKE $2 OR "${column}"::text ILIKE $3`,
        [`%${email}%`, `%${displayName}%`, `%${userId}%`],
      );
      if (Number(row?.n) > 0) found.push(`${table}.${column}`);
    }
    expect(found).toEqual([]);
    // And no uuid column points at the account any more.
    for (const ref of await personReferences(app)) {
      expect({ ref, rows: await rowsOf(app.dataSource, ref.table, ref.column, userId) }).toEqual({
        ref,
        rows: 0,
      });
    }
  });

  it('keeps chat messages and questions without their author', async () => {
    const [message] = await app.dataSource.query(
      `SELECT author_id FROM chat_messages WHERE body = 'Hallo vom Podium'`,
    );
    expect(message).toEqual({ author_id: null });
    const [question] = await app.dataSource.query(
      `SELECT author_id FROM questions WHERE body = 'Was kostet das?'`,
    );
    expect(question).toEqual({ author_id: null });

    // The API marks the author as deleted: in the chat history and in the moderators' CSV.
    const attendee = new ApiClient(app.baseUrl);
    await attendee.login('attendee@plenum.test');
    const live = await connectLive(app.baseUrl, attendee.token);
    try {
      const talk = demo.sessions['panel-gigabit']!;
      const joined = await ok(live, 'room:join', { room: `session:${talk}` });
      const mine = joined.messages.find((m) => m.body === 'Hallo vom Podium');
      expect(mine).toMatchObject({ author: null, authorDeleted: true });
      const moderator = new ApiClient(app.baseUrl);
      await moderator.login('organizer@plenum.test');
      const csv = await moderator.request<string>(
        'GET',
        `/api/events/${slug}/sessions/${talk}/questions.csv`,
      );
      expect(csv.status).toBe(200);
      const line = csv.body.split('\r\n').find((l) => l.includes('Was kostet das?'));
      expect(line).toContain('Gelöschte Person');
    } finally {
      live.close();
    }
  });

  it('gives the freed workshop seat to the waitlist and drops pending deliveries', async () => {
    const [seat] = await app.dataSource.query(
      `SELECT status FROM workshop_registrations WHERE session_id = $1 AND user_id = $2`,
      [workshop, waiting],
    );
    expect(seat).toEqual({ status: 'confirmed' });
    const [deliveries] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM reminder_deliveries WHERE subject = 'reminder.privacy'`,
    );
    expect(deliveries).toEqual({ n: 0 });
    const delayed = [
      ...(await deliveriesQueue().getDelayed()),
      ...(await mailQueue().getDelayed()),
    ];
    expect(delayed.map((job) => job.data as unknown)).toEqual([]);
  });

  it('ends the sign-in and keeps the audit entry without the person', async () => {
    expect((await person.request('GET', '/api/me')).status).toBe(401);
    const login = await new ApiClient(app.baseUrl).request('POST', '/api/auth/login', {
      email,
      password,
    });
    expect(login.status).toBe(401);
    const [entry] = await app.dataSource.query(
      `SELECT actor_id, target_id FROM audit_logs WHERE action = 'chat.muted' AND event_id = $1
       ORDER BY created_at DESC LIMIT 1`,
      [demo.eventId],
    );
    expect(entry).toEqual({ actor_id: null, target_id: null });
  });

  it('anonymises attendance once the retention period is over, not before', async () => {
    const organizer = new ApiClient(app.baseUrl);
    await organizer.login('organizer@plenum.test');
    const attendee = await app.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM users WHERE email = 'attendee010@plenum.test'`,
    );
    const visitor = attendee[0]!.id;
    const talk = demo.sessions['panel-gigabit']!;
    await app.dataSource.query(
      `INSERT INTO attendance_intervals (event_id, session_id, room, participant_sid, identity, joined_at, left_at, user_id)
       VALUES ($1, $2, 'plenum:y', 'PA_retention', $3, now() - interval '1 hour', now(), $4)`,
      [demo.eventId, talk, visitor, visitor],
    );
    await app.dataSource.query(
      `INSERT INTO presence_intervals (event_id, room, user_id, entered_at) VALUES ($1, $2, $3, now())`,
      [demo.eventId, `session:${talk}`, visitor],
    );
    await app.dataSource.query(`INSERT INTO booth_visits (booth_id, user_id) VALUES ($1, $2)`, [
      demo.booths[0],
      visitor,
    ]);
    const [event] = await app.dataSource.query<Array<{ ends_on: string }>>(
      `SELECT to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM events WHERE id = $1`,
      [demo.eventId],
    );
    const put = await organizer.request<{ anonymiseAfter: string }>(
      'PUT',
      `/api/events/${slug}/privacy`,
      { attendanceRetentionDays: 30 },
    );
    expect(put.status).toBe(200);
    const after = Date.parse(put.body.anonymiseAfter);
    expect(after).toBeGreaterThan(Date.parse(event!.ends_on) + 30 * DAY);
    const attendeeClient = new ApiClient(app.baseUrl);
    await attendeeClient.login('attendee@plenum.test');
    expect(
      (
        await attendeeClient.request('PUT', `/api/events/${slug}/privacy`, {
          attendanceRetentionDays: 1,
        })
      ).status,
    ).toBe(403);

    const retention = new RetentionService(new PrivacyRepository(app.dataSource));
    const personal = async () => {
      const [row] = await app.dataSource.query<Array<{ a: number; p: number; v: number }>>(
        `SELECT (SELECT count(*)::int FROM attendance_intervals WHERE identity = $2) AS a,
                (SELECT count(*)::int FROM presence_intervals WHERE user_id = $1) AS p,
                (SELECT count(*)::int FROM booth_visits WHERE user_id = $1) AS v`,
        [visitor, visitor],
      );
      return row;
    };
    await retention.anonymiseDue(new Date(after - DAY));
    expect(await personal()).toEqual({ a: 1, p: 1, v: 1 });

    await retention.anonymiseDue(new Date(after + 60_000));
    expect(await personal()).toEqual({ a: 0, p: 0, v: 0 });
    const [pseudonyms] = await app.dataSource.query(
      `SELECT (SELECT count(*)::int FROM attendance_intervals WHERE event_id = $1 AND identity NOT LIKE 'anon:%') AS a,
              (SELECT count(*)::int FROM presence_intervals WHERE event_id = $1 AND user_id IS NOT NULL) AS p`,
      [demo.eventId],
    );
    expect(pseudonyms).toEqual({ a: 0, p: 0 });
    const settings = await organizer.request<{ attendanceAnonymisedAt: string | null }>(
      'GET',
      `/api/events/${slug}/privacy`,
    );
    expect(settings.body.attendanceAnonymisedAt).not.toBeNull();
  });
});
