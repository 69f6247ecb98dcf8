import type { BoothView } from '@plenum/contracts';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useResource } from '../api/use-resource';
import { useEventRoles } from '../auth/auth-context';
import { ChatPanel } from '../chat/chat-panel';
import { useDocumentTitle } from '../components/document-title';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { BoothEditor } from '../expo/booth-editor';
import { BoothStatsPanel, useBoothVisit } from '../expo/booth-stats';
import '../expo/expo.css';
import { ContactShare } from '../expo/contact-share';
import { downloadWithToken } from '../expo/download';
import { LeadsPanel } from '../expo/leads-panel';
import { ConversationDesk, TalkToUs } from '../expo/talk-to-us';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';

/** One booth: texts, links, documents, chat; its staff also see the leads. */
export function BoothPage() {
  const { t, intlLocale } = useI18n();
  const event = useEvent();
  const { boothSlug = '' } = useParams();
  const { resource, reload, refresh, replace } = useResource<BoothView>(
    `/api/events/${encodeURIComponent(event.slug)}/booths/${encodeURIComponent(boothSlug)}`,
    // Quietly refreshed so "staff online" and "open" stay current while a visitor reads.
    { refreshMs: 30_000 },
  );
  const booth = resource.status === 'ready' ? resource.data : null;
  useDocumentTitle(`${booth?.organisation ?? t.expo.title} · ${event.title}`);
  useBoothVisit(event.slug, booth?.id);
  const [downloadError, setDownloadError] = useState(false);
  const [editing, setEditing] = useState(false);
  const editorId = useId();
  const roles = useEventRoles(event.slug);
  const isOrganizer = roles.status === 'ready' && roles.roles.includes('organizer');
  const when = (iso: string) =>
    new Date(iso).toLocaleString(intlLocale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <>
      <p>
        <Link to={eventPath(event.slug, 'expo')}>{t.expo.backToHall}</Link>
      </p>
      {resource.status === 'loading' ? <Skeleton lines={6} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice
          message={`${t.expo.boothLoadError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      ) : null}
      {booth ? (
        <article className={`booth-page booth-card-${booth.tier}`}>
          {booth.bannerUrl ? <img className="booth-banner" src={booth.bannerUrl} alt="" /> : null}
          <div className="page-heading">
            {booth.logoUrl ? <img className="booth-logo" src={booth.logoUrl} alt="" /> : null}
            <h1>{booth.organisation}</h1>
          </div>
          <p className="lead">{booth.tagline}</p>
          {booth.canManage ? (
            <p>
              <button
                type="button"
                className="button button-secondary"
                aria-expanded={editing}
                aria-controls={editing ? editorId : undefined}
                onClick={() => setEditing((open) => !open)}
              >
                {editing ? t.expo.edit.close : t.expo.edit.open}
              </button>
            </p>
          ) : null}
          {booth.canManage && editing ? (
            <BoothEditor
              id={editorId}
              slug={event.slug}
              booth={booth}
              isOrganizer={isOrganizer}
              onSaved={replace}
              onChanged={refresh}
            />
          ) : null}
          <p className="session-meta">
            <span className={booth.openNow ? 'tag tag-live' : 'tag'}>
              {booth.openNow ? t.expo.open : t.expo.closed}
            </span>
            <span className={booth.staffOnline > 0 ? 'tag tag-agenda' : 'tag'}>
              {booth.staffOnline > 0 ? t.expo.staffOnline(booth.staffOnline) : t.expo.noStaffOnline}
            </span>
            {booth.topics.map((name) => (
              <span key={name} className="tag tag-track">
                {name}
              </span>
            ))}
          </p>
          <div className="page-sections">
            <section aria-labelledby="booth-about">
              <h2 id="booth-about">{t.expo.about}</h2>
              {/* Rendered on the server from Markdown to an allowlist of tags; see libs/expo. */}
              <div className="prose" dangerouslySetInnerHTML={{ __html: booth.descriptionHtml }} />
              {booth.openingHours.length > 0 ? (
                <>
                  <h3>{t.expo.openingHours}</h3>
                  <ul>
                    {booth.openingHours.map((h) => (
                      <li key={h.opensAt}>
                        <time dateTime={h.opensAt}>{when(h.opensAt)}</time> –{' '}
                        <time dateTime={h.closesAt}>{when(h.closesAt)}</time>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {booth.links.length > 0 ? (
                <>
                  <h3>{t.expo.links}</h3>
                  <ul>
                    {booth.links.map((link) => (
                      <li key={link.url}>
                        <a href={link.url} rel="noopener noreferrer nofollow" target="_blank">
                          {link.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <h3>{t.expo.documents}</h3>
              {booth.documents.length === 0 ? <p className="muted">{t.expo.noDocuments}</p> : null}
              <ul>
                {booth.documents.map((doc) => (
                  <li key={doc.id}>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => {
                        setDownloadError(false);
                        downloadWithToken(doc.url, doc.fileName).catch(() =>
                          setDownloadError(true),
                        );
                      }}
                    >
                      {t.expo.download(doc.title)}
                    </button>{' '}
                    <span className="muted">({Math.max(1, Math.round(doc.bytes / 1024))} KB)</span>
                  </li>
                ))}
              </ul>
              {downloadError ? (
                <p className="field-error" role="alert">
                  {t.expo.downloadFailed}
                </p>
              ) : null}
            </section>
            {booth.canManage ? (
              <ConversationDesk slug={event.slug} boothId={booth.id} />
            ) : (
              <TalkToUs slug={event.slug} boothId={booth.id} staffOnline={booth.staffOnline} />
            )}
            <ContactShare slug={event.slug} boothId={booth.id} />
            <ChatPanel room={`booth:${booth.id}`} eventId={event.id} title={t.expo.chatTitle} />
            {booth.canManage ? <LeadsPanel slug={event.slug} boothId={booth.id} /> : null}
            {booth.canManage ? <BoothStatsPanel slug={event.slug} boothId={booth.id} /> : null}
          </div>
        </article>
      ) : null}
    </>
  );
}
