import type { Session } from '../../shared/contract';
import { signedInRoutes, type Route } from './routes';

/**
 * Where the UI goes when the session changes: signing in (the QR was confirmed) leads to
 * 个人中心, whose stage pages (授权信息, 完善信息) come first; signing out, or a token the portal
 * stopped accepting, leads back to the home page from any page that needs a login.
 */
export function routeAfterSessionChange(previous: Session | null, next: Session, route: Route): Route | null {
  const wasIn = previous?.status === 'signed-in';
  const isIn = next.status === 'signed-in';
  if (isIn && (route === 'login' || route === 'login-qr' || (!wasIn && previous !== null))) return 'profile';
  if (isIn && route === 'home') return 'profile';
  if (!isIn && wasIn && (signedInRoutes.has(route) || route === 'login-qr')) return 'home';
  return null;
}
