import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async () => undefined) } }));
vi.mock('electron', () => electron);

import { applySessionPolicy, CONTENT_SECURITY_POLICY, hardenWebContents, isExternalLinkAllowed } from './security';

type WindowOpenHandler = (details: { url: string }) => { action: string };

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: WindowOpenHandler | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: WindowOpenHandler) => {
      openHandler = handler;
    },
  });
  hardenWebContents(contents as unknown as WebContents);
  const emitCancelable = (name: string, ...args: unknown[]) => {
    const event = { preventDefault: vi.fn() };
    emitter.emit(name, event, ...args);
    return event.preventDefault;
  };
  return { emitCancelable, open: (url: string) => openHandler!({ url }) };
}

describe('content security policy', () => {
  it('is the strict policy the app ships with', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'none'; form-action 'none'",
    );
  });
});

describe('hardenWebContents', () => {
  beforeEach(() => electron.shell.openExternal.mockClear());

  it('prevents navigation, redirects and webview attachment', () => {
    const { emitCancelable } = fakeContents();
    expect(emitCancelable('will-navigate', 'https://example.com/')).toHaveBeenCalledOnce();
    expect(emitCancelable('will-redirect', 'https://example.com/')).toHaveBeenCalledOnce();
    expect(emitCancelable('will-attach-webview', {}, {})).toHaveBeenCalledOnce();
  });

  it('denies every new window, opening only https links in the system browser', () => {
    const { open } = fakeContents();
    expect(open('https://www.12309.gov.cn/')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.12309.gov.cn/');
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'app://renderer/index.html', 'javascript:1']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal).toHaveBeenCalledOnce();
  });

  it('accepts only well-formed https URLs as external links', () => {
    expect(isExternalLinkAllowed('https://a.example/')).toBe(true);
    expect(isExternalLinkAllowed('not a url')).toBe(false);
    expect(isExternalLinkAllowed('smb://share/x')).toBe(false);
  });
});

describe('applySessionPolicy', () => {
  function fakeSession() {
    const captured: {
      request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
      check?: () => boolean;
      device?: () => boolean;
      headers?: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void;
    } = {};
    const session = {
      setPermissionRequestHandler: (handler: typeof captured.request) => (captured.request = handler),
      setPermissionCheckHandler: (handler: typeof captured.check) => (captured.check = handler),
      setDevicePermissionHandler: (handler: typeof captured.device) => (captured.device = handler),
      webRequest: { onHeadersReceived: (handler: typeof captured.headers) => (captured.headers = handler) },
    };
    applySessionPolicy(session as unknown as Session);
    return captured;
  }

  it('denies every permission request and check', () => {
    const policy = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      policy.request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(policy.check!()).toBe(false);
    expect(policy.device!()).toBe(false);
  });

  it('replaces any CSP header on responses with the app policy', () => {
    const policy = fakeSession();
    const callback = vi.fn();
    policy.headers!(
      { responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});
