/** The app's pages. Hash routes (`#/cases/bound`): no server routes, reload keeps the page. */
export const routePaths = {
  home: '/',
  login: '/login',
  'login-qr': '/login/qr',
  profile: '/profile',
  'case-binding': '/cases/binding',
  'case-binding-form': '/cases/binding/new',
  'bound-cases': '/cases/bound',
  'defence-appointments': '/appointments/defence',
  messages: '/messages',
  library: '/library',
  settings: '/settings',
  help: '/help',
  'help-contacts': '/help/contacts',
  /** The dossier viewer; its address carries the dossier: #/viewer/<dossierId>. */
  viewer: '/viewer',
} as const;

export type Route = keyof typeof routePaths;

const byPath = new Map<string, Route>(Object.entries(routePaths).map(([route, path]) => [path, route as Route]));

export function routeFromHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (viewerDossierId(hash) !== null) return 'viewer';
  const route = byPath.get(path) ?? 'home';
  // The viewer without a dossier: the dossiers to choose from.
  return route === 'viewer' ? 'library' : route;
}

/** #/viewer/<dossierId> for a dossier of 卷宗库. */
export function viewerHash(dossierId: string): string {
  return `#${routePaths.viewer}/${encodeURIComponent(dossierId)}`;
}

/** The dossier a viewer address names, or null when the address is not one. */
export function viewerDossierId(hash: string): string | null {
  const match = /^#?\/viewer\/([^/?#]+)\/*$/.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1] as string);
  } catch {
    return null;
  }
}

export function hashOf(route: Route): string {
  return `#${routePaths[route]}`;
}

/** Pages that exist only for a signed-in lawyer. */
export const signedInRoutes: ReadonlySet<Route> = new Set<Route>([
  'profile',
  'case-binding',
  'case-binding-form',
  'bound-cases',
  'defence-appointments',
]);

/** Pages a lawyer can open whatever their stage (the rest wait for 授权信息 / 完善信息). */
export const anyStageRoutes: ReadonlySet<Route> = new Set<Route>(['settings', 'help', 'help-contacts', 'viewer']);
