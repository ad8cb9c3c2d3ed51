/**
 * An HTTP route of the web host beside its socket: same host, `http(s):`, nothing else of the
 * socket's URL. The launch token goes in a header (`authorizationFor`), never in a URL or a cookie.
 */
export function endpointBesideSocket(socketUrl: string, pathname: string): string {
  const url = new URL(socketUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.pathname = pathname;
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** The header the web host's routes take the launch token in (none when the page has no token). */
export function authorizationFor(token: string | null): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}
