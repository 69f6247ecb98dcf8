import type { SessionKind, SpeakerPart } from '@plenum/contracts';

/**
 * The reference congress "Digitale Städte – Digitale Regionen" as demo content. The minister and
 * the state secretary are named as in the public report; everyone else is invented.
 */
export const demoEvent = {
  slug: 'digitale-staedte',
  title: 'Digitale Städte – Digitale Regionen',
  timeZone: 'Europe/Berlin',
  description:
    'Der Online-Kongress des Landes Hessen für die Digitalisierung in Kommunen und Regionen. ' +
    'Er vernetzt Politik und Verwaltung, Wirtschaft, Wissenschaft und Gesellschaft zu den Themen ' +
    '„Smart Cities“ und „Smart Region“: Keynote und Podiumsdiskussionen mit der Digitalministerin, ' +
    'Vorträge auf drei Bühnen, eine EXPO mit 21 Fach-Ausstellern und vier Workshops mit Fachleuten. ' +
    'Im Vorfeld haben vier Regionalforen in Nord-, Mittel-, Ost- und Südhessen an Projektideen zu ' +
    'Mobilität, Ehrenamt, Vernetzung und Kompetenzen gearbeitet.',
};

export const demoStages = ['Hauptbühne', 'Bühne Smarte Stadt', 'Bühne Smarte Region'] as const;

export const demoTracks = [
  { name: 'Infrastruktur', color: '#1f5f99' },
  { name: 'Mobilität', color: '#2e7d32' },
  { name: 'Ehrenamt', color: '#8e24aa' },
  { name: 'Vernetzung', color: '#ef6c00' },
  { name: 'Kompetenzen', color: '#00838f' },
  { name: 'Verwaltung', color: '#6d4c41' },
] as const;

export interface DemoSpeaker {
  key: string;
  name: string;
  title: string;
  organisation: string;
  biography: string;
  links?: Array<{ label: string; url: string }>;
}

const invented: Array<[string, string, string, string]> = [
  ['weber', 'Dr. Anna Weber', 'Chief Digital Officer', 'Wissenschaftsstadt Darmstadt'],
  ['schmitt', 'Jonas Schmitt', 'Bürgermeister', 'Gemeinde Lautertal'],
  ['keller', 'Miriam Keller', 'Leiterin Geschäftsstelle', 'Geschäftsstelle Smarte Region'],
  ['yilmaz', 'Deniz Yılmaz', 'Referent Breitbandausbau', 'Landkreis Vogelsberg'],
  [
    'hoffmann',
    'Prof. Dr. Thomas Hoffmann',
    'Professor für Stadtinformatik',
    'Hochschule RheinMain',
  ],
  ['becker', 'Sabine Becker', 'Landrätin', 'Landkreis Waldeck-Frankenberg'],
  ['wagner', 'Lukas Wagner', 'Projektleiter Open Data', 'Stadt Kassel'],
  ['schulz', 'Katharina Schulz', 'Geschäftsführerin', 'Ehrenamtsagentur Mittelhessen'],
  ['fischer', 'Dr. Markus Fischer', 'Mobilitätsforscher', 'Universität Kassel'],
  ['richter', 'Elena Richter', 'Amtsleiterin Digitalisierung', 'Stadt Fulda'],
  ['klein', 'Tobias Klein', 'Gründer', 'DorfFunk Hessen e. V.'],
  ['wolf', 'Dr. Julia Wolf', 'Leiterin Smart City', 'Stadt Gießen'],
  ['neumann', 'Stefan Neumann', 'Netzplaner', 'Glasfaser Nordhessen GmbH'],
  ['schwarz', 'Aylin Schwarz', 'Digitallotsin', 'Kreisverwaltung Offenbach'],
  ['zimmermann', 'Florian Zimmermann', 'Bereichsleiter Verkehr', 'Rhein-Main-Verkehrsverbund'],
  ['braun', 'Dr. Petra Braun', 'Datenschutzbeauftragte', 'Hessischer Städtetag'],
  ['krueger', 'Niklas Krüger', 'IoT-Architekt', 'ekom21 – KGRZ Hessen'],
  ['hartmann', 'Lea Hartmann', 'Quartiersmanagerin', 'Stadt Hanau'],
  [
    'lange',
    'Prof. Dr. Andreas Lange',
    'Wirtschaftsinformatik',
    'Technische Hochschule Mittelhessen',
  ],
  ['werner', 'Carina Werner', 'Kommunalberaterin', 'Hessischer Landkreistag'],
  ['koch', 'Benjamin Koch', 'Leiter Bürgerservice', 'Stadt Wetzlar'],
  ['schroeder', 'Hanna Schröder', 'Sprecherin', 'Netzwerk Smarte Dörfer'],
  ['meyer', 'Oliver Meyer', 'Energiemanager', 'Stadtwerke Marburg'],
  ['schaefer', 'Dr. Ines Schäfer', 'Gesundheitsregion', 'Landkreis Marburg-Biedenkopf'],
  ['bauer', 'Paul Bauer', 'Moderator', 'Hessischer Rundfunk (freier Journalist)'],
  ['kaiser', 'Sophie Kaiser', 'Moderatorin', 'Agentur Digitaldialog'],
  ['vogel', 'Martin Vogel', 'Kämmerer', 'Stadt Bad Hersfeld'],
];

