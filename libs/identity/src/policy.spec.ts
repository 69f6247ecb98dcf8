import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@plenum/contracts';
import { allows, eventActions, eventPolicy, installationPolicy, visitorPolicy } from './policy';
import type { InstallationAction, MembershipRole } from './policy';

const scoped = (
  role: MembershipRole['role'],
  target: { sessionId?: string; boothId?: string },
) => ({
  role,
  sessionId: target.sessionId ?? null,
  boothId: target.boothId ?? null,
});

describe('policy: allows', () => {
  it('lets a role held for one session or booth act as an attendee of the whole event', () => {
    const speaker = [scoped('speaker', { sessionId: 's1' })];
    const staff = [scoped('exhibitor', { boothId: 'b1' })];
    for (const roles of [speaker, staff]) {
      expect(allows(roles, 'event.member')).toBe(true);
      expect(allows(roles, 'event.member', { sessionId: 'other' })).toBe(true);
      expect(allows(roles, 'media.view')).toBe(true);
    }
  });

  it('allows a scoped role its rights only on its own session or booth', () => {
    const speaker = [scoped('speaker', { sessionId: 's1' })];
    expect(allows(speaker, 'session.present', { sessionId: 's1' })).toBe(true);
    expect(allows(speaker, 'session.present', { sessionId: 's2' })).toBe(false);
    expect(allows(speaker, 'slides.share', { sessionId: 's1' })).toBe(true);
    expect(allows(speaker, 'slides.share', { sessionId: 's2' })).toBe(false);
    const staff = [scoped('exhibitor', { boothId: 'b1' })];
    expect(allows(staff, 'booth.manage', { boothId: 'b1' })).toBe(true);
    expect(allows(staff, 'booth.manage', { boothId: 'b2' })).toBe(false);
    expect(allows(staff, 'programme.edit')).toBe(false);
  });

  it('allows an event-wide role everywhere in the event, and nothing without a membership', () => {
    const organizer = [scoped('organizer', {})];
    expect(allows(organizer, 'booth.manage', { boothId: 'b9' })).toBe(true);
    expect(allows(organizer, 'session.moderate', { sessionId: 's9' })).toBe(true);
    expect(allows([], 'event.member')).toBe(false);
    expect(allows([scoped('attendee', {})], 'programme.edit')).toBe(false);
  });

  it('lets workshop hosts be organizers, moderators and speakers of that workshop only', () => {
    expect(allows([scoped('organizer', {})], 'workshop.host', { sessionId: 's1' })).toBe(true);
    expect(
      allows([scoped('moderator', { sessionId: 's1' })], 'workshop.host', { sessionId: 's1' }),
    ).toBe(true);
    const speaker = [scoped('speaker', { sessionId: 's1' })];
    expect(allows(speaker, 'workshop.host', { sessionId: 's1' })).toBe(true);
    expect(allows(speaker, 'workshop.host', { sessionId: 's2' })).toBe(false);
    expect(allows([scoped('attendee', {})], 'workshop.host', { sessionId: 's1' })).toBe(false);
    expect(allows([scoped('exhibitor', {})], 'workshop.host', { sessionId: 's1' })).toBe(false);
  });

  it('lets visitors see media only where the event made them public', () => {
    const mediaView = visitorPolicy['media.view'];
    expect(mediaView?.({ mediaAccess: 'public' } as never)).toBe(true);
    expect(mediaView?.({ mediaAccess: 'registered' } as never)).toBe(false);
    expect(visitorPolicy['programme.edit']).toBeUndefined();
  });

  it('gives a speaker role held for the whole event no session rights of its own', () => {
    const everywhere = [scoped('speaker', {})];
    expect(allows(everywhere, 'event.member')).toBe(true);
    expect(allows(everywhere, 'session.present', { sessionId: 's1' })).toBe(false);
    expect(allows(everywhere, 'slides.share', { sessionId: 's1' })).toBe(false);
    expect(
      allows([...everywhere, scoped('speaker', { sessionId: 's1' })], 'slides.share', {
        sessionId: 's1',
      }),
    ).toBe(true);
  });
});

/** The rows of the Markdown table under a heading of docs/architecture.md, cells trimmed. */
function documentedTable(heading: string): string[][] {
  const text = readFileSync(join(__dirname, '../../../docs/architecture.md'), 'utf8');
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`docs/architecture.md has no "${heading}"`);
  const lines = text.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  }
  return rows.filter((r) => !r.every((c) => /^-+$/.test(c)));
}

const name = (cell: string) => cell.replace(/`/g, '');

describe('policy: the table in docs/architecture.md', () => {
  it('lists every event action with exactly the roles and visitors the policy allows', () => {
    const [head, ...rows] = documentedTable('### Who may do what');
    const roles = head!.slice(1, -1);
    expect(roles).toEqual(['organizer', 'moderator', 'speaker', 'exhibitor', 'attendee']);
    expect(head!.at(-1)).toBe('visitor');
    const documented = Object.fromEntries(
      rows.map((r) => [
        name(r[0]!),
        {
          roles: roles.filter((_, i) => r[i + 1] !== '—'),
          visitor: r.at(-1) !== '—',
        },
      ]),
    );
    const actual = Object.fromEntries(
      eventActions.map((action) => [
        action,
        {
          roles: roles.filter((role) => eventPolicy[action].includes(role as Role)),
          visitor: Boolean(visitorPolicy[action]),
        },
      ]),
    );
    expect(documented).toEqual(actual);
  });

  it('lists every installation action with the roles that allow it', () => {
    const [head, ...rows] = documentedTable('### Installation actions');
    expect(head).toEqual(['action', 'installation admin', 'organizer of any event', 'anyone else']);
    const documented = Object.fromEntries(
      rows.map((r) => [name(r[0]!), { admin: r[1], organizer: r[2] !== '—', anyone: r[3] }]),
    );
    const actual = Object.fromEntries(
      (Object.keys(installationPolicy) as InstallationAction[]).map((action) => [
        action,
        {
          admin: '✓',
          organizer: installationPolicy[action].includes('organizer'),
          anyone: '—',
        },
      ]),
    );
    expect(documented).toEqual(actual);
  });
});
