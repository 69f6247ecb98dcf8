import type { MemberView, PendingInvitationView, Role } from '@plenum/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Ref } from 'react';
import { api } from '../api/client';
import { asApiError, useResource } from '../api/use-resource';
import { useAnnounce } from '../components/announcer';
import { SelectField, TextField } from '../components/form-parts';
import { EmptyState, ErrorNotice, Skeleton } from '../components/status-blocks';
import type { Messages } from '../i18n/de';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { useEvent } from '../layout/event-layout';
import { InviteForm } from './invite-form';
import { roleOrder } from './roles';

type RoleFilter = Role | 'all';

// A congress has hundreds of attendees; a page of rows keeps the list quick to scan and render.
const pageSize = 50;

function filterMembers(
  members: readonly MemberView[],
  role: RoleFilter,
  query: string,
  intlLocale: string,
): MemberView[] {
  const needle = query.trim().toLocaleLowerCase(intlLocale);
  return members.filter(
    (member) =>
      (role === 'all' || member.role === role) &&
      (needle === '' ||
        member.displayName.toLocaleLowerCase(intlLocale).includes(needle) ||
        member.email.includes(needle)),
  );
}

/** Whom a scoped membership is for; a membership for the whole event needs no note. */
function scopeOf(
  member: Pick<MemberView, 'sessionId' | 'boothId' | 'scopeName'>,
  t: Messages,
): string | null {
  if (member.sessionId) {
    return member.scopeName
      ? t.admin.members.scopeSessionNamed(member.scopeName)
      : t.admin.members.scopeSession;
  }
  if (member.boothId) {
    return member.scopeName
      ? t.admin.members.scopeBoothNamed(member.scopeName)
      : t.admin.members.scopeBooth;
  }
  return null;
}

/** Lets a long address wrap before the @ on narrow screens instead of mid-word. */
function EmailAddress({ email }: { email: string }) {
  const at = email.lastIndexOf('@');
  if (at <= 0) {
    return <>{email}</>;
  }
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}

interface MemberTableProps {
  members: readonly MemberView[];
  caption: string;
  region: Ref<HTMLDivElement>;
}

