import { createHmac } from 'node:crypto';

/**
 * The secret in an invitation's link, derived from the invitation's id with the server's secret.
 * Only its hash is stored; the api (answering the inviter of a new account) and the worker
 * (writing the e-mail) derive the same token, so no job or table has to hold it.
 */
export function invitationToken(secret: string, invitationId: string): string {
  return createHmac('sha256', `invitation:${secret}`).update(invitationId).digest('base64url');
}

/**
 * The page that answers an invitation. The token rides in the fragment, which browsers send to
 * no server: it stays out of access logs, proxies and Referer headers.
 */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/invite#${token}`;
}
