import type { DataSource, EntityManager } from 'typeorm';
import type {
  Booth,
  BoothDocument,
  Membership,
  SessionSpeaker,
  User,
  WorkshopRegistration,
} from '@plenum/db';
import { hashPassword } from '@plenum/identity';
import {
  demoAttendeeAgenda,
  demoBooths,
  demoCancelledSession,
  demoEvent,
  demoSessions,
  demoSpeakers,
  demoStages,
  demoTracks,
  demoWorkshopRegistrations,
} from './demo-content';
import { demoBrochurePdf, demoLogoPng } from './demo-files';
import { DemoMediaRepository } from './demo-media.repository';
import { seedDemoOnDemand } from './demo-ondemand';
import { seedDemoQa } from './demo-qa';
import { DemoRepository } from './demo.repository';

export const DEMO_PASSWORD = 'plenum';
export const DEMO_ATTENDEES = 400;

export const demoRoleAccounts = {
  organizer: 'organizer@plenum.test',
  moderator: 'moderator@plenum.test',
  speaker: 'speaker@plenum.test',
  exhibitor: 'exhibitor@plenum.test',
  attendee: 'attendee@plenum.test',
} as const;

/** A second staff member on the first booth, so "talk to us" can be tried with two people. */
export const demoSecondExhibitor = 'exhibitor2@plenum.test';

/** Where the demo puts booth logos and brochures: the api's file storage. */
export interface DemoFileStore {
  put(prefix: string, data: Buffer): Promise<string>;
}

export function demoAttendeeEmail(n: number): string {
  return `attendee${String(n).padStart(3, '0')}@plenum.test`;
}

export interface DemoSeedResult {
  created: boolean;
  eventSlug: string;
  accounts: string[];
}

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether the installation holds no event yet: `DEMO_SEED=auto` loads the demo only then. */
export async function isEmptyInstallation(dataSource: DataSource): Promise<boolean> {
  return !(await new DemoRepository(dataSource).anyEvent());
}

/**
 * Loads the reference congress once. The congress day is scheduled around `now` so that the
 * first panel is live; running it again when the event exists changes nothing.
 */
export async function seedDemoCongress(
  dataSource: DataSource,
  now = new Date(),
  files?: DemoFileStore,
): Promise<DemoSeedResult> {
  const accounts = [
    ...Object.values(demoRoleAccounts),
    demoSecondExhibitor,
    demoAttendeeEmail(1) + ' … ' + demoAttendeeEmail(DEMO_ATTENDEES),
  ];
  // One hash for every demo account: the password is public anyway, and 405 argon2 runs would
  // make the first start slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const demo = new DemoRepository(dataSource);
  const media = new DemoMediaRepository(dataSource);
  const created = await demo.transaction(async (manager) => {
    await demo.lockSeed(manager);
    if (await demo.eventExists(manager, demoEvent.slug)) return false;
    await loadCongress({ demo, media, manager }, now, passwordHash, files);
    return true;
  });
  return { created, eventSlug: demoEvent.slug, accounts };
}

/** The seed's repositories and its transaction. */
interface Seeding {
  demo: DemoRepository;
  media: DemoMediaRepository;
  manager: EntityManager;
}