function MemberTable({ members, caption, region }: MemberTableProps) {
  const { t } = useI18n();
  const captionId = 'members-caption';
  return (
    // Narrow screens scroll the table sideways; the region makes that scroller reachable and
    // named for keyboard and screen reader users.
    <div
      ref={region}
      className="table-scroll"
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className="table">
        <caption id={captionId} className="table-caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.admin.members.person}</th>
            <th scope="col">{t.admin.members.role}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const scope = scopeOf(member, t);
            return (
              <tr key={member.membershipId}>
                <th scope="row">
                  <span className="member-name">{member.displayName}</span>
                  <span className="member-email">
                    <EmailAddress email={member.email} />
                  </span>
                </th>
                <td>
                  <span className="member-role">{t.roles[member.role]}</span>
                  {scope ? <span className="member-scope">{scope}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Existing accounts invited and not yet answered: by the address typed, nothing more. */
function PendingInvitations({ path, version }: { path: string; version: number }) {
  const { t, intlLocale } = useI18n();
  const announce = useAnnounce();
  const { resource, reload, refresh } = useResource<PendingInvitationView[]>(path);
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (version > 0) refresh();
  }, [version, refresh]);
  if (resource.status === 'loading') return null;
  if (resource.status === 'error') {
    return <ErrorNotice message={describeError(resource.error, t)} onRetry={reload} />;
  }
  if (resource.data.length === 0) return null;
  const until = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium' });
  const withdraw = async (invitation: PendingInvitationView) => {
    setProblem(null);
    try {
      await api.delete(`${path}/${invitation.invitationId}`);
      announce(t.admin.invitation.withdrawn(invitation.email));
      refresh();
      // The row and its button go away; the list's heading keeps the place.
      heading.current?.focus();
    } catch (error) {
      setProblem(describeError(asApiError(error), t));
    }
  };
  return (
    <div className="admin-block">
      <h3 ref={heading} tabIndex={-1}>
        {t.admin.invitation.pendingTitle}
      </h3>
      <p className="muted">{t.admin.invitation.pendingHint}</p>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      <ul className="pending-invitations">
        {resource.data.map((invitation) => {
          const scope = scopeOf(invitation, t);
          return (
            <li key={invitation.invitationId}>
              <span className="member-email">
                <EmailAddress email={invitation.email} />
              </span>{' '}
              <span className="member-role">{t.roles[invitation.role]}</span>
              {scope ? <span className="member-scope"> {scope}</span> : null}{' '}
              <span className="muted">
                ({t.admin.invitation.pendingUntil(until.format(new Date(invitation.expiresAt)))})
              </span>{' '}
              <button
                type="button"
                className="button button-secondary"
                aria-label={t.admin.invitation.withdrawLabel(invitation.email)}
                onClick={() => void withdraw(invitation)}
              >
                {t.admin.invitation.withdraw}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function MembersSection({ headingId }: { headingId: string }) {
  const { t, intlLocale } = useI18n();
  const event = useEvent();
  const announce = useAnnounce();
  const { resource, reload, refresh } = useResource<MemberView[]>(
    `/api/events/${encodeURIComponent(event.slug)}/members`,
  );
  const [invitedCount, setInvitedCount] = useState(0);
  const [roleFilter, setRoleFilter] = useState<RoleFilter>('all');
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(pageSize);
  const tableRegion = useRef<HTMLDivElement>(null);

  const sorted = useMemo(() => {
    if (resource.status !== 'ready') {
      return [];
    }
    const collator = new Intl.Collator(intlLocale, { sensitivity: 'base' });
    return [...resource.data].sort((a, b) => collator.compare(a.displayName, b.displayName));
  }, [resource, intlLocale]);

  const matching = useMemo(
    () => filterMembers(sorted, roleFilter, query, intlLocale),
    [sorted, roleFilter, query, intlLocale],
  );
  const visible = matching.slice(0, limit);

  // Say how many match once typing pauses, not after every keystroke.
  const announceTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(announceTimer.current), []);

  const changeFilter = (nextRole: RoleFilter, nextQuery: string) => {
    setRoleFilter(nextRole);
    setQuery(nextQuery);
    setLimit(pageSize);
    const count = filterMembers(sorted, nextRole, nextQuery, intlLocale).length;
    window.clearTimeout(announceTimer.current);
    announceTimer.current = window.setTimeout(() => announce(t.admin.members.shown(count)), 600);
  };

  const showMore = () => {
    const next = limit + pageSize;
    setLimit(next);
    // The button goes away with the last page; focus would fall back to the page's start.
    if (next >= matching.length) {
      tableRegion.current?.focus();
    }
  };

  const filterOptions = [
    { value: 'all' as const, label: t.admin.members.allRoles },
    ...roleOrder.map((role) => ({ value: role, label: t.roles[role] })),
  ];
  const caption =
    roleFilter === 'all'
      ? t.admin.members.caption(matching.length)
      : t.admin.members.captionForRole(matching.length, t.roles[roleFilter]);
  const empty =
    roleFilter === 'all' && query.trim() === '' ? t.admin.members.empty : t.admin.members.noMatch;

  return (
    <>
      <h2 id={headingId}>{t.admin.members.title}</h2>
      <div className="admin-block">
        <h3>{t.admin.invitation.title}</h3>
        <InviteForm
          onInvited={() => {
            refresh();
            setInvitedCount((n) => n + 1);
          }}
        />
      </div>
      <PendingInvitations
        path={`/api/events/${encodeURIComponent(event.slug)}/invitations`}
        version={invitedCount}
      />
      <div className="admin-block" aria-busy={resource.status === 'loading' || undefined}>
        <h3>{t.admin.members.listTitle}</h3>
        <div className="members-filters">
          <TextField
            idPrefix="members"
            name="search"
            label={t.admin.members.search}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(change) => changeFilter(roleFilter, change.target.value)}
          />
          <SelectField
            idPrefix="members"
            name="roleFilter"
            label={t.admin.members.roleFilter}
            options={filterOptions}
            value={roleFilter}
            onValueChange={(role) => changeFilter(role, query)}
          />
        </div>
        {resource.status === 'loading' ? <Skeleton lines={4} /> : null}
        {resource.status === 'error' ? (
          <ErrorNotice
            message={`${t.admin.members.loadError} ${describeError(resource.error, t)}`}
            onRetry={reload}
          />
        ) : null}
        {resource.status === 'ready' && matching.length === 0 ? (
          <EmptyState>
            <p>{empty}</p>
          </EmptyState>
        ) : null}
        {resource.status === 'ready' && matching.length > 0 ? (
          <>
            <MemberTable members={visible} caption={caption} region={tableRegion} />
            {visible.length < matching.length ? (
              <div className="members-more">
                <p className="muted">{t.admin.members.showing(visible.length, matching.length)}</p>
                <button type="button" className="button button-secondary" onClick={showMore}>
                  {t.admin.members.showMore(Math.min(pageSize, matching.length - visible.length))}
                </button>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </>
  );
}
