/**
 * @module Safety for every response: a strict Content-Security-Policy (no inline script or
 * style), nosniff, no referrer, no framing; and, when the server listens beyond loopback, a
 * token required by `Authorization: Bearer`, or given once as `?token=` which sets an HttpOnly
 * cookie and redirects to the same address without it.
 */
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
};

const COOKIE = 'storyline_token';

/** Whether a secret given by a client is the expected one, in constant time. */
export const sameSecret = (given: string | undefined, token: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Requires `token` on every request. */
export function requireToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1]?.trim();
    if (sameSecret(bearer, token) || sameSecret(getCookie(c, COOKIE), token)) return next();
    const fromQuery = c.req.query('token');
    // A feed reader keeps the address it was given, and no cookie: a feed takes its token as is.
    if (sameSecret(fromQuery, token) && c.req.path.endsWith('.atom')) return next();
    if (sameSecret(fromQuery, token)) {
      const url = new URL(c.req.url);
      // Behind a proxy that ends TLS, the request is taken as made to the https address (public-origin.ts).
      setCookie(c, COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure: url.protocol === 'https:' });
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    const wantsJson = c.req.path.startsWith('/api/') || !(c.req.header('Accept') ?? '').includes('text/html');
    c.header('WWW-Authenticate', 'Bearer realm="storyline"');
    if (wantsJson) return c.json({ error: 'unauthorized', message: 'this Storyline server needs its access token (Authorization: Bearer <token>)' }, 401);
    return c.html('<!doctype html><title>Storyline: token needed</title><p>This Storyline server needs its access token: open the address printed when it started (it ends in <code>?token=…</code>).</p>', 401);
  };
}

/** True for addresses only this machine can reach. */
export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
