import { create } from 'zustand';
import { hashOf, routeFromHash, type Route } from './routes';

interface RouteState {
  route: Route;
  navigate(route: Route): void;
}

export const useRouteStore = create<RouteState>((set) => ({
  route: routeFromHash(window.location.hash),
  navigate(route) {
    if (window.location.hash !== hashOf(route)) window.location.hash = hashOf(route);
    set({ route });
  },
}));

// Back/forward and hand-edited addresses.
window.addEventListener('hashchange', () => {
  useRouteStore.setState({ route: routeFromHash(window.location.hash) });
});

export function navigate(route: Route): void {
  useRouteStore.getState().navigate(route);
}
