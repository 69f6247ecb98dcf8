import type { NotificationView } from '@plenum/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { liveSocket } from '../chat/live-connection';
import { useAnnounce } from '../components/announcer';
import { useT } from '../i18n/i18n';

/** The toast is also announced through the app's one live region (see Announcer). */
const TOAST_MS = 8_000;

/**
 * The bell in the event's navigation: the person's notifications for this event, new ones
 * pushed over /live to `user:<id>` and shown as a toast that screen readers announce.
 */
export function NotificationBell({ eventId, slug }: { eventId: string; slug: string }) {
  const t = useT();
  const announce = useAnnounce();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [toast, setToast] = useState<NotificationView | null>(null);
  const { resource, replace, reload } = useResource<NotificationView[]>(
    `/api/events/${encodeURIComponent(slug)}/notifications`,
  );
  const items = resource.status === 'ready' ? resource.data : [];
  const itemsRef = useRef(items);
  itemsRef.current = items;

  useEffect(() => {
    const socket = liveSocket();
    const onNew = (n: NotificationView) => {
      if (n.eventId !== eventId) return;
      // The worker pushes at least once: a copy after a crash has the same id and is ignored.
      if (itemsRef.current.some((i) => i.id === n.id)) return;
      replace([n, ...itemsRef.current]);
      setToast(n);
      announce(`${t.reminders.toastLabel}: ${n.title}`);
    };
    socket.on('notification:new', onNew);
    return () => {
      socket.off('notification:new', onNew);
    };
  }, [eventId, replace, announce, t]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  const unread = items.filter((n) => !n.readAt).length;

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && unread > 0) {
      const now = new Date().toISOString();
      void api
        .post(`/api/events/${encodeURIComponent(slug)}/notifications/read`)
        .then(() => replace(itemsRef.current.map((n) => (n.readAt ? n : { ...n, readAt: now }))));
    }
  };

  return (
    <div className="notification-bell">
      <button
        type="button"
        className="button button-secondary button-small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        {t.reminders.bell}
        {unread > 0 ? (
          <span className="notification-count"> ({t.reminders.unread(unread)})</span>
        ) : null}
      </button>
      {open ? (
        <div
          id={panelId}
          className="notification-panel"
          role="region"
          aria-label={t.reminders.listTitle}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          {resource.status === 'error' ? (
            <p>
              {t.reminders.loadError}{' '}
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={reload}
              >
                {t.app.retry}
              </button>
            </p>
          ) : resource.status === 'loading' ? (
            <p aria-busy="true">…</p>
          ) : items.length === 0 ? (
            <p>{t.reminders.empty}</p>
          ) : (
            <ul className="notification-list">
              {items.map((n) => (
                <li
                  key={n.id}
                  className={n.readAt ? 'notification' : 'notification notification-unread'}
                >
                  <p className="notification-title">
                    {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
                  </p>
                  <p className="notification-body">{n.body}</p>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to={`/e/${encodeURIComponent(slug)}/reminders`}>
              {t.reminders.preferencesLink}
            </Link>
          </p>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setOpen(false)}
          >
            {t.reminders.close}
          </button>
        </div>
      ) : null}
      {toast ? (
        <aside className="notification-toast" aria-label={t.reminders.toastLabel}>
          <p className="notification-title">{toast.title}</p>
          <p className="notification-body">{toast.body}</p>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setToast(null)}
          >
            {t.reminders.close}
          </button>
        </aside>
      ) : null}
    </div>
  );
}
