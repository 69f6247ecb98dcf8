import { Link } from 'react-router-dom';
import { EventSettingsForm } from '../admin/event-settings-form';
import { LogoForm } from '../admin/logo-form';
import { MembersSection } from '../admin/members-section';
import { useEventRoles } from '../auth/auth-context';
import { useDocumentTitle } from '../components/document-title';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { describeError } from '../i18n/error-message';
import { RemindersAdminSection } from '../reminders/reminders-admin-section';
import { useT } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';

const sections = {
  settings: 'admin-settings',
  logo: 'admin-logo',
  members: 'admin-members',
  reminders: 'admin-reminders',
} as const;

/**
 * The organizers' page: event details, logo and members. The navigation only links here for
 * organizers; anyone else who opens the address is told so plainly, and the api refuses them
 * anyway.
 */
export function AdminPage() {
  const t = useT();
  const event = useEvent();
  const roles = useEventRoles(event.slug);
  const isOrganizer = roles.status === 'ready' && roles.roles.includes('organizer');
  const noAccess = roles.status === 'ready' && !isOrganizer;
  useDocumentTitle(`${noAccess ? t.admin.noAccessTitle : t.admin.title} · ${event.title}`);

  if (roles.status === 'loading') {
    return (
      <>
        <h1>{t.admin.title}</h1>
        <Skeleton lines={6} />
      </>
    );
  }
  if (roles.status === 'error') {
    return (
      <>
        <h1>{t.admin.title}</h1>
        <ErrorNotice
          message={`${t.admin.rolesLoadError} ${describeError(roles.error, t)}`}
          onRetry={roles.retry}
        />
      </>
    );
  }
  if (!isOrganizer) {
    return (
      <>
        <h1>{t.admin.noAccessTitle}</h1>
        <p className="lead">{t.admin.noAccessText}</p>
        <p>
          <Link to={eventPath(event.slug)}>{t.event.backToEvent}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{t.admin.title}</h1>
      <p className="lead">{t.admin.intro}</p>
      <nav className="page-sections" aria-label={t.admin.sections}>
        <ul>
          <li>
            <a href={`#${sections.settings}`}>{t.admin.settings.title}</a>
          </li>
          <li>
            <a href={`#${sections.logo}`}>{t.admin.logo.title}</a>
          </li>
          <li>
            <a href={`#${sections.members}`}>{t.admin.members.title}</a>
          </li>
          <li>
            <a href={`#${sections.reminders}`}>{t.reminders.adminTitle}</a>
          </li>
          <li>
            <Link to={`${eventPath(event.slug)}/reports`}>{t.reports.title}</Link>
          </li>
          <li>
            <Link to="/events/new">{t.home.createEvent}</Link>
          </li>
        </ul>
      </nav>
      <section className="admin-section" aria-labelledby={sections.settings}>
        <h2 id={sections.settings}>{t.admin.settings.title}</h2>
        <EventSettingsForm />
      </section>
      <section className="admin-section" aria-labelledby={sections.logo}>
        <h2 id={sections.logo}>{t.admin.logo.title}</h2>
        <LogoForm />
      </section>
      <section className="admin-section" aria-labelledby={sections.members}>
        <MembersSection headingId={sections.members} />
      </section>
      <section className="admin-section" aria-labelledby={sections.reminders}>
        <RemindersAdminSection headingId={sections.reminders} />
      </section>
    </>
  );
}
