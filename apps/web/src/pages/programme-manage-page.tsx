import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../components/document-title';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { describeError } from '../i18n/error-message';
import { useT } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';
import { CataloguePanel } from '../programme/catalogue-panel';
import { ImportPanel } from '../programme/import-panel';
import { useEventRoles, useProgramme } from '../programme/programme-data';
import { SessionEditor } from '../programme/session-editor';

/** The organizer's workbench: sessions, stages, tracks, speakers and schedule import. */
export function ProgrammeManagePage() {
  const t = useT();
  const event = useEvent();
  useDocumentTitle(`${t.manage.title} · ${event.title}`);
  const roles = useEventRoles(event.id);
  const { resource, reload } = useProgramme(event.slug);

  return (
    <>
      <p>
        <Link to={eventPath(event.slug, 'programme')}>{t.programme.backToProgramme}</Link>
      </p>
      <h1>{t.manage.title}</h1>
      {!roles.isOrganizer ? <p className="notice notice-info">{t.manage.forbidden}</p> : null}
      {resource.status === 'loading' ? <Skeleton lines={6} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice
          message={`${t.programme.loadError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      ) : null}
      {resource.status === 'ready' && roles.isOrganizer ? (
        <div className="manage">
          <SessionEditor programme={resource.data} timeZone={event.timeZone} onSaved={reload} />
          <ImportPanel slug={event.slug} onImported={reload} />
          <CataloguePanel programme={resource.data} onChanged={reload} />
        </div>
      ) : null}
    </>
  );
}
