import { describe, expect, it } from 'vitest';
import type { Session } from '../../shared/contract';
import { routeAfterSessionChange } from './session-routing';
import { hashOf, routeFromHash } from './routes';

const out: Session = { status: 'signed-out' };
const lawyer = {
  name: '张明',
  idNumberMasked: '110101********1234',
  licenseNumber: '11101201010123456',
  phone: '13812345678',
  lawFirm: null,
  email: null,
  address: null,
};
const inAuthorize: Session = { status: 'signed-in', stage: 'authorize', lawyer };
const inReady: Session = { status: 'signed-in', stage: 'ready', lawyer };

describe('routeAfterSessionChange', () => {
  it('moves from the QR page to 个人中心 once signed in', () => {
    expect(routeAfterSessionChange(out, inAuthorize, 'login-qr')).toBe('profile');
  });
  it('leaves a stage change on the current page', () => {
    expect(routeAfterSessionChange(inAuthorize, inReady, 'profile')).toBeNull();
    expect(routeAfterSessionChange(inAuthorize, inReady, 'settings')).toBeNull();
  });
  it('goes home on sign-out from a page that needs a login, but not from 设置', () => {
    expect(routeAfterSessionChange(inReady, out, 'bound-cases')).toBe('home');
    expect(routeAfterSessionChange(inReady, out, 'settings')).toBeNull();
  });
  it('on first load keeps the page, except home and login pages when already signed in', () => {
    expect(routeAfterSessionChange(null, inReady, 'library')).toBeNull();
    expect(routeAfterSessionChange(null, inReady, 'home')).toBe('profile');
    expect(routeAfterSessionChange(null, inReady, 'login')).toBe('profile');
    expect(routeAfterSessionChange(null, out, 'profile')).toBeNull();
  });
});

describe('routes', () => {
  it('round-trips every hash and falls back to home', () => {
    expect(routeFromHash(hashOf('bound-cases'))).toBe('bound-cases');
    expect(routeFromHash('#/settings/')).toBe('settings');
    expect(routeFromHash('')).toBe('home');
    expect(routeFromHash('#/nowhere')).toBe('home');
  });
});
