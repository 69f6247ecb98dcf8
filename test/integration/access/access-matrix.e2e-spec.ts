import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@plenum/contracts';
import { Booth } from '@plenum/db';
import { allows, installationPolicy, visitorPolicy } from '@plenum/identity';
import type { AccessRule, MembershipRole } from '@plenum/identity';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';

/**
 * The access matrix, generated from the policy table (`libs/identity/src/policy.ts`): every
 * operation of the OpenAPI document, with the rule it declares (`x-plenum-access`), is called by
 * every kind of person below, on this event's objects, on another event's objects named under
 * this event's slug, and on another event, and must get exactly what the rule and the policy
 * say: 401 for someone not signed in where the rule needs a sign-in, 404 for someone outside the
 * event (and for a session or booth that is not the event's), 403 for a member without the
 * right, and otherwise no refusal and no 500 (what the handler answers after the guard let the
 * call through is its own business). An object of another event named under this event's slug
 * must stay invisible to those the rule lets through: 404, or the body's validation error where
 * the request carries a body. Public routes refuse nobody, but may answer 401 by a credential
 * of their own (a refresh without its cookie); a public media file without its signed link asks
 * the policy for `media.view`, and is held to that.
 *
 * Writes, decided so that no case destroys what a later one needs: every request with a JSON
 * body sends `[]`, which no body schema takes, so a call the guard lets through is answered 422
 * by the validation pipe after the guard and changes nothing; uploads send their declared type
 * with no bytes (422 after the guard). Ids of records the rule does not resolve (a stage, a
 * material, a lead…) name no row in this event, so deletes answer 404 after the guard; under
 * another event's objects they name that event's records, which the handler must not find.
 * What does change state (starting and ending the session, registering for and cancelling the
 * workshop, queueing at the booth) runs after every read, and changes no right the guard reads:
 * the suite sets up the memberships through the API and no call may change them (a member
 * removed by the matrix would be a failure of its own). Logging out runs last, with sign-ins of
 * its own. Every member holds a seat in the workshop first: its materials are for confirmed
 * participants, a check of the record after the guard, and the matrix is about the guard.
 * Requests go six at a time against one app; the suite takes well under a minute.
 *
 * The expectations come from `allows`, `visitorPolicy` and `installationPolicy`, applied to the
 * roles this suite gives each person, so a loosened rule in `policy.ts` moves the server and
 * the expectation together: it fails here because the matrix they make for this event's
 * objects is `docs/access-matrix.md`, reviewed, and a changed policy or route rule fails until
 * `ACCESS_MATRIX_WRITE=1` rewrites that page (and `policy.spec.ts` until the table in
 * `docs/architecture.md` says the same).
 */

const actors = [
  'anonymous',
  'attendee',
  'speaker of this session',
  'speaker of another session',
  'exhibitor of this booth',
  'exhibitor of another booth',
  'moderator',
  'organizer',
  'organizer of another event',
] as const;
type Actor = (typeof actors)[number];

/**
 * `this`: this event's session and booth; `cross`: another event's session, booth or record
 * under this event's slug; `other`: the other event, with its own session and booth.
 */
const variants = ['this', 'cross', 'other'] as const;
type Variant = (typeof variants)[number];

type Expected = 'allowed' | 'invisible' | 401 | 403 | 404;

interface Operation {
  'x-plenum-access'?: AccessRule;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, unknown> };
}

interface Case {
  method: string;
  path: string;
  rule: AccessRule;
  /** The rule the expectation follows: the declared one, or what a public route applies itself. */
  applied: AccessRule;
  actor: Actor;
  variant: Variant;
  url: string;
  contentType?: string;
  expected: Expected;
}

const A = 'digitale-staedte';
const B = 'matrix-zweites-event';
const NO_ROW = '00000000-0000-4000-8000-000000000000';
const docPath = join(__dirname, '../../../docs/access-matrix.md');

/** What each person is, per event; the ids are filled in once the objects exist. */
interface World {
  roles: Record<Actor, { A: MembershipRole[]; B: MembershipRole[] }>;
  platformAdmins: Set<Actor>;
  mediaAccess: { A: string; B: string };
  /** The session and booth that route rules name, per event. */
  targets: { A: { session: string; booth: string }; B: { session: string; booth: string } };
  /** Records of the other event, for the ids a rule does not resolve. */
  otherRecords: Record<string, string>;
}

const scoped = (role: Role, at: { sessionId?: string; boothId?: string } = {}): MembershipRole => ({
  role,
  sessionId: at.sessionId ?? null,
  boothId: at.boothId ?? null,
});