async function loadCongress(
  { demo, media, manager }: Seeding,
  now: Date,
  passwordHash: string,
  files: DemoFileStore | undefined,
): Promise<void> {
  // The first session starts 90 minutes before now, on a quarter hour, so the gigabit panel
  // (minutes 50–110) is live.
  const quarter = 15 * 60_000;
  const dayStart = new Date(Math.floor((now.getTime() - 90 * 60_000) / quarter) * quarter);
  const congressDay = localDate(dayStart, demoEvent.timeZone);

  const event = await demo.insertEvent(manager, {
    slug: demoEvent.slug,
    title: demoEvent.title,
    description: demoEvent.description,
    timeZone: demoEvent.timeZone,
    startsOn: addDays(congressDay, -4),
    endsOn: localDate(new Date(dayStart.getTime() + 8 * 3_600_000), demoEvent.timeZone),
    defaultLocale: 'de',
  });

  const stages = await demo.insertStages(
    manager,
    demoStages.map((name, position) => ({ eventId: event.id, name, position })),
  );
  const stageId = new Map(stages.map((s) => [s.name, s.id]));
  const tracks = await demo.insertTracks(
    manager,
    demoTracks.map((t) => ({ eventId: event.id, name: t.name, color: t.color })),
  );
  const trackId = new Map(tracks.map((t) => [t.name, t.id]));

  const users = await insertUsers(demo, manager, passwordHash);
  const userId = (email: string): string => {
    const id = users.get(email);
    if (!id) throw new Error(`Demo account ${email} was not created`);
    return id;
  };

  const speakers = await demo.insertSpeakers(
    manager,
    demoSpeakers.map((s) => ({
      eventId: event.id,
      // The demo speaker account is Dr. Anna Weber, who speaks on a side stage and in a panel.
      userId: s.key === 'weber' ? userId(demoRoleAccounts.speaker) : null,
      name: s.name,
      title: s.title,
      organisation: s.organisation,
      biography: s.biography,
      photoUrl: null,
      links: s.links ?? [],
    })),
  );
  const speakerId = new Map(demoSpeakers.map((s, i) => [s.key, speakers[i]?.id]));

  const sessions = await demo.insertSessions(
    manager,
    demoSessions.map((s) => {
      const start =
        s.dayOffset !== undefined
          ? forumStart(addDays(congressDay, s.dayOffset))
          : new Date(dayStart.getTime() + s.startMinute * 60_000);
      const end = new Date(start.getTime() + s.durationMinutes * 60_000);
      return {
        eventId: event.id,
        kind: s.kind,
        title: s.title,
        abstract: s.abstract,
        startsAt: start,
        endsAt: end,
        stageId: s.stage ? (stageId.get(s.stage) ?? null) : null,
        trackId: s.track ? (trackId.get(s.track) ?? null) : null,
        state: end <= now ? ('ended' as const) : ('scheduled' as const),
        capacity: s.capacity ?? null,
        streamUrl: null,
      };
    }),
  );
  const sessionId = new Map(demoSessions.map((s, i) => [s.key, sessions[i]?.id]));
  // The panel on now is live, as a moderator would have started it.
  const livePanel = sessionId.get('panel-gigabit');
  if (livePanel) await demo.updateSession(manager, livePanel, { state: 'live' });
  // Called off after the programme went out: cancelled with a higher SEQUENCE, never deleted.
  const cancelled = sessionId.get(demoCancelledSession);
  if (cancelled) {
    await demo.updateSession(manager, cancelled, { state: 'cancelled', sequence: 1 });
  }

  const links: Array<Partial<SessionSpeaker>> = [];
  for (const s of demoSessions) {
    s.speakers.forEach(([key, part], position) => {
      links.push({
        sessionId: sessionId.get(s.key),
        speakerId: speakerId.get(key),
        part,
        position,
      });
    });
  }
  await demo.insertSessionSpeakers(manager, links);

  const booths = await demo.insertBooths(
    manager,
    demoBooths.map((b, i) => ({
      eventId: event.id,
      slug: slugify(b.organisation),
      organisation: b.organisation,
      tagline: b.tagline,
      description: demoBoothDescription(b),
      tier: b.tier,
      topics: b.topics,
      position: i,
      links: [
        { label: 'Website', url: `https://${slugify(b.organisation)}.example` },
        { label: 'E-Mail', url: `mailto:kontakt@${slugify(b.organisation)}.example` },
      ],
      // Open through the demo congress day, with a lunch break, so "open now" is visible.
      openingHours: [
        {
          opensAt: dayStart.toISOString(),
          closesAt: new Date(dayStart.getTime() + 3.5 * 3_600_000).toISOString(),
        },
        {
          opensAt: new Date(dayStart.getTime() + 4.5 * 3_600_000).toISOString(),
          closesAt: new Date(dayStart.getTime() + 9 * 3_600_000).toISOString(),
        },
      ],
    })),
  );
  if (files) await storeDemoBoothFiles(demo, manager, files, booths);

  const memberships: Array<Partial<Membership>> = [
    { userId: userId(demoRoleAccounts.organizer), role: 'organizer', scope: 'event' },
    { userId: userId(demoRoleAccounts.moderator), role: 'moderator', scope: 'event' },
    { userId: userId(demoRoleAccounts.attendee), role: 'attendee', scope: 'event' },
    { userId: userId(demoRoleAccounts.speaker), role: 'attendee', scope: 'event' },
    { userId: userId(demoRoleAccounts.exhibitor), role: 'attendee', scope: 'event' },
  ];
  for (const key of ['panel-abschluss', 'talk-digitaler-zwilling']) {
    const id = sessionId.get(key) ?? null;
    memberships.push({
      userId: userId(demoRoleAccounts.speaker),
      role: 'speaker',
      sessionId: id,
      scope: `session:${id}`,
    });
  }
  const firstBooth = booths[0];
  if (firstBooth) {
    memberships.push({
      userId: userId(demoRoleAccounts.exhibitor),
      role: 'exhibitor',
      boothId: firstBooth.id,
      scope: `booth:${firstBooth.id}`,
    });
    memberships.push({
      userId: userId(demoSecondExhibitor),
      role: 'exhibitor',
      boothId: firstBooth.id,
      scope: `booth:${firstBooth.id}`,
    });
  }
  for (let n = 1; n <= DEMO_ATTENDEES; n++) {
    memberships.push({ userId: userId(demoAttendeeEmail(n)), role: 'attendee', scope: 'event' });
  }
  await demo.insertMemberships(
    manager,
    memberships.map((m) => ({ ...m, eventId: event.id })),
  );

  // Workshop seats as they stand a few days before the congress: two workshops are full with
  // people waiting, two still have seats. attendee@ is on none, to try registering.
  const registrations: Array<Partial<WorkshopRegistration>> = [];
  for (const [key, first, confirmed, waiting] of demoWorkshopRegistrations) {
    const id = sessionId.get(key);
    if (!id) continue;
    for (let i = 0; i < confirmed + waiting; i++) {
      const seat = i < confirmed;
      registrations.push({
        sessionId: id,
        eventId: event.id,
        userId: userId(demoAttendeeEmail(first + i)),
        status: seat ? 'confirmed' : 'waitlisted',
        confirmedAt: seat ? now : null,
      });
    }
  }
  // One row at a time: the arrival sequence then follows the order above.
  for (const registration of registrations) {
    await demo.insertWorkshopRegistration(manager, registration);
  }

  await demo.insertAgendaItems(
    manager,
    demoAttendeeAgenda.flatMap((key) => {
      const id = sessionId.get(key);
      return id
        ? [{ userId: userId(demoRoleAccounts.attendee), sessionId: id, eventId: event.id }]
        : [];
    }),
  );

  const attendees = Array.from({ length: DEMO_ATTENDEES }, (_, i) =>
    userId(demoAttendeeEmail(i + 1)),
  );
  await seedDemoQa(
    media,
    manager,
    event.id,
    sessionId,
    attendees,
    userId(demoRoleAccounts.moderator),
  );
  await seedDemoOnDemand(
    media,
    manager,
    event.id,
    sessionId,
    attendees,
    userId(demoRoleAccounts.organizer),
    files,
  );
}

