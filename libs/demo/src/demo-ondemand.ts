import type { EntityManager } from 'typeorm';
import { demoBrochurePdf, demoLogoPng } from './demo-files';
import type { DemoMediaRepository } from './demo-media.repository';

/** Where the demo puts slides and photos: the api's file storage. */
interface DemoFiles {
  put(prefix: string, data: Buffer): Promise<string>;
}

/**
 * Replays point at example addresses (the `.example` domain never resolves): the demo makes no
 * downloads and ships no film. An organizer replaces them by uploading or linking a real one.
 */
const demoRecordings: Array<{ key: string; url: string; media: 'file' | 'hls' }> = [
  { key: 'keynote', url: 'https://media.plenum.example/beispiel/eroeffnung.mp4', media: 'file' },
  {
    key: 'forum-sued',
    url: 'https://media.plenum.example/beispiel/regionalforum-suedhessen/index.m3u8',
    media: 'hls',
  },
  {
    key: 'forum-nord',
    url: 'https://media.plenum.example/beispiel/regionalforum-nordhessen.mp4',
    media: 'file',
  },
];

const demoSlides: Array<{ key: string; title: string; fileName: string; lines: string[] }> = [
  {
    key: 'keynote',
    title: 'Folien zur Eröffnung',
    fileName: 'eroeffnung-folien.pdf',
    lines: [
      'Digitale Städte und Regionen in Hessen',
      '',
      '1. Wo wir stehen: Gigabit, Mobilfunk, Verwaltung',
      '2. Was sich bis 2030 ändern soll',
      '3. Wie Kommunen mitmachen',
      '',
      'Demo-Folien, erzeugt von Plenum',
    ],
  },
  {
    key: 'forum-sued',
    title: 'Präsentation Regionalforum Südhessen',
    fileName: 'regionalforum-suedhessen.pdf',
    lines: ['Kompetenzen für die digitale Kommune', '', 'Demo-Folien, erzeugt von Plenum'],
  },
  {
    key: 'forum-nord',
    title: 'Präsentation Regionalforum Nordhessen',
    fileName: 'regionalforum-nordhessen.pdf',
    lines: ['Mobilität auf dem Land', '', 'Demo-Folien, erzeugt von Plenum'],
  },
];

const demoImpressions: Array<{ label: string; alt: string; caption: string }> = [
  {
    label: 'Foyer',
    alt: 'Blaue Kachel mit den Buchstaben F – Platzhalter für ein Foto des vollen Foyers vor der Eröffnung',
    caption: 'Das Foyer vor der Eröffnung',
  },
  {
    label: 'Hauptbühne',
    alt: 'Grüne Kachel mit dem Buchstaben H – Platzhalter für ein Foto der Hauptbühne während der Keynote',
    caption: 'Keynote auf der Hauptbühne',
  },
  {
    label: 'Regionalforum',
    alt: 'Rote Kachel mit dem Buchstaben R – Platzhalter für ein Foto des Regionalforums in Darmstadt',
    caption: 'Regionalforum Südhessen in Darmstadt',
  },
  {
    label: 'Messe',
    alt: 'Violette Kachel mit dem Buchstaben M – Platzhalter für ein Foto der Ausstellungsstände',
    caption: 'Gespräche an den Ständen',
  },
];

const keynoteAnswered = [
  'Wann ist jede Schule in Hessen an Glasfaser angeschlossen?',
  'Wie können kleine Gemeinden sich die Digitalisierung leisten?',
  'Welche Rolle spielen die Landkreise beim Onlinezugangsgesetz?',
];

/** Replays, slides, answered questions and photos of the sessions that are already over. */
export async function seedDemoOnDemand(
  media: DemoMediaRepository,
  manager: EntityManager,
  eventId: string,
  sessionId: Map<string, string | undefined>,
  attendeeIds: string[],
  organizerId: string,
  files: DemoFiles | undefined,
): Promise<void> {
  await media.insertRecordings(
    manager,
    demoRecordings.flatMap((r) => {
      const id = sessionId.get(r.key);
      return id
        ? [
            {
              eventId,
              sessionId: id,
              source: 'url' as const,
              state: 'ready' as const,
              media: r.media,
              url: r.url,
              startedById: organizerId,
            },
          ]
        : [];
    }),
  );
  const keynote = sessionId.get('keynote');
  if (keynote) {
    await media.insertQuestions(
      manager,
      keynoteAnswered.map((body, i) => ({
        eventId,
        sessionId: keynote,
        authorId: attendeeIds[100 + i] ?? null,
        body,
        anonymous: i === 1,
        state: 'answered' as const,
        voteCount: 0,
        answeredAt: new Date(),
      })),
    );
  }
  if (!files) return;
  const slides = [];
  for (const s of demoSlides) {
    const id = sessionId.get(s.key);
    if (!id) continue;
    const pdf = demoBrochurePdf(s.title, s.lines);
    slides.push({
      eventId,
      sessionId: id,
      title: s.title,
      fileName: s.fileName,
      storageKey: await files.put('slides', pdf),
      sizeBytes: pdf.length,
      uploadedById: organizerId,
    });
  }
  await media.insertSlides(manager, slides);
  const impressions = [];
  for (const [position, p] of demoImpressions.entries()) {
    const png = demoLogoPng(p.label, position, { width: 480, height: 270, scale: 14 });
    impressions.push({
      eventId,
      storageKey: await files.put('impressions', png),
      contentType: 'image/png',
      sizeBytes: png.length,
      altText: p.alt,
      caption: p.caption,
      position,
      createdById: organizerId,
    });
  }
  await media.insertImpressions(manager, impressions);
}