/** What the rule and the policy say this person gets on this object. */
function expectation(world: World, rule: AccessRule, actor: Actor, variant: Variant): Expected {
  const signedIn = actor !== 'anonymous';
  switch (rule.kind) {
    case 'public':
      return 'allowed';
    case 'signed-in':
      return signedIn ? 'allowed' : 401;
    case 'installation': {
      if (!signedIn) return 401;
      if (world.platformAdmins.has(actor)) return 'allowed';
      const anywhere = [...world.roles[actor].A, ...world.roles[actor].B].map((m) => m.role);
      return installationPolicy[rule.action].some((r) => anywhere.includes(r)) ? 'allowed' : 403;
    }
    case 'event': {
      const visitorRule = visitorPolicy[rule.action];
      if (!signedIn && !visitorRule) return 401;
      const key = variant === 'other' ? 'B' : 'A';
      const roles = world.roles[actor][key];
      const visitor = roles.length === 0;
      if (visitor && !visitorRule?.({ mediaAccess: world.mediaAccess[key] } as never)) {
        return signedIn ? 404 : 401;
      }
      const named = Boolean(rule.session || rule.booth);
      if (named && variant === 'cross') return 404;
      const target = {
        sessionId: rule.session ? world.targets[key].session : undefined,
        boothId: rule.booth ? world.targets[key].booth : undefined,
      };
      if (!visitor && !allows(roles, rule.action, target)) return 403;
      return variant === 'cross' ? 'invisible' : 'allowed';
    }
  }
}

/** The value of a path parameter for one variant, or undefined when it has none to give. */
function parameter(
  world: World,
  name: string,
  path: string,
  rule: AccessRule,
  variant: Variant,
): string | undefined {
  const key = variant === 'other' ? 'B' : 'A';
  const from = variant === 'this' ? 'A' : 'B';
  if (name === 'slug') return key === 'A' ? A : B;
  if (rule.kind === 'event' && rule.session === name) return world.targets[from].session;
  if (rule.kind === 'event' && rule.booth === name) return world.targets[from].booth;
  if (name === 'file') return path.startsWith('/api/agenda-feeds') ? `${NO_ROW}.ics` : 'x.csv';
  if (variant !== 'cross') return NO_ROW;
  // Under this event's slug, the other event's record where it has one of that kind.
  const segments = path.split('/');
  const kind = segments[segments.indexOf(`{${name}}`) - 1];
  return (kind && world.otherRecords[`${kind}:${name}`]) || undefined;
}

/** The route's address for one variant; none under another event's objects if it names none. */
function urlOf(world: World, path: string, rule: AccessRule, variant: Variant): string | undefined {
  let crossed = false;
  const url = path.replace(/\{([A-Za-z]+)\}/g, (_all, name: string) => {
    const value = parameter(world, name, path, rule, variant) ?? NO_ROW;
    if (name !== 'slug' && name !== 'file' && value !== NO_ROW) crossed = true;
    return value;
  });
  return variant === 'cross' && !crossed ? undefined : url;
}

function casesOf(world: World, paths: Record<string, Record<string, Operation>>): Case[] {
  const cases: Case[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const rule = operation['x-plenum-access'];
      if (!rule) throw new Error(`${method.toUpperCase()} ${path} declares no access rule`);
      // A media file is public for the holder of a signed link (a video element sends no
      // token); without one, the route asks the policy for `media.view` itself.
      const signedLink = operation.parameters?.some((p) => p.in === 'query' && p.name === 'sig');
      const applied: AccessRule =
        rule.kind === 'public' && signedLink ? { kind: 'event', action: 'media.view' } : rule;
      const types = Object.keys(operation.requestBody?.content ?? {});
      const contentType = types.includes('application/json') ? 'application/json' : types[0];
      for (const variant of variants) {
        if (variant !== 'this' && !path.includes('{slug}')) continue;
        const url = urlOf(world, path, rule, variant);
        if (!url) continue;
        for (const actor of actors) {
          cases.push({
            method: method.toUpperCase(),
            path,
            rule,
            applied,
            actor,
            variant,
            url,
            contentType,
            expected: expectation(world, applied, actor, variant),
          });
        }
      }
    }
  }
  return cases;
}

/**
 * Whether an answer is the access check's refusal. A public route may answer 401 of its own (a
 * refresh without its cookie, a webhook without LiveKit's signature): only 403 would be a
 * refusal there. A 404 is the check's when it names what the check looks up: the event, or the
 * session or booth the rule names (a handler's own 404 for a record is not).
 */
