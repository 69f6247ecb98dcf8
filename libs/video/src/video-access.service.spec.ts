import { randomUUID } from 'node:crypto';
import type { MembershipRole } from '@plenum/identity';
import { speaksOn } from './video-access.service';

describe('speaksOn', () => {
  const session = randomUUID();
  const other = randomUUID();

  it('counts a speaker role on one of the sessions, from a membership or a profile', () => {
    const roles: MembershipRole[] = [
      { role: 'attendee', sessionId: null, boothId: null },
      { role: 'speaker', sessionId: session, boothId: null },
    ];
    expect(speaksOn(roles, [other, session])).toBe(true);
    expect(speaksOn(roles, [other])).toBe(false);
    expect(speaksOn(roles, [])).toBe(false);
  });

  it('does not count an event-wide speaker role, or another role on the session', () => {
    const roles: MembershipRole[] = [
      { role: 'speaker', sessionId: null, boothId: null },
      { role: 'moderator', sessionId: session, boothId: null },
    ];
    expect(speaksOn(roles, [session])).toBe(false);
  });
});
