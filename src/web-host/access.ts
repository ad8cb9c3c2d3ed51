/**
 * Who may talk to the web host: requests on a loopback Host name carrying the per-launch token
 * (in the query or in the cookie set on the first page load), sockets also from our own origin.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** 32 random bytes, base64url: unguessable and safe in URLs and cookies without escaping. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing both sides first gives timingSafeEqual equal lengths. */
export function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0) return false;
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** Cookies are scoped by host, not by port: the port in the name keeps two launches apart. */
export function tokenCookieName(port: number): string {
  return `dossier_token_${port}`;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

export interface TokenCheck {
  ok: boolean;
  /** The token came in the query: the response should set the cookie for later requests. */
  fromQuery: boolean;
}

export function checkToken(req: IncomingMessage, url: URL, port: number, token: string): TokenCheck {
  const fromQuery = url.searchParams.getAll('token').some((value) => tokenMatches(value, token));
  if (fromQuery) return { ok: true, fromQuery };
  const fromCookie = cookieValues(req.headers.cookie, tokenCookieName(port)).some((value) =>
    tokenMatches(value, token),
  );
  return { ok: fromCookie, fromQuery: false };
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