function refused(c: Case, status: number, message: string): boolean {
  if (status === 403) return true;
  if (c.rule.kind === 'public') return false;
  if (status === 401) return true;
  if (status !== 404) return false;
  const rule = c.rule.kind === 'event' ? c.rule : undefined;
  return (
    message === 'Event not found' ||
    (Boolean(rule?.session) && message === 'Session not found') ||
    (Boolean(rule?.booth) && message === 'Booth not found')
  );
}

function verdict(c: Case, status: number, body: unknown): string | undefined {
  const message = (body as { message?: string } | undefined)?.message ?? '';
  const carriesBody = c.contentType !== undefined;
  switch (c.expected) {
    case 'allowed':
      // A call the guard let through that then breaks on the server (500; not 503, which says
      // a service such as LiveKit is not set up) is a bug all the same.
      return refused(c, status, message) || status === 500 ? `${status} ${message}` : undefined;
    case 'invisible':
      if (status === 404) return undefined;
      if (carriesBody && [400, 415, 422].includes(status)) return undefined;
      return `${status} ${message}`;
    default:
      return status === c.expected ? undefined : `${status} ${message}`;
  }
}

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** A Markdown table laid out as Prettier lays it out, so `npm run lint` takes the page as it is. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(3, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head!), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}

function matrixPage(cases: Case[]): string {
  const mark = (e: Expected) => (e === 'allowed' ? '✓' : String(e));
  const lines = [
    '# Access matrix',
    '',
    'Generated by `test/integration/access/access-matrix.e2e-spec.ts` from the rules the routes',
    'declare and the policy table (`libs/identity/src/policy.ts`); the test calls every cell and',
    'fails when an answer differs, or when this page is not what the policy makes',
    "(`ACCESS_MATRIX_WRITE=1` rewrites it). This event's objects: the session and booth a rule",
    "names are this event's, and the people are: anonymous (not signed in), an attendee, a",
    'speaker of the session, a speaker of another session, staff of the booth, staff of another',
    'booth (both scoped roles only), an event-wide moderator, the organizer (also an installation',
    'admin), and the organizer of another event. ✓: the guard lets the call through.',
    '',
  ];
  const rows: string[][] = [['route', 'rule', ...actors]];
  const byRoute = new Map<string, Case[]>();
  for (const c of cases.filter((x) => x.variant === 'this')) {
    const key = `${c.method} ${c.path}`;
    byRoute.set(key, [...(byRoute.get(key) ?? []), c]);
  }
  for (const [route, row] of byRoute) {
    const { rule, applied } = row[0]!;
    const described =
      applied !== rule && applied.kind === 'event'
        ? `public with a signed link, else ${applied.action}`
        : rule.kind === 'event'
          ? `${rule.action}${rule.session ? ' (session)' : ''}${rule.booth ? ' (booth)' : ''}`
          : rule.kind === 'installation'
            ? `installation ${rule.action}`
            : rule.kind;
    rows.push([
      `\`${route}\``,
      described,
      ...actors.map((a) => mark(row.find((c) => c.actor === a)!.expected)),
    ]);
  }
  return `${lines.join('\n')}\n${table(rows)}`;
}