async function insertUsers(
  demo: DemoRepository,
  manager: EntityManager,
  passwordHash: string,
): Promise<Map<string, string>> {
  const rows: Array<Partial<User>> = [
    {
      email: demoRoleAccounts.organizer,
      displayName: 'Olivia Organisatorin',
      isPlatformAdmin: true,
    },
    { email: demoRoleAccounts.moderator, displayName: 'Moritz Moderator' },
    { email: demoRoleAccounts.speaker, displayName: 'Dr. Anna Weber' },
    { email: demoRoleAccounts.exhibitor, displayName: 'Emil Aussteller' },
    { email: demoSecondExhibitor, displayName: 'Erika Standdienst' },
    { email: demoRoleAccounts.attendee, displayName: 'Alex Teilnehmerin' },
  ];
  for (let n = 1; n <= DEMO_ATTENDEES; n++) {
    rows.push({
      email: demoAttendeeEmail(n),
      displayName: `Teilnehmer:in ${String(n).padStart(3, '0')}`,
    });
  }
  // Accounts may exist already (invited before the demo was loaded): keep them as they are.
  await demo.insertUsers(
    manager,
    rows.map((r) => ({ ...r, passwordHash, locale: 'de' as const })),
  );
  const found = await demo.usersByEmail(
    manager,
    rows.map((r) => r.email ?? ''),
  );
  return new Map(found.map((u) => [u.email, u.id]));
}

function demoBoothDescription(b: {
  organisation: string;
  tagline: string;
  topics: string[];
}): string {
  return [
    `**${b.organisation}** – ${b.tagline}.`,
    `Wir zeigen auf dem Kongress, wie Kommunen in Hessen ${b.topics.join(' und ')} praktisch angehen: mit Beispielen aus Städten und Landkreisen, die es schon umgesetzt haben.`,
    'An unserem Stand finden Sie:',
    [
      '- Gespräche mit unserem Team, im Chat oder per Video',
      '- Unterlagen zum Herunterladen',
      '- Ansprechpartner für Ihr Projekt',
    ].join('\n'),
    'Teilen Sie Ihren Kontakt mit uns, wenn wir uns nach dem Kongress bei Ihnen melden sollen – *nur dann* erfahren wir ihn.',
  ].join('\n\n');
}

async function storeDemoBoothFiles(
  demo: DemoRepository,
  manager: EntityManager,
  files: DemoFileStore,
  booths: Booth[],
): Promise<void> {
  const documents: Array<Partial<BoothDocument>> = [];
  for (const [index, booth] of booths.entries()) {
    const logoKey = await files.put('booth-images', demoLogoPng(booth.organisation, index));
    await demo.setBoothLogo(manager, booth.id, logoKey, 'image/png');
    const pdf = demoBrochurePdf(booth.organisation, [
      booth.tagline,
      '',
      `Themen: ${booth.topics.join(', ')}`,
      'Kongress Digitale Städte und Regionen – Ausstellerunterlage (Demo)',
    ]);
    documents.push({
      boothId: booth.id,
      title: 'Unternehmensprofil',
      fileName: `${booth.slug}-profil.pdf`,
      contentType: 'application/pdf',
      bytes: pdf.length,
      storageKey: await files.put('booth-documents', pdf),
    });
  }
  await demo.insertBoothDocuments(manager, documents);
}

/** Forums ran 14:00–17:00 Berlin time on their day. */
function forumStart(day: string): Date {
  const guess = new Date(`${day}T14:00:00Z`);
  const berlinHour = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: demoEvent.timeZone,
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(guess),
  );
  return new Date(guess.getTime() - (berlinHour - 14) * 3_600_000);
}

function slugify(value: string): string {
  return value
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
