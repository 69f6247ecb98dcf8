import { LivePlace } from './live-connection';

const session = (id: string) => ({ sessionId: id });

describe('LivePlace.can', () => {
  it('checks the action against the place with the shared policy', () => {
    const stage = new LivePlace(
      'session:s1',
      'session',
      's1',
      'e1',
      [{ role: 'moderator', sessionId: 's1', boothId: null }],
      [session('s1')],
    );
    expect(stage.can('chat.moderate')).toBe(true);
    expect(stage.can('event.member')).toBe(true);
    // A session moderator moderates that session only, not the lobby.
    expect(stage.can('chat.moderate', {})).toBe(false);
    expect(stage.can('programme.edit')).toBe(false);
  });

  it('allows an action on a place of several targets if one of them allows it', () => {
    const backstage = new LivePlace(
      'backstage:st1',
      'backstage',
      'st1',
      'e1',
      [{ role: 'speaker', sessionId: 's2', boothId: null }],
      [session('s1'), session('s2')],
    );
    expect(backstage.can('session.present')).toBe(true);
    expect(backstage.can('session.moderate')).toBe(false);
  });

  it('allows nothing to someone without roles in the event', () => {
    const lobby = new LivePlace('event:e1', 'event', 'e1', 'e1', [], [{}]);
    expect(lobby.can('event.member')).toBe(false);
  });
});
