import { isTokenShaped } from '../../shared/ws-protocol';

/** sessionStorage key: survives a reload of this tab, dies with it. */
export const tokenStorageKey = 'dossier.launchToken';

type LocationLike = Pick<Location, 'href'>;
type HistoryLike = Pick<History, 'replaceState' | 'state'>;
type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The web host opens the page at `/?token=…`. Takes the token out of the address bar (so it is
 * not left visible, bookmarked or shared) and keeps it for reloads of this tab only. The page
 * itself sends it (a header, a socket subprotocol): the host never sets a cookie.
 */
export function takeLaunchToken(location: LocationLike, history: HistoryLike, storage: StorageLike): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    url.searchParams.delete('token');
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
    if (isTokenShaped(fromUrl)) {
      storage.setItem(tokenStorageKey, fromUrl);
      return fromUrl;
    }
  }
  const stored = storage.getItem(tokenStorageKey);
  return isTokenShaped(stored) ? stored : null;
}

/** The socket beside the page: same host, `wss:` when the page is `https:`; no token in it. */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}
