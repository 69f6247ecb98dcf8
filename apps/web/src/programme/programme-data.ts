import type { Agenda, MeResponse, Programme, SessionView } from '@plenum/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { useAnnounce } from '../components/announcer';
import { useT } from '../i18n/i18n';

export function programmePath(slug: string): string {
  return `/api/events/${encodeURIComponent(slug)}/programme`;
}

export function sessionPagePath(slug: string, id: string): string {
  return `/e/${encodeURIComponent(slug)}/programme/sessions/${id}`;
}

export function speakerPagePath(slug: string, id: string): string {
  return `/e/${encodeURIComponent(slug)}/programme/speakers/${id}`;
}

export function useProgramme(slug: string) {
  // Live states change during the day; the server answers 304-cheap from its cache.
  return useResource<Programme>(programmePath(slug), { refreshMs: 60_000 });
}

/** Which sessions are in the person's agenda, and adding or removing one with a spoken note. */
export function useAgendaIds(slug: string) {
  const t = useT();
  const announce = useAnnounce();
  const { resource, reload } = useResource<Agenda>(
    `/api/events/${encodeURIComponent(slug)}/agenda`,
  );
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    if (resource.status === 'ready') {
      setIds(new Set(resource.data.entries.map((e) => e.session.id)));
    }
  }, [resource]);

  const toggle = useCallback(
    async (session: SessionView) => {
      const path = `/api/events/${encodeURIComponent(slug)}/agenda/sessions/${session.id}`;
      const adding = !ids.has(session.id);
      setBusy(session.id);
      try {
        const agenda = adding ? await api.put<Agenda>(path) : await api.delete<Agenda>(path);
        setIds(new Set(agenda.entries.map((e) => e.session.id)));
        announce(adding ? t.programme.added(session.title) : t.programme.removed(session.title));
      } catch {
        announce(t.programme.agendaFailed);
      } finally {
        setBusy(null);
      }
    },
    [announce, ids, slug, t],
  );

  return { ids, toggle, busy, agenda: resource, reload };
}

/** The signed-in person's roles in this event, for showing organizer and moderator tools. */
export function useEventRoles(eventId: string) {
  const { resource } = useResource<MeResponse>('/api/me');
  return useMemo(() => {
    const memberships =
      resource.status === 'ready'
        ? resource.data.memberships.filter((m) => m.eventId === eventId)
        : [];
    const isOrganizer = memberships.some((m) => m.role === 'organizer' && !m.sessionId);
    const canModerate = (sessionId: string) =>
      memberships.some(
        (m) =>
          (m.role === 'organizer' || m.role === 'moderator') &&
          (!m.sessionId || m.sessionId === sessionId),
      );
    return { isOrganizer, canModerate };
  }, [resource, eventId]);
}

const zoneKey = 'plenum.timeZoneChoice';

export type ZoneChoice = 'event' | 'viewer';

/** Times show in the event's zone; a viewer elsewhere may switch to their own, remembered. */
export function useZoneChoice(eventZone: string) {
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [choice, setChoiceState] = useState<ZoneChoice>(() => {
    try {
      return window.localStorage.getItem(zoneKey) === 'viewer' ? 'viewer' : 'event';
    } catch {
      return 'event';
    }
  });
  const setChoice = useCallback((next: ZoneChoice) => {
    setChoiceState(next);
    try {
      window.localStorage.setItem(zoneKey, next);
    } catch {
      // Without storage the choice lasts for this page.
    }
  }, []);
  return {
    choice,
    setChoice,
    viewerZone,
    eventZone,
    zone: choice === 'viewer' ? viewerZone : eventZone,
  };
}

/** Lower-case text without accents, so "Strasse" finds "Straße" and "yilmaz" finds "Yılmaz". */
export function searchable(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
