import { sessionKinds } from '@plenum/contracts';
import type { Programme, SessionKind, SessionView } from '@plenum/contracts';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useAnnounce } from '../components/announcer';
import { useDocumentTitle } from '../components/document-title';
import { NowNext } from '../components/now-next';
import { EmptyState, ErrorNotice, Skeleton } from '../components/status-blocks';
import { eventDayKey } from '../format/dates';
import { formatDayHeading } from '../format/day-heading';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';
import {
  searchable,
  useAgendaIds,
  useEventRoles,
  useProgramme,
  useZoneChoice,
} from '../programme/programme-data';
import { SessionCard } from '../programme/session-card';
import { ZoneSwitch } from '../programme/zone-switch';

type View = 'day' | 'stage' | 'track';

interface Group {
  key: string;
  title: string;
  sessions: SessionView[];
}

/** The public programme: by day, stage or track, with search, filters and now-and-next. */
export function ProgrammePage() {
  const { t, intlLocale } = useI18n();
  const event = useEvent();
  const announce = useAnnounce();
  useDocumentTitle(`${t.programme.title} · ${event.title}`);
  const { resource, reload } = useProgramme(event.slug);
  const agenda = useAgendaIds(event.slug);
  const roles = useEventRoles(event.id);
  const zone = useZoneChoice(event.timeZone);

  const [query, setQuery] = useState('');
  const [view, setView] = useState<View>('day');
  const [kind, setKind] = useState<SessionKind | ''>('');
  const [trackId, setTrackId] = useState('');
  const [stageId, setStageId] = useState('');
  const [day, setDay] = useState<string | null>(null);

  const programme = resource.status === 'ready' ? resource.data : null;

  const matches = useMemo(() => {
    if (!programme) return [];
    const words = searchable(query).split(/\s+/).filter(Boolean);
    const speakers = new Map(programme.speakers.map((s) => [s.id, s]));
    return programme.sessions.filter((s) => {
      if (kind && s.kind !== kind) return false;
      if (trackId && (s.trackId ?? 'none') !== trackId) return false;
      if (stageId && (s.stageId ?? 'none') !== stageId) return false;
      if (!words.length) return true;
      const haystack = searchable(
        [
          s.title,
          s.abstract,
          ...s.speakers.flatMap((p) => {
            const profile = speakers.get(p.id);
            return [p.name, profile?.organisation ?? ''];
          }),
        ].join(' '),
      );
      return words.every((w) => haystack.includes(w));
    });
  }, [programme, query, kind, trackId, stageId]);

  const days = useMemo(() => {
    if (!programme) return [];
    const keys = new Set(programme.sessions.map((s) => eventDayKey(s.startsAt, zone.zone)));
    if (zone.choice === 'event') for (const d of programme.days) keys.add(d);
    return [...keys].sort();
  }, [programme, zone.zone, zone.choice]);

  // Open on today when the congress is on, else on its first day.
  useEffect(() => {
    if (!days.length) return;
    if (day && days.includes(day)) return;
    const today = eventDayKey(new Date().toISOString(), zone.zone);
    setDay(days.includes(today) ? today : (days[0] ?? null));
  }, [days, day, zone.zone]);

  const groups = useMemo(
    () => (programme ? groupSessions(programme, matches, view, day, zone.zone, t, intlLocale) : []),
    [programme, matches, view, day, zone.zone, t, intlLocale],
  );
  const shown = groups.reduce((n, g) => n + g.sessions.length, 0);
  const filtering = Boolean(query || kind || trackId || stageId);

  // Tell screen reader users how many results a search or filter left, once they pause.
  useEffect(() => {
    if (!programme || !filtering) return;
    const timer = window.setTimeout(() => announce(t.programme.results(shown)), 600);
    return () => window.clearTimeout(timer);
  }, [announce, filtering, programme, shown, t]);

  return (
    <>
      <div className="page-heading">
        <h1>{t.programme.title}</h1>
        <p className="page-heading-links">
          <Link to={eventPath(event.slug, 'agenda')}>{t.agenda.title}</Link>
          {roles.isOrganizer ? (
            <Link to={`${eventPath(event.slug, 'programme')}/manage`}>{t.programme.manage}</Link>
          ) : null}
        </p>
      </div>
      <NowNext event={event} />
      <section className="programme" aria-labelledby="programme-list-title">
        <h2 id="programme-list-title" className="visually-hidden">
          {t.programme.title}
        </h2>
        <form className="programme-controls" role="search" onSubmit={(e) => e.preventDefault()}>
          <div className="field programme-search">
            <label htmlFor="programme-search" className="field-label">
              {t.programme.searchLabel}
            </label>
            <input
              id="programme-search"
              type="search"
              className="field-input"
              value={query}
              placeholder={t.programme.searchPlaceholder}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          <fieldset className="programme-filters">
            <legend className="visually-hidden">{t.programme.filters}</legend>
            <SelectField
              id="programme-view"
              label={t.programme.view}
              value={view}
              onChange={(v) => setView(v as View)}
            >
              <option value="day">{t.programme.byDay}</option>
              <option value="stage">{t.programme.byStage}</option>
              <option value="track">{t.programme.byTrack}</option>
            </SelectField>
            <SelectField
              id="programme-kind"
              label={t.programme.kind}
              value={kind}
              onChange={(v) => setKind(v as SessionKind | '')}
            >
              <option value="">{t.programme.all}</option>
              {sessionKinds.map((k) => (
                <option key={k} value={k}>
                  {t.sessionKinds[k]}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="programme-track"
              label={t.programme.track}
              value={trackId}
              onChange={setTrackId}
            >
              <option value="">{t.programme.all}</option>
              {programme?.tracks.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
              <option value="none">{t.programme.noTrack}</option>
            </SelectField>
            <SelectField
              id="programme-stage"
              label={t.programme.stage}
              value={stageId}
              onChange={setStageId}
            >
              <option value="">{t.programme.all}</option>
              {programme?.stages.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
              <option value="none">{t.programme.noStage}</option>
            </SelectField>
            {filtering ? (
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  setQuery('');
                  setKind('');
                  setTrackId('');
                  setStageId('');
                }}
              >
                {t.programme.resetFilters}
              </button>
            ) : null}
          </fieldset>
          <ZoneSwitch
            choice={zone.choice}
            onChange={zone.setChoice}
            eventZone={zone.eventZone}
            viewerZone={zone.viewerZone}
          />
        </form>

        {resource.status === 'loading' ? <Skeleton lines={8} /> : null}
        {resource.status === 'error' ? (
          <ErrorNotice
            message={`${t.programme.loadError} ${describeError(resource.error, t)}`}
            onRetry={reload}
          />
        ) : null}
        {programme && programme.sessions.length === 0 ? (
          <EmptyState>
            <p>{t.programme.noSessions}</p>
          </EmptyState>
        ) : null}
        {programme && programme.sessions.length > 0 ? (
          <>
            {view === 'day' ? (
              <div className="toggle-group day-switch" role="group" aria-label={t.programme.days}>
                {days.map((d) => (
                  <button
                    key={d}
                    type="button"
                    className="toggle"
                    aria-pressed={d === day}
                    onClick={() => setDay(d)}
                  >
                    {formatDayHeading(d, intlLocale)}
                  </button>
                ))}
              </div>
            ) : null}
            <p className="muted" aria-live="off">
              {t.programme.timesIn(zone.zone)} · {t.programme.results(shown)}
            </p>
            {shown === 0 ? (
              <EmptyState title={t.programme.emptyTitle}>
                <p>{t.programme.emptyText}</p>
              </EmptyState>
            ) : (
              groups.map((group) => (
                <section
                  key={group.key}
                  className="programme-group"
                  aria-labelledby={`group-${group.key}`}
                >
                  <h2 id={`group-${group.key}`} className="programme-group-title">
                    {group.title}
                  </h2>
                  <ul className="session-list">
                    {group.sessions.map((session) => (
                      <SessionCard
                        key={session.id}
                        session={session}
                        programme={programme}
                        zone={zone.zone}
                        showDay={view !== 'day'}
                        agenda={{
                          inAgenda: agenda.ids.has(session.id),
                          busy: agenda.busy === session.id,
                          onToggle: () => void agenda.toggle(session),
                        }}
                      />
                    ))}
                  </ul>
                </section>
              ))
            )}
          </>
        ) : null}
      </section>
    </>
  );
}

function SelectField({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  return (
    <div className="field field-compact">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className="field-input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
    </div>
  );
}

function groupSessions(
  programme: Programme,
  sessions: SessionView[],
  view: View,
  day: string | null,
  zone: string,
  t: ReturnType<typeof useI18n>['t'],
  intlLocale: string,
): Group[] {
  if (view === 'day') {
    const onDay = sessions.filter((s) => eventDayKey(s.startsAt, zone) === day);
    return day
      ? [{ key: `day-${day}`, title: formatDayHeading(day, intlLocale), sessions: onDay }]
      : [];
  }
  const entries =
    view === 'stage'
      ? [
          ...programme.stages.map((s) => ({ id: s.id, name: s.name })),
          { id: '', name: t.programme.noStage },
        ]
      : [
          ...programme.tracks.map((s) => ({ id: s.id, name: s.name })),
          { id: '', name: t.programme.noTrack },
        ];
  return entries
    .map((entry) => ({
      key: `${view}-${entry.id || 'none'}`,
      title: entry.name,
      sessions: sessions.filter(
        (s) => ((view === 'stage' ? s.stageId : s.trackId) ?? '') === entry.id,
      ),
    }))
    .filter((g) => g.sessions.length > 0);
}
