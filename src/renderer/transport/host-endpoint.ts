/**
 * An HTTP route of the web host beside its socket: same host, `http(s):`, the launch token carried
 * along as the socket carries it (the page's cookie goes too, with same-origin credentials).
 */
export function endpointBesideSocket(socketUrl: string, pathname: string): string {
  const url = new URL(socketUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.pathname = pathname;
  url.hash = '';
  const token = url.searchParams.get('token');
  url.search = '';
  if (token) url.searchParams.set('token', token);
  return url.toString();
}
