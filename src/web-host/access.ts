/**
 * Who may talk to the web host. Every request must name us by a loopback Host; the routes that
 * touch dossiers (the socket, GET /api/document, PUT /api/stage) also need the per-launch token,
 * which the page sends itself: in an `Authorization: Bearer` header, or as a socket subprotocol.
 * Never a cookie: cookies are scoped by host, not port, so any other server on 127.0.0.1 would
 * receive it and any page it serves would have it sent along. Cookies are not read at all.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { tokensOffered } from '../shared/ws-protocol';

/** 32 random bytes, base64url: unguessable, safe in URLs and as a subprotocol name without escaping. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing both sides first gives timingSafeEqual equal lengths. */
export function tokenMatches(candidate: unknown, token: string): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0) return false;
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** The HTTP routes: `Authorization: Bearer <token>` (a header a page elsewhere cannot add for us). */
export function bearerAllowed(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer ([^\s,]+)$/i.exec(req.headers.authorization ?? '');
  return tokenMatches(match?.[1], token);
}

/** The socket: the token offered as a subprotocol (`dossier.token.<token>`). */
export function socketTokenAllowed(req: IncomingMessage, token: string): boolean {
  return tokensOffered(req.headers['sec-websocket-protocol']).some((offered) => tokenMatches(offered, token));
}

/**
 * The page may be opened without a token (a reload: the page keeps it in sessionStorage and has
 * cleaned it from the address bar); a link with a token that is not this launch's (one printed
 * by an earlier run) is refused, so it fails with a message rather than a page that cannot connect.
 */
export function pageQueryAllowed(url: URL, token: string): boolean {
  const given = url.searchParams.getAll('token');
  return given.length === 0 || given.every((value) => tokenMatches(value, token));
}

/** The names a browser on this machine may use for us. */
export function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** DNS-rebinding defence: a page served from another name that resolves to 127.0.0.1 is refused. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && loopbackHosts(port).includes(host);
}

/** Only pages we served may open the socket (WebSockets are not bound by the same-origin policy). */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin?.toLowerCase();
  return origin !== undefined && loopbackHosts(port).some((host) => origin === `http://${host}`);
}