export const demoSpeakers: DemoSpeaker[] = [
  {
    key: 'sinemus',
    name: 'Prof. Dr. Kristina Sinemus',
    title: 'Hessische Ministerin für Digitale Strategie und Entwicklung',
    organisation: 'Land Hessen',
    biography:
      'Die Digitalministerin verantwortet die Digitalstrategie des Landes Hessen, den Gigabitausbau ' +
      'und die Unterstützung der Kommunen auf dem Weg zur smarten Region.',
    links: [{ label: 'Hessisches Digitalministerium', url: 'https://digitales.hessen.de' }],
  },
  {
    key: 'burghardt',
    name: 'Patrick Burghardt',
    title: 'Staatssekretär und CIO des Landes Hessen',
    organisation: 'Land Hessen',
    biography: 'Der Staatssekretär koordiniert die Digitalisierung der Landesverwaltung.',
    links: [{ label: 'Hessisches Digitalministerium', url: 'https://digitales.hessen.de' }],
  },
  ...invented.map(([key, name, title, organisation]) => ({
    key,
    name,
    title,
    organisation,
    biography: `${name} arbeitet als ${title} (${organisation}) an Projekten für smarte Kommunen in Hessen.`,
  })),
];

export interface DemoSession {
  key: string;
  kind: SessionKind;
  title: string;
  abstract: string;
  /** Minutes from the congress day's first session; forums use `dayOffset` instead. */
  startMinute: number;
  durationMinutes: number;
  stage: (typeof demoStages)[number] | null;
  track: (typeof demoTracks)[number]['name'] | null;
  speakers: Array<[string, SpeakerPart]>;
  capacity?: number;
  /** Days before the congress day (regional forums). */
  dayOffset?: number;
}

const [main, city, region] = demoStages;

