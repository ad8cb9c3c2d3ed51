/** sessionStorage key: survives a reload of this tab, dies with it. */
export const tokenStorageKey = 'dossier.launchToken';

type LocationLike = Pick<Location, 'href'>;
type HistoryLike = Pick<History, 'replaceState' | 'state'>;
type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The web host opens the page at `/?token=…`. Takes the token out of the address bar (so it is
 * not left visible, bookmarked or shared) and keeps it for reloads of this tab only.
 */
export function takeLaunchToken(location: LocationLike, history: HistoryLike, storage: StorageLike): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(tokenStorageKey, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return storage.getItem(tokenStorageKey);
}

/** The socket beside the page: same host, `wss:` when the page is `https:`. */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws?token=${encodeURIComponent(token ?? '')}`;
}
