import { contentSecurityPolicy } from '../shared/renderer-assets';

/** Headers every web-host response carries: the Electron shell's CSP and friends. */

/** The renderer's CSP, plus the host's own WebSocket (under both loopback names). */
export function webHostContentSecurityPolicy(port: number): string {
  return contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);
}

export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': webHostContentSecurityPolicy(port),
    'X-Content-Type-Options': 'nosniff',
    // The page URL carries the token: never send it anywhere as a referrer.
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