export const demoSessions: DemoSession[] = [
  // Regional forums on the days before the congress.
  ...(
    [
      ['forum-nord', 'Regionalforum Nordhessen', 'Kassel', -4, 'Mobilität', 'wagner'],
      ['forum-mitte', 'Regionalforum Mittelhessen', 'Gießen', -3, 'Ehrenamt', 'wolf'],
      ['forum-ost', 'Regionalforum Osthessen', 'Fulda', -2, 'Vernetzung', 'richter'],
      ['forum-sued', 'Regionalforum Südhessen', 'Darmstadt', -1, 'Kompetenzen', 'weber'],
    ] as const
  ).map(([key, title, city_, dayOffset, track, host]): DemoSession => ({
    key,
    kind: 'forum',
    title,
    abstract: `Regionale Akteure aus der Region ${city_} arbeiten an konkreten Projektideen im Themenfeld ${track}. Die Ergebnisse fließen in den Kongress ein.`,
    startMinute: 0,
    durationMinutes: 180,
    stage: null,
    track,
    speakers: [[host, 'host']],
    dayOffset,
  })),
  {
    key: 'expo',
    kind: 'expo',
    title: 'EXPO geöffnet',
    abstract: '21 Fach-Aussteller zeigen Lösungen für smarte Städte und Regionen.',
    startMinute: 0,
    durationMinutes: 480,
    stage: null,
    track: null,
    speakers: [],
  },
  {
    key: 'keynote',
    kind: 'keynote',
    title: 'Begrüßung und Keynote: Smarte Regionen für ein starkes Hessen',
    abstract:
      'Die Digitalministerin eröffnet den Kongress: Gigabitstrategie, Mobilfunk in der Fläche und die ' +
      'Geschäftsstelle Smarte Region als Anlaufstelle für Kommunen.',
    startMinute: 0,
    durationMinutes: 45,
    stage: main,
    track: 'Infrastruktur',
    speakers: [
      ['sinemus', 'speaker'],
      ['kaiser', 'moderator'],
    ],
  },
  {
    key: 'panel-gigabit',
    kind: 'panel',
    title: 'Podium: Gigabit für alle – Infrastruktur als Daseinsvorsorge',
    abstract:
      'Wie kommen Glasfaser und Mobilfunk in jedes Dorf? Die Ministerin diskutiert mit Landkreisen, ' +
      'Netzbetreibern und Kommunen. Stellen Sie Ihre Fragen an das Podium.',
    startMinute: 50,
    durationMinutes: 60,
    stage: main,
    track: 'Infrastruktur',
    speakers: [
      ['sinemus', 'speaker'],
      ['becker', 'speaker'],
      ['neumann', 'speaker'],
      ['yilmaz', 'speaker'],
      ['bauer', 'moderator'],
    ],
  },
  {
    key: 'break-1',
    kind: 'break',
    title: 'Pause und EXPO-Rundgang',
    abstract: 'Besuchen Sie die Stände der Aussteller.',
    startMinute: 110,
    durationMinutes: 20,
    stage: main,
    track: null,
    speakers: [],
  },
  {
    key: 'panel-verwaltung',
    kind: 'panel',
    title: 'Podium: Die digitale Verwaltung in Stadt und Land',
    abstract:
      'Staatssekretär Patrick Burghardt im Gespräch mit Bürgermeistern und Verwaltungsleitungen über ' +
      'Onlinezugangsgesetz, Bürgerservice und gemeinsame IT-Lösungen.',
    startMinute: 130,
    durationMinutes: 60,
    stage: main,
    track: 'Verwaltung',
    speakers: [
      ['burghardt', 'speaker'],
      ['schmitt', 'speaker'],
      ['koch', 'speaker'],
      ['werner', 'speaker'],
      ['kaiser', 'moderator'],
    ],
  },
  {
    key: 'talk-living-in-eu',
    kind: 'talk',
    title: 'Living-in.EU: der europäische Weg der Digitalisierung von Städten',
    abstract: 'Was die EU-Initiative für hessische Kommunen bedeutet und wie man mitmacht.',
    startMinute: 195,
    durationMinutes: 30,
    stage: main,
    track: 'Vernetzung',
    speakers: [['keller', 'speaker']],
  },
  {
    key: 'panel-abschluss',
    kind: 'panel',
    title: 'Abschlusspodium: Was nehmen wir aus den Regionalforen mit?',
    abstract:
      'Die Ministerin und Vertreterinnen der vier Regionalforen ziehen Bilanz: Mobilität, Ehrenamt, ' +
      'Vernetzung und Kompetenzen.',
    startMinute: 240,
    durationMinutes: 60,
    stage: main,
    track: 'Vernetzung',
    speakers: [
      ['sinemus', 'speaker'],
      ['wagner', 'speaker'],
      ['wolf', 'speaker'],
      ['richter', 'speaker'],
      ['weber', 'speaker'],
      ['bauer', 'moderator'],
    ],
  },
  // Side stage: smart city.
  ...sideStage(city, [
    ['talk-open-data', 'Open Data als Fundament der Smart City', 'Verwaltung', 'wagner'],
    [
      'talk-digitaler-zwilling',
      'Der digitale Zwilling der Stadt Darmstadt',
      'Infrastruktur',
      'weber',
      'hoffmann',
    ],
    ['talk-quartier', 'Smarte Quartiere: Energie und Nachbarschaft', 'Vernetzung', 'hartmann'],
    ['talk-parken', 'Sensorgestütztes Parken und Lieferverkehr', 'Mobilität', 'zimmermann'],
    ['talk-datenschutz', 'Datenschutz by Design in kommunalen Projekten', 'Verwaltung', 'braun'],
    ['talk-stadtwerke', 'Stadtwerke als Treiber der Digitalisierung', 'Infrastruktur', 'meyer'],
    ['talk-buergerservice', 'Bürgerservice rund um die Uhr', 'Verwaltung', 'koch'],
  ]),
  // Side stage: smart region.
  ...sideStage(region, [
    [
      'talk-dorffunk',
      'DorfFunk: digitale Nachbarschaftshilfe auf dem Land',
      'Ehrenamt',
      'klein',
      'schroeder',
    ],
    ['talk-ondemand', 'On-Demand-Verkehr im ländlichen Raum', 'Mobilität', 'fischer'],
    ['talk-lorawan', 'LoRaWAN für Landkreise: vom Pilot zum Betrieb', 'Infrastruktur', 'krueger'],
    ['talk-ehrenamt', 'Ehrenamt digital organisieren', 'Ehrenamt', 'schulz'],
    ['talk-gesundheit', 'Telemedizin in der Gesundheitsregion', 'Vernetzung', 'schaefer'],
    [
      'talk-kompetenzen',
      'Digitallotsen: Kompetenzen in die Fläche bringen',
      'Kompetenzen',
      'schwarz',
      'lange',
    ],
    ['talk-finanzierung', 'Förderprogramme klug kombinieren', 'Verwaltung', 'vogel'],
  ]),
  // Workshops with limited seats.
  ...(
    [
      [
        'ws-open-data',
        'Workshop: Open Data in der eigenen Kommune starten',
        'Verwaltung',
        'wagner',
        30,
        60,
      ],
      [
        'ws-ehrenamt',
        'Workshop: Digitale Ehrenamtsplattformen einführen',
        'Ehrenamt',
        'schulz',
        25,
        60,
      ],
      [
        'ws-lorawan',
        'Workshop: Sensorik und LoRaWAN im ländlichen Raum',
        'Infrastruktur',
        'krueger',
        20,
        200,
      ],
      ['ws-mobilitaet', 'Workshop: Smarte Mobilität planen', 'Mobilität', 'fischer', 24, 200],
    ] as const
  ).map(([key, title, track, host, capacity, startMinute]): DemoSession => ({
    key,
    kind: 'workshop',
    title,
    abstract: `Ein Workshop mit Fachleuten in kleiner Runde (${capacity} Plätze). Anmeldung erforderlich.`,
    startMinute,
    durationMinutes: 90,
    stage: null,
    track,
    speakers: [[host, 'host']],
    capacity,
  })),
];

