import type { SessionKind, SpeakerPart } from '@plenum/contracts';

const sessionKinds: Record<SessionKind, string> = {
  keynote: 'Keynote',
  talk: 'Vortrag',
  panel: 'Podiumsdiskussion',
  workshop: 'Workshop',
  forum: 'Forum',
  break: 'Pause',
  expo: 'Expo',
};

const speakerParts: Record<SpeakerPart, string> = {
  speaker: 'Referent/in',
  moderator: 'Moderation',
  host: 'Gastgeber/in',
};

/**
 * The German dictionary is the reference: its shape is the `Messages` type that every other
 * language must match key for key, so a missing translation fails the type check, not the user.
 */
export const de = {
  app: {
    name: 'Plenum',
    skipToContent: 'Zum Inhalt springen',
    loading: 'Wird geladen …',
    restoringSession: 'Anmeldung wird geprüft …',
    retry: 'Erneut versuchen',
    pageTitle: (page: string) => `${page} · Plenum`,
    crashTitle: 'Etwas ist schiefgelaufen',
    crashText: 'Die Seite konnte nicht angezeigt werden. Bitte laden Sie sie neu.',
    reload: 'Seite neu laden',
  },
  header: {
    signedInAs: 'Angemeldet als',
    language: 'Sprache',
    logout: 'Abmelden',
    loggingOut: 'Abmelden …',
    logoutFailed: 'Abmelden ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
  },
  language: {
    de: 'Deutsch',
    en: 'English',
    changed: 'Sprache: Deutsch',
  },
  status: {
    signedIn: (name: string) => `Angemeldet als ${name}.`,
    signedOut: 'Sie sind abgemeldet.',
    sessionLost: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  },
  errors: {
    summaryTitle: 'Bitte prüfen Sie Ihre Eingaben',
    network: 'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.',
    unavailable:
      'Der Dienst ist gerade nicht verfügbar. Bitte versuchen Sie es gleich noch einmal.',
    throttled: (seconds: number) =>
      `Zu viele Versuche. Bitte warten Sie ${seconds} Sekunden und versuchen Sie es dann erneut.`,
    generic: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  },
  login: {
    title: 'Anmelden',
    intro: 'Melden Sie sich mit der E-Mail-Adresse an, mit der Sie eingeladen wurden.',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    submit: 'Anmelden',
    submitting: 'Anmeldung läuft …',
    emailMissing: 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
    emailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.org.',
    passwordMissing: 'Bitte geben Sie Ihr Passwort ein.',
    invalidCredentials: 'E-Mail-Adresse oder Passwort ist nicht korrekt.',
    demoTitle: 'Demo-Installation',
    demoHint: 'Demo: attendee@plenum.test / plenum',
    demoMore:
      'Weitere Rollen mit demselben Passwort: organizer@, moderator@, speaker@ und exhibitor@plenum.test.',
  },
  invite: {
    title: 'Einladung annehmen',
    intro: 'Legen Sie ein Passwort fest, um Ihr Konto zu aktivieren. Danach sind Sie angemeldet.',
    password: 'Neues Passwort',
    passwordHint: 'Mindestens 8 Zeichen.',
    confirm: 'Passwort wiederholen',
    submit: 'Passwort festlegen',
    submitting: 'Wird gespeichert …',
    passwordMissing: 'Bitte legen Sie ein Passwort fest.',
    passwordTooShort: 'Das Passwort muss mindestens 8 Zeichen lang sein.',
    passwordTooLong: 'Das Passwort darf höchstens 200 Zeichen lang sein.',
    confirmMissing: 'Bitte wiederholen Sie das Passwort.',
    mismatch: 'Die beiden Passwörter stimmen nicht überein.',
    invalid: 'Diese Einladung ist ungültig, abgelaufen oder wurde bereits verwendet.',
    toLogin: 'Zur Anmeldung',
  },
  home: {
    title: 'Meine Veranstaltungen',
    loadError: 'Ihre Veranstaltungen konnten nicht geladen werden.',
    emptyTitle: 'Noch keine Veranstaltungen',
    emptyText:
      'Sie sind derzeit zu keiner Veranstaltung angemeldet. Sobald Sie eingeladen werden, erscheint sie hier.',
  },
  event: {
    loadError: 'Die Veranstaltung konnte nicht geladen werden.',
    notFoundTitle: 'Veranstaltung nicht gefunden',
    notFoundText: 'Diese Veranstaltung gibt es nicht, oder sie ist nicht mehr verfügbar.',
    logoAlt: (title: string) => `Logo: ${title}`,
    areasNav: 'Bereiche der Veranstaltung',
    backToEvent: 'Zurück zur Veranstaltungsübersicht',
  },
  nav: {
    home: 'Start',
    stages: 'Bühnen',
    programme: 'Programm',
    expo: 'Expo',
    workshops: 'Workshops',
  },
  area: {
    settingUp: 'Dieser Bereich wird gerade eingerichtet.',
  },
  nowNext: {
    title: 'Jetzt und gleich',
    now: 'Jetzt',
    next: 'Gleich',
    nothingNow: 'Gerade läuft nichts.',
    nothingNext: 'Demnächst ist nichts geplant.',
    live: 'Live',
    cancelled: 'Abgesagt',
    loadError: 'Das aktuelle Programm konnte nicht geladen werden.',
    timesIn: (timeZone: string) => `Alle Zeiten in der Zeitzone ${timeZone}.`,
    stage: 'Bühne',
    speakers: 'Mitwirkende',
  },
  sessionKinds,
  speakerParts,
  chat: {
    lobbyTitle: 'Lobby-Chat',
    sessionTitle: 'Chat zur Session',
    sessionPage: 'Live-Session',
    openSession: (title: string) => `Zur Live-Session: ${title}`,
    viewers: (n: number) => (n === 1 ? '1 Person ist hier' : `${n} Personen sind hier`),
    messages: 'Nachrichten',
    loadOlder: 'Ältere Nachrichten laden',
    loadingOlder: 'Ältere Nachrichten werden geladen …',
    noMessages: 'Noch keine Nachrichten. Schreiben Sie die erste!',
    newMarker: 'Neue Nachrichten',
    jumpToNew: (n: number) => (n === 1 ? '1 neue Nachricht' : `${n} neue Nachrichten`),
    announceOne: (author: string, body: string) => `${author}: ${body}`,
    announceMany: (n: number, author: string, body: string) =>
      `${n} neue Nachrichten, zuletzt ${author}: ${body}`,
    you: 'Sie',
    formerMember: 'Ehemaliges Konto',
    mentionOfYou: 'erwähnt Sie',
    deleted: (reason: string) => `Nachricht von der Moderation entfernt (${reason}).`,
    messageLabel: 'Ihre Nachricht',
    messageHint: (max: number) => `Nur Text, höchstens ${max} Zeichen. Links werden anklickbar.`,
    charactersLeft: (n: number) => `Noch ${n} Zeichen`,
    send: 'Senden',
    sending: 'Wird gesendet …',
    reconnecting: 'Verbindung unterbrochen. Es wird neu verbunden …',
    reconnected: 'Wieder verbunden.',
    joinFailed: 'Der Chat konnte nicht geöffnet werden.',
    notAllowed: 'Dieser Chat ist nur für Teilnehmende und Gastgeber/innen.',
    mutedUntil: (until: string, reason: string) =>
      `Die Moderation hat Sie bis ${until} stummgeschaltet${reason ? `: ${reason}` : ''}.`,
    slowModeOn: (seconds: number) => `Langsamer Modus: eine Nachricht alle ${seconds} Sekunden.`,
    errors: {
      tooLong: (max: number) => `Die Nachricht ist zu lang (höchstens ${max} Zeichen).`,
      rateLimited: (seconds: number) =>
        `Sie schreiben zu schnell. Bitte warten Sie ${seconds} Sekunden.`,
      slowMode: (seconds: number) =>
        `Langsamer Modus: Sie können in ${seconds} Sekunden wieder schreiben.`,
      muted: 'Sie sind stummgeschaltet und können gerade nicht schreiben.',
      empty: 'Schreiben Sie zuerst eine Nachricht.',
      network: 'Keine Verbindung. Die Nachricht wurde nicht gesendet.',
      generic: 'Das hat nicht geklappt. Bitte versuchen Sie es erneut.',
    },
    moderation: {
      actions: (author: string) => `Moderieren: Nachricht von ${author}`,
      reason: 'Grund',
      delete: 'Nachricht entfernen',
      muteFor: 'Stummschalten für',
      muteScope: 'Bereich',
      scopeRoom: 'Nur dieser Chat',
      scopeEvent: 'Ganze Veranstaltung',
      mute: 'Person stummschalten',
      minutes: (n: number) =>
        n < 60 ? `${n} Minuten` : n === 60 ? '1 Stunde' : `${n / 60} Stunden`,
      slowMode: 'Langsamer Modus',
      slowModeOff: 'Aus',
      seconds: (n: number) => `${n} Sekunden`,
      done: 'Erledigt.',
      deletedDone: 'Die Nachricht wurde entfernt.',
      mutedDone: (author: string) => `${author} ist stummgeschaltet.`,
      slowModeDone: 'Der langsame Modus wurde geändert.',
    },
    reactions: {
      label: 'Reaktionen',
      applause: 'Applaus',
      heart: 'Herz',
      'thumbs-up': 'Daumen hoch',
      laughter: 'Lachen',
      surprise: 'Staunen',
      count: (label: string, n: number) => `${label}: ${n}`,
    },
  },
  notFound: {
    title: 'Seite nicht gefunden',
    text: 'Unter dieser Adresse gibt es keine Seite. Vielleicht ist der Link veraltet.',
    home: 'Zur Startseite',
  },
};

export type Messages = typeof de;
