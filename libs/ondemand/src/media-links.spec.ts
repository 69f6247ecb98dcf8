import { MEDIA_LINK_TTL_SECONDS, MediaLinks } from './media-links';

describe('MediaLinks', () => {
  const links = new MediaLinks('a-secret-that-is-long-enough-for-tests');
  const path = '/api/events/demo/media/slides/1/file';
  const now = Date.UTC(2026, 2, 10, 10);

  function parts(link: string): { exp: string; sig: string } {
    const query = new URLSearchParams(link.split('?')[1]);
    return { exp: query.get('exp') ?? '', sig: query.get('sig') ?? '' };
  }

  it('opens the path it was signed for, until it expires', () => {
    const { exp, sig } = parts(links.sign(path, now));
    expect(links.verify(path, exp, sig, now)).toBe(true);
    expect(links.verify(path, exp, sig, now + (MEDIA_LINK_TTL_SECONDS - 1) * 1000)).toBe(true);
    expect(links.verify(path, exp, sig, now + (MEDIA_LINK_TTL_SECONDS + 1) * 1000)).toBe(false);
  });

  it('opens no other path, and no changed expiry', () => {
    const { exp, sig } = parts(links.sign(path, now));
    expect(links.verify(path.replace('/1/', '/2/'), exp, sig, now)).toBe(false);
    expect(links.verify(path, String(Number(exp) + 3600), sig, now)).toBe(false);
    expect(links.verify(path, exp, undefined, now)).toBe(false);
    expect(new MediaLinks('another-secret-that-is-long-enough').verify(path, exp, sig, now)).toBe(
      false,
    );
  });
});
