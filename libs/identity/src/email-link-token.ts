import { createHmac } from 'node:crypto';
import type { SignInLinkPurpose } from '@plenum/db';

/**
 * The secret in a password-reset or sign-in link, derived from the link's id with the server's
 * secret (as invitation links are). Only its hash is stored; the worker derives it when it
 * writes the e-mail, so no job holds it.
 */
export function emailLinkToken(secret: string, linkId: string): string {
  return createHmac('sha256', `email-link:${secret}`).update(linkId).digest('base64url');
}

/** The page that uses the link; the token rides in the fragment, which no server receives. */
export function emailLink(publicUrl: string, purpose: SignInLinkPurpose, token: string): string {
  return `${publicUrl}/${purpose === 'password-reset' ? 'reset-password' : 'sign-in-link'}#${token}`;
}

/** How long a link stays valid: a reset for 30 minutes, a sign-in for 15. */
export const emailLinkTtlMs: Record<SignInLinkPurpose, number> = {
  'password-reset': 30 * 60_000,
  'sign-in': 15 * 60_000,
};
