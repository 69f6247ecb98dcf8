import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token in every e-mail's unsubscribe link: who and which event, signed with the server's
 * secret, so the link works without signing in and cannot be forged for someone else.
 */
export function unsubscribeToken(secret: string, userId: string, eventId: string): string {
  const payload = Buffer.from(`${userId}.${eventId}`).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export function readUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; eventId: string } | null {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId, eventId] = Buffer.from(payload, 'base64url').toString().split('.');
  if (!userId || !eventId) return null;
  return { userId, eventId };
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', `unsubscribe:${secret}`).update(payload).digest('base64url');
}