describe('access matrix: every route × every kind of person × this and another event', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;
  let world: World;
  let cases: Case[];
  const tokens = new Map<Actor, string>();
  const passwords = 'matrix-passwort-1';

  async function as(email: string, password = 'plenum'): Promise<ApiClient> {
    const client = new ApiClient(t.baseUrl);
    await client.login(email, password);
    return client;
  }

  /** A new account with one role, invited through the API and accepted through its link. */
  async function invited(
    by: ApiClient,
    slug: string,
    email: string,
    role: Role,
    scope: { sessionId?: string; boothId?: string } = {},
  ): Promise<ApiClient> {
    const invitation = await by.request<{ inviteUrl: string | null }>(
      'POST',
      `/api/events/${slug}/invitations`,
      { email, displayName: email, role, ...scope },
    );
    expect(invitation.status).toBe(201);
    const token = invitation.body.inviteUrl?.split('#')[1];
    const accepted = await new ApiClient(t.baseUrl).request(
      'POST',
      '/api/auth/invitations/accept',
      {
        token,
        password: passwords,
      },
    );
    expect(accepted.status).toBe(200);
    return as(email, passwords);
  }

  /** The new object's id (a session is answered with the warnings beside it). */
  async function created(by: ApiClient, path: string, body: unknown): Promise<string> {
    const res = await by.request<{ id?: string; session?: { id: string } }>('POST', path, body);
    const id = res.body.id ?? res.body.session?.id;
    if (res.status !== 201 || !id) {
      throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return id;
  }

  async function programmeOf(by: ApiClient, slug: string, label: string) {
    const stage = await created(by, `/api/events/${slug}/stages`, { name: `Bühne ${label}` });
    const track = await created(by, `/api/events/${slug}/tracks`, { name: `Themen ${label}` });
    const speaker = await created(by, `/api/events/${slug}/speakers`, {
      name: `Rednerin ${label}`,
    });
    const startsAt = new Date(Date.now() + 24 * 3_600_000).toISOString();
    const endsAt = new Date(Date.now() + 26 * 3_600_000).toISOString();
    const session = (title: string, kind: string, stageId: string | null, at: number) =>
      created(by, `/api/events/${slug}/sessions`, {
        title,
        kind,
        startsAt: new Date(Date.parse(startsAt) + at * 3 * 3_600_000).toISOString(),
        endsAt: new Date(Date.parse(endsAt) + at * 3 * 3_600_000).toISOString(),
        stageId,
        trackId: track,
        capacity: kind === 'workshop' ? 50 : null,
        speakers: [{ speakerId: speaker, part: kind === 'workshop' ? 'host' : 'speaker' }],
      });
    const workshop = await session(`Werkstatt ${label}`, 'workshop', stage, 0);
    const talk = await session(`Vortrag ${label}`, 'talk', stage, 1);
    return { stage, track, speaker, workshop, talk };
  }

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    paths = ((await (await fetch(`${t.baseUrl}/api/docs/json`)).json()) as { paths: typeof paths })
      .paths;

    const organizer = await as('organizer@plenum.test');
    const a = await programmeOf(organizer, A, 'A');
    const booths = await organizer.request<Array<{ id: string }>>('GET', `/api/events/${A}/booths`);
    const [boothA, otherBoothA] = booths.body.map((b) => b.id);

    // The other event: made by this event's organizer (an installation admin), handed to an
    // organizer of its own, who then removes the maker.
    expect(
      (
        await organizer.request('POST', '/api/events', {
          slug: B,
          title: 'Zweites Event',
          timeZone: 'Europe/Berlin',
          startsOn: '2026-01-01',
          endsOn: '2027-12-31',
        })
      ).status,
    ).toBe(201);
    const organizerB = await invited(organizer, B, 'matrix-organizer-b@plenum.test', 'organizer');
    const membersB = await organizerB.request<Array<{ membershipId: string; email: string }>>(
      'GET',
      `/api/events/${B}/members`,
    );
    const maker = membersB.body.find((m) => m.email === 'organizer@plenum.test');
    expect(
      (await organizerB.request('DELETE', `/api/events/${B}/members/${maker?.membershipId}`))
        .status,
    ).toBe(204);
    expect(
      (await organizerB.request('PATCH', `/api/events/${B}`, { mediaAccess: 'public' })).status,
    ).toBe(200);
    const b = await programmeOf(organizerB, B, 'B');
    // Booths have no API of their own: the expo is set up by the demo seed or by hand.
    const boothB = await t.dataSource.getRepository(Booth).save({
      eventId: (
        await t.dataSource.query<Array<{ id: string }>>(`SELECT id FROM events WHERE slug = $1`, [
          B,
        ])
      )[0]!.id,
      slug: 'stand-b',
      organisation: 'Stand B',
    });
    const invitationB = (
      await organizerB.request<Array<{ id: string }>>('GET', `/api/events/${B}/invitations`)
    ).body[0]?.id;
    const membershipB = (
      await organizerB.request<Array<{ membershipId: string; email: string }>>(
        'GET',
        `/api/events/${B}/members`,
      )
    ).body.find((m) => m.email === 'matrix-organizer-b@plenum.test')?.membershipId;

    const clients: Partial<Record<Actor, ApiClient>> = {
      attendee: await as('attendee@plenum.test'),
      moderator: await as('moderator@plenum.test'),
      organizer,
      'organizer of another event': organizerB,
      'speaker of this session': await invited(
        organizer,
        A,
        'matrix-speaker@plenum.test',
        'speaker',
        {
          sessionId: a.workshop,
        },
      ),
      'speaker of another session': await invited(
        organizer,
        A,
        'matrix-speaker-2@plenum.test',
        'speaker',
        {
          sessionId: a.talk,
        },
      ),
      'exhibitor of this booth': await invited(
        organizer,
        A,
        'matrix-staff@plenum.test',
        'exhibitor',
        {
          boothId: boothA,
        },
      ),
      'exhibitor of another booth': await invited(
        organizer,
        A,
        'matrix-staff-2@plenum.test',
        'exhibitor',
        {
          boothId: otherBoothA,
        },
      ),
    };
    for (const [actor, client] of Object.entries(clients))
      tokens.set(actor as Actor, client.token!);

    // The workshop's materials are for its confirmed participants (a record check after the
    // guard): every member takes a seat, so the guard's answer is what the matrix sees.
    for (const client of Object.values(clients)) {
      await client.request('POST', `/api/events/${A}/workshops/${a.workshop}/registration`);
    }

    const mediaOf = async (slug: string) =>
      (await organizer.request<{ mediaAccess: string }>('GET', `/api/events/${slug}`)).body
        .mediaAccess;
    const none = { A: [], B: [] };
    world = {
      roles: {
        anonymous: none,
        attendee: { A: [scoped('attendee')], B: [] },
        'speaker of this session': { A: [scoped('speaker', { sessionId: a.workshop })], B: [] },
        'speaker of another session': { A: [scoped('speaker', { sessionId: a.talk })], B: [] },
        'exhibitor of this booth': { A: [scoped('exhibitor', { boothId: boothA })], B: [] },
        'exhibitor of another booth': { A: [scoped('exhibitor', { boothId: otherBoothA })], B: [] },
        moderator: { A: [scoped('moderator')], B: [] },
        organizer: { A: [scoped('organizer')], B: [] },
        'organizer of another event': { A: [], B: [scoped('organizer')] },
      },
      platformAdmins: new Set<Actor>(['organizer']),
      mediaAccess: { A: await mediaOf(A), B: await mediaOf(B) },
      targets: {
        A: { session: a.workshop, booth: boothA! },
        B: { session: b.workshop, booth: boothB.id },
      },
      otherRecords: {
        'stages:id': b.stage,
        'tracks:id': b.track,
        'speakers:id': b.speaker,
        'sessions:id': b.talk,
        'sessions:sessionId': b.talk,
        'workshops:sessionId': b.workshop,
        'invitations:invitationId': invitationB!,
        'members:membershipId': membershipB!,
      },
    };
    cases = casesOf(world, paths);
  });

  afterAll(() => t?.close());

  it('derives the matrix documented in docs/access-matrix.md', () => {
    const page = matrixPage(cases);
    if (process.env.ACCESS_MATRIX_WRITE === '1') writeFileSync(docPath, page);
    expect(page).toEqual(existsSync(docPath) ? readFileSync(docPath, 'utf8') : '');
  });

  it('answers every route, person and object as the policy says', async () => {
    const send = async (c: Case, token: string | undefined) => {
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      let body: string | Buffer | undefined;
      if (c.contentType === 'application/json') body = '[]';
      else if (c.contentType) body = Buffer.alloc(0);
      if (c.contentType) headers['content-type'] = c.contentType;
      const res = await fetch(`${t.baseUrl}${c.url}`, { method: c.method, headers, body });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: res.status, body: parsed };
    };
    const wrong: string[] = [];
    const check = async (c: Case, token: string | undefined) => {
      const { status, body } = await send(c, token);
      const problem = verdict(c, status, body);
      if (problem) {
        wrong.push(
          `${c.method} ${c.url} (${c.variant}) as ${c.actor}: expected ${c.expected}, got ${problem}`,
        );
      }
    };
    const isLogout = (c: Case) => c.path === '/api/auth/logout';
    const reads = cases.filter((c) => c.method === 'GET');
    const writes = cases.filter((c) => c.method !== 'GET' && !isLogout(c));
    await pool(reads, 6, (c) => check(c, tokens.get(c.actor)));
    await pool(writes, 6, (c) => check(c, tokens.get(c.actor)));
    // Logging out ends the sign-in it is sent with: each person signs in once more for it.
    for (const c of cases.filter(isLogout)) {
      const token = c.actor === 'anonymous' ? undefined : await freshToken(c.actor);
      await check(c, token);
    }
    expect(cases.length).toBeGreaterThan(2000);
    expect(wrong).toEqual([]);
  });

  const emails: Record<Exclude<Actor, 'anonymous'>, [string, string]> = {
    attendee: ['attendee@plenum.test', 'plenum'],
    moderator: ['moderator@plenum.test', 'plenum'],
    organizer: ['organizer@plenum.test', 'plenum'],
    'organizer of another event': ['matrix-organizer-b@plenum.test', passwords],
    'speaker of this session': ['matrix-speaker@plenum.test', passwords],
    'speaker of another session': ['matrix-speaker-2@plenum.test', passwords],
    'exhibitor of this booth': ['matrix-staff@plenum.test', passwords],
    'exhibitor of another booth': ['matrix-staff-2@plenum.test', passwords],
  };
  async function freshToken(actor: Exclude<Actor, 'anonymous'>): Promise<string> {
    const [email, password] = emails[actor];
    return (await as(email, password)).token!;
  }
});
