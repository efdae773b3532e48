import { fail } from './graph-http.js';
import type { AccessToken, GraphState, Mailbox } from './state.js';

/** Who is calling (the bearer token the token endpoint issued) and which mailbox the path names. */

export function authenticate(state: GraphState, request: Request): AccessToken {
  const header = request.headers.get('authorization') ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(header);
  if (!m) return fail(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  const token = state.accessTokens.get(m[1]!.trim());
  if (!token || token.revoked) return fail(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
  if (token.expiresAt < Date.now()) return fail(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
  return token;
}

/** `/me/...` (delegated tokens only) or `/users/{address}/...` (an app-only token may name any mailbox). */
export function resolveMailbox(state: GraphState, token: AccessToken, path: string): { mailbox: Mailbox; prefix: string; rest: string } {
  if (path === '/me' || path.startsWith('/me/')) {
    if (!token.mailboxId) fail(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    const mailbox = state.mailboxes.get(token.mailboxId!);
    if (!mailbox) return fail(404, 'ErrorInvalidUser', 'The requested user is invalid.');
    return { mailbox, prefix: '/me', rest: path.slice(3) };
  }
  const m = /^\/users\/([^/]+)(\/.*)?$/.exec(path);
  if (m) {
    const who = decodeURIComponent(m[1]!);
    const mailbox = state.findMailbox(who);
    if (!mailbox) return fail(404, 'ErrorInvalidUser', `The requested user '${who}' is invalid.`);
    if (token.mailboxId && token.mailboxId !== mailbox.id) fail(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    return { mailbox, prefix: `/users/${m[1]}`, rest: m[2] ?? '' };
  }
  return fail(400, 'BadRequest', `Resource not found for the segment '${path.split('/')[1] ?? ''}'.`);
}
