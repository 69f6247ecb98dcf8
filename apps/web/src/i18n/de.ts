import type { Role, SessionKind, SpeakerPart } from '@plenum/contracts';

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

const roles: Record<Role, string> = {
  organizer: 'Organisation',
  moderator: 'Moderation',
  speaker: 'Referent/in',
  exhibitor: 'Aussteller/in',
  attendee: 'Teilnehmer/in',
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
    admin: 'Verwaltung',
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
  roles,
  admin: {
    title: 'Verwaltung',
    intro: 'Hier pflegen Sie die Angaben zur Veranstaltung und laden Personen ein.',
    sections: 'Abschnitte dieser Seite',
    rolesLoadError: 'Ihre Berechtigungen konnten nicht geladen werden.',
    noAccessTitle: 'Kein Zugriff',
    noAccessText:
      'Die Verwaltung ist nur für das Organisationsteam dieser Veranstaltung zugänglich. Wenn Sie hier arbeiten sollen, bitten Sie das Team, Ihnen die Rolle „Organisation“ zu geben.',
    forbidden: 'Dafür fehlt Ihnen die Berechtigung. Nur das Organisationsteam darf das ändern.',
    settings: {
      title: 'Angaben zur Veranstaltung',
      eventTitle: 'Titel',
      description: 'Beschreibung',
      descriptionHint: 'Eine Leerzeile beginnt einen neuen Absatz.',
      timeZone: 'Zeitzone',
      timeZoneHint: 'Alle Zeiten im Programm gelten in dieser Zeitzone, z. B. Europe/Berlin.',
      startsOn: 'Erster Tag',
      endsOn: 'Letzter Tag',
      defaultLocale: 'Sprache der Veranstaltung',
      defaultLocaleHint: 'Die Sprache von Titel und Beschreibung und die Vorgabe für Einladungen.',
      submit: 'Änderungen speichern',
      submitting: 'Wird gespeichert …',
      saved: 'Die Änderungen sind gespeichert.',
      unchanged: 'Sie haben nichts geändert; es gibt nichts zu speichern.',
      titleMissing: 'Bitte geben Sie einen Titel ein.',
      titleTooShort: 'Der Titel muss mindestens 3 Zeichen lang sein.',
      titleTooLong: 'Der Titel darf höchstens 200 Zeichen lang sein.',
      descriptionTooLong: 'Die Beschreibung darf höchstens 20.000 Zeichen lang sein.',
      timeZoneMissing: 'Bitte geben Sie eine Zeitzone an.',
      timeZoneUnknown:
        'Diese Zeitzone ist unbekannt. Bitte verwenden Sie einen IANA-Namen wie Europe/Berlin.',
      startsOnMissing: 'Bitte geben Sie den ersten Tag an.',
      endsOnMissing: 'Bitte geben Sie den letzten Tag an.',
      endBeforeStart: 'Der letzte Tag darf nicht vor dem ersten Tag liegen.',
    },
    logo: {
      title: 'Logo',
      current: 'Aktuelles Logo',
      none: 'Es ist noch kein Logo hochgeladen.',
      file: 'Neues Logo',
      fileHint: 'PNG, JPEG oder WebP, höchstens 1 MB.',
      submit: 'Logo hochladen',
      submitting: 'Wird hochgeladen …',
      uploaded: 'Das neue Logo ist gespeichert.',
      fileMissing: 'Bitte wählen Sie eine Bilddatei aus.',
      wrongType: (name: string) =>
        `„${name}“ ist kein PNG-, JPEG- oder WebP-Bild. Bitte wählen Sie eine Datei in einem dieser Formate.`,
      tooLarge: (size: string) =>
        `Die Datei ist ${size} groß; erlaubt ist höchstens 1 MB. Bitte verkleinern Sie das Bild.`,
      empty: 'Die Datei ist leer. Bitte wählen Sie eine andere Datei.',
      rejectedTooLarge: 'Der Server hat die Datei abgelehnt, weil sie größer als 1 MB ist.',
      rejectedType: 'Der Server nimmt nur PNG-, JPEG- und WebP-Bilder an.',
      rejectedContent:
        'Die Datei ist kein gültiges Bild im angegebenen Format. Bitte speichern Sie das Bild neu als PNG, JPEG oder WebP.',
    },
    members: {
      title: 'Mitglieder',
      listTitle: 'Alle Mitglieder',
      roleFilter: 'Rolle anzeigen',
      allRoles: 'Alle Rollen',
      caption: (count: number) =>
        count === 1 ? '1 Mitglied der Veranstaltung' : `${count} Mitglieder der Veranstaltung`,
      captionForRole: (count: number, role: string) =>
        count === 1
          ? `1 Mitglied mit der Rolle ${role}`
          : `${count} Mitglieder mit der Rolle ${role}`,
      person: 'Name und E-Mail-Adresse',
      role: 'Rolle',
      scopeSession: 'für einen Programmpunkt',
      scopeBooth: 'für einen Stand',
      loadError: 'Die Mitglieder konnten nicht geladen werden.',
      empty: 'Diese Veranstaltung hat noch keine Mitglieder.',
      search: 'Name oder E-Mail-Adresse suchen',
      noMatch: 'Niemand passt zu dieser Suche.',
      showing: (shown: number, total: number) => `${shown} von ${total} werden angezeigt.`,
      showMore: (count: number) => `${count} weitere anzeigen`,
      shown: (count: number) =>
        count === 1 ? '1 Mitglied gefunden.' : `${count} Mitglieder gefunden.`,
    },
    invitation: {
      title: 'Person einladen',
      intro:
        'Die Person bekommt eine E-Mail mit einem Link, über den sie ein Passwort festlegt und sich anmeldet.',
      email: 'E-Mail-Adresse',
      displayName: 'Name',
      displayNameHint: 'So erscheint die Person auf der Plattform.',
      role: 'Rolle',
      locale: 'Sprache der Einladung',
      submit: 'Einladen',
      submitting: 'Einladung wird erstellt …',
      emailMissing: 'Bitte geben Sie die E-Mail-Adresse ein.',
      emailInvalid: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.org.',
      displayNameMissing: 'Bitte geben Sie den Namen ein.',
      displayNameTooLong: 'Der Name darf höchstens 120 Zeichen lang sein.',
      createdTitle: 'Einladung erstellt',
      created: (name: string, email: string) =>
        `${name} ist eingeladen. Die E-Mail an ${email} steht in der Warteschlange und wird in Kürze verschickt.`,
      announced: (name: string) => `Einladung für ${name} erstellt.`,
      link: 'Einladungslink',
      linkHint: (until: string) =>
        `Sie können den Link auch selbst weitergeben. Er gilt bis ${until} und nur für eine Anmeldung.`,
      copy: 'Link kopieren',
      copied: 'Der Link ist in der Zwischenablage.',
      copyManually:
        'Der Link ist markiert. Kopieren Sie ihn mit Strg+C (auf dem Mac mit Befehlstaste+C).',
    },
  },
  notFound: {
    title: 'Seite nicht gefunden',
    text: 'Unter dieser Adresse gibt es keine Seite. Vielleicht ist der Link veraltet.',
    home: 'Zur Startseite',
  },
};

export type Messages = typeof de;
