import { hashSecret } from './secrets';
import { invitationLink, invitationToken } from './invitation-token';

describe('invitation tokens', () => {
  const id = '6d1f3c52-8a3e-4a49-9c55-0c9e7a1e2b11';

  it('derives the same URL-safe token for the same invitation, and another for another', () => {
    const token = invitationToken('s'.repeat(40), id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitationToken('s'.repeat(40), id)).toBe(token);
    expect(invitationToken('s'.repeat(40), '6d1f3c52-8a3e-4a49-9c55-0c9e7a1e2b12')).not.toBe(token);
    expect(invitationToken('t'.repeat(40), id)).not.toBe(token);
    expect(hashSecret(token)).toHaveLength(64);
  });

  it('puts the token in the fragment, which no server receives', () => {
    const link = new URL(invitationLink('https://kongress.example', 'abc'));
    expect(link.pathname).toBe('/invite');
    expect(link.hash).toBe('#abc');
  });
});
