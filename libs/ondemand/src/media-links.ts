import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a signed media link works: a long film, paused and resumed, still plays. */
export const MEDIA_LINK_TTL_SECONDS = 6 * 3600;

/**
 * Signed links for replays, slides and photos. A `<video>`, `<img>` or download link cannot send
 * the bearer token, so the api hands out links that carry their own short-lived proof of access,
 * bound to the one path they open.
 */
export class MediaLinks {
  constructor(private readonly secret: string) {}

  sign(path: string, now = Date.now()): string {
    const expires = Math.floor(now / 1000) + MEDIA_LINK_TTL_SECONDS;
    return `${path}?exp=${expires}&sig=${this.signature(path, expires)}`;
  }

  verify(
    path: string,
    exp: string | undefined,
    sig: string | undefined,
    now = Date.now(),
  ): boolean {
    if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return false;
    const expires = Number(exp);
    if (expires * 1000 < now) return false;
    const expected = Buffer.from(this.signature(path, expires));
    const given = Buffer.from(sig);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private signature(path: string, expires: number): string {
    return createHmac('sha256', this.secret)
      .update(`plenum-media\n${path}\n${expires}`)
      .digest('base64url');
  }
}