function sideStage(
  stage: (typeof demoStages)[number],
  talks: Array<[string, string, DemoSession['track'], string, string?]>,
): DemoSession[] {
  return talks.map(([key, title, track, speaker, coSpeaker], i) => ({
    key,
    kind: 'talk',
    title,
    abstract: `Ein Praxisbericht aus hessischen Kommunen zum Thema ${track ?? 'Digitalisierung'}.`,
    startMinute: 50 + i * 40,
    durationMinutes: 35,
    stage,
    track,
    speakers: coSpeaker
      ? [
          [speaker, 'speaker'],
          [coSpeaker, 'speaker'],
        ]
      : [[speaker, 'speaker']],
  }));
}

export const demoBooths: Array<{
  organisation: string;
  tagline: string;
  tier: 'premium' | 'standard' | 'basic';
  topics: string[];
}> = [
  {
    organisation: 'Geschäftsstelle Smarte Region',
    tagline: 'Die Anlaufstelle für Kommunen und Unternehmen',
    tier: 'premium',
    topics: ['Beratung', 'Förderung'],
  },
  {
    organisation: 'Glasfaser Nordhessen GmbH',
    tagline: 'Gigabit bis ins letzte Dorf',
    tier: 'premium',
    topics: ['Breitband', 'Infrastruktur'],
  },
  {
    organisation: 'ekom21 – KGRZ Hessen',
    tagline: 'IT für hessische Kommunen',
    tier: 'premium',
    topics: ['Verwaltung', 'Cloud'],
  },
  {
    organisation: 'Rhein-Main-Verkehrsverbund',
    tagline: 'Mobilität vernetzt denken',
    tier: 'standard',
    topics: ['Mobilität'],
  },
  {
    organisation: 'DorfFunk Hessen e. V.',
    tagline: 'Nachbarschaft digital',
    tier: 'standard',
    topics: ['Ehrenamt', 'Apps'],
  },
  {
    organisation: 'Hochschule RheinMain – Stadtinformatik',
    tagline: 'Forschung für smarte Städte',
    tier: 'standard',
    topics: ['Forschung', 'Daten'],
  },
  {
    organisation: 'Stadtwerke Marburg',
    tagline: 'Energie und Daten aus einer Hand',
    tier: 'standard',
    topics: ['Energie', 'IoT'],
  },
  {
    organisation: 'LoRaLand Sensorik GmbH',
    tagline: 'Funksensoren für Landkreise',
    tier: 'standard',
    topics: ['IoT', 'Sensorik'],
  },
  {
    organisation: 'OpenData Hessen Netzwerk',
    tagline: 'Offene Daten, offene Kommunen',
    tier: 'standard',
    topics: ['Daten', 'Verwaltung'],
  },
  {
    organisation: 'Ehrenamtsagentur Mittelhessen',
    tagline: 'Engagement finden und organisieren',
    tier: 'basic',
    topics: ['Ehrenamt'],
  },
  {
    organisation: 'Digitallotsen Hessen',
    tagline: 'Kompetenzen vor Ort',
    tier: 'basic',
    topics: ['Kompetenzen', 'Bildung'],
  },
  {
    organisation: 'Telemedizin Zentrum Osthessen',
    tagline: 'Gesundheit auf kurzen Wegen',
    tier: 'basic',
    topics: ['Gesundheit'],
  },
  {
    organisation: 'ParkSense Kassel',
    tagline: 'Freie Parkplätze in Echtzeit',
    tier: 'basic',
    topics: ['Mobilität', 'Sensorik'],
  },
  {
    organisation: 'Kommunal-Cloud Südhessen',
    tagline: 'Souveräne Cloud für Rathäuser',
    tier: 'basic',
    topics: ['Cloud', 'Verwaltung'],
  },
  {
    organisation: 'Bürgerbeteiligung Online eG',
    tagline: 'Mitreden leicht gemacht',
    tier: 'basic',
    topics: ['Beteiligung'],
  },
  {
    organisation: 'Smart Village Lab Vogelsberg',
    tagline: 'Das Dorf als Reallabor',
    tier: 'basic',
    topics: ['Ländlicher Raum', 'Forschung'],
  },
  {
    organisation: 'Digitaler Zwilling Rhein-Main',
    tagline: '3D-Stadtmodelle für die Planung',
    tier: 'standard',
    topics: ['Daten', 'Planung'],
  },
  {
    organisation: 'E-Mobil Hessen',
    tagline: 'Ladeinfrastruktur für Kommunen',
    tier: 'basic',
    topics: ['Mobilität', 'Energie'],
  },
  {
    organisation: 'Hessischer Städtetag – Digitalberatung',
    tagline: 'Kommunen beraten Kommunen',
    tier: 'basic',
    topics: ['Beratung', 'Verwaltung'],
  },
  {
    organisation: 'Gigabitbüro Hessen',
    tagline: 'Fördermittel für den Ausbau',
    tier: 'standard',
    topics: ['Breitband', 'Förderung'],
  },
  {
    organisation: 'CivicTech Darmstadt',
    tagline: 'Software von Bürgern für Bürger',
    tier: 'basic',
    topics: ['Beteiligung', 'Open Source'],
  },
];

/**
 * The programme as it stands on the congress day: one talk was called off (and so shows as
 * cancelled in calendars), and the demo attendee has built an agenda with an overlap and the
 * live panel in it.
 */
export const demoCancelledSession = 'talk-finanzierung';
export const demoAttendeeAgenda = [
  'keynote',
  'panel-gigabit',
  'talk-open-data',
  'talk-digitaler-zwilling',
  'panel-abschluss',
] as const;

/**
 * Demo registrations per workshop: the first attendee number, confirmed seats, then how many
 * wait. Numbers from 101 up, so tests that sign in as the low-numbered attendees start clean.
 */
export const demoWorkshopRegistrations: ReadonlyArray<
  readonly [key: string, firstAttendee: number, confirmed: number, waiting: number]
> = [
  ['ws-open-data', 101, 30, 6],
  ['ws-ehrenamt', 141, 18, 0],
  ['ws-lorawan', 161, 20, 4],
  ['ws-mobilitaet', 191, 10, 0],
];
