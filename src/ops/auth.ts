import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison; hashing first makes the lengths equal. */
export function tokenMatches(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return m?.[1];
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function unauthorized(reply: FastifyReply, realm: string) {
  return reply.code(401).header('www-authenticate', `Bearer realm="${realm}"`).send({ error: 'unauthorized' });
}

/** onRequest hook: `Authorization: Bearer <token>` or 401. */
export function requireBearer(token: string, realm: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!tokenMatches(bearerToken(request), token)) return unauthorized(reply, realm);
  };
}

export const ADMIN_COOKIE = 'tinflow_admin';

/**
 * onRequest hook for the dashboard: a browser cannot send a bearer header when it
 * follows a link, so `?token=` is accepted once, swapped for an HttpOnly cookie
 * (holding a hash of the token, not the token) and removed from the address bar.
 */
export function requireAdmin(token: string, cookiePath: string) {
  const cookieValue = digest(`tinflow-admin:${token}`).toString('hex');
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (tokenMatches(bearerToken(request), token)) return;
    if (tokenMatches(readCookie(request, ADMIN_COOKIE), cookieValue)) return;
    const url = new URL(request.url, 'http://local');
    const fromQuery = url.searchParams.get('token');
    if (fromQuery !== null && tokenMatches(fromQuery, token)) {
      url.searchParams.delete('token');
      const secure = request.protocol === 'https' ? '; Secure' : '';
      return reply
        .header('set-cookie', `${ADMIN_COOKIE}=${cookieValue}; Path=${cookiePath}; HttpOnly; SameSite=Strict${secure}`)
        .redirect(url.pathname + url.search, 302);
    }
    return unauthorized(reply, 'tinflow admin');
  };
}
