import { allows, visitorPolicy } from './policy';
import type { MembershipRole } from './policy';

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
