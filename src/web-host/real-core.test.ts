import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/index';
import type { Core } from '../core/core';
import { startMockPortal, type MockPortal } from '../mock-portal/index';
import { activate, api, lawyerFixture } from '../mock-portal/test-helpers';
import { callNames, isSecretCall, type AppInfo, type QrSession } from '../shared/contract';
import { startWebHost, type WebHost } from './index';
import { makeRendererDir, rawGet, TestSocket } from './test-client';

let portal: MockPortal;
let core: Core;
let host: WebHost;
let socket: TestSocket;
let dataDir: string;
let parent: string;

beforeAll(async () => {
  portal = await startMockPortal();
  dataDir = await mkdtemp(join(tmpdir(), 'web-host-core-'));
  core = await createCore({ portalUrl: portal.url, dataDir, appVersion: '1.2.3', secretStore: 'memory' });
  const dirs = await makeRendererDir();
  parent = dirs.parent;
  host = await startWebHost({ core, rendererDir: dirs.rendererDir });
  socket = await TestSocket.open(`${host.origin.replace('http:', 'ws:')}/ws`, host.origin, host.token);
});

afterAll(async () => {
  await socket?.close();
  await host?.close();
  await core?.close();
  await portal?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(parent, { recursive: true, force: true });
});

describe('web host over the real core and mock portal', () => {
  it('serves the page and answers app.info from core', async () => {
    expect((await rawGet(Number(new URL(host.origin).port), `/?token=${host.token}`)).status).toBe(200);
    const reply = await socket.call('app.info', {});
    expect(reply.ok).toBe(true);
    const info = (reply.ok ? reply.result : null) as AppInfo;
    expect(info.version).toBe('1.2.3');
    expect(info.portal).toMatchObject({ url: portal.url, mock: true, reachable: true });
    expect(info.secretStore).toBe('memory');
  });

  it('carries a QR login start and the phone scan event back to the browser', async () => {
    const lawyer = lawyerFixture();
    await activate(portal.url, lawyer);
    const started = await socket.call('auth.qrStart', {});
    expect(started.ok).toBe(true);
    const qr = (started.ok ? started.result : null) as QrSession;
    expect(qr.state).toBe('waiting');

    const scan = await api(portal.url, 'POST', '/api/phone/scan', { body: { qrText: qr.qrText, phone: lawyer.phone } });
    expect(scan.status).toBe(200);
    const event = await socket.nextEvent();
    expect(event.name).toBe('auth.qrState');
    expect(event.payload).toMatchObject({ id: qr.id, state: 'scanned' });

    const stopped = await socket.call('auth.qrStop', { id: qr.id });
    expect(stopped).toMatchObject({ ok: true, result: null });
  });

  it('returns core errors as {code, message} without a stack', async () => {
    const reply = await socket.call('auth.agree', {});
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('NOT_SIGNED_IN');
    expect(!reply.ok && Object.keys(reply.error).sort()).toEqual(['code', 'message']);
  });

  it.each(callNames)('%s is wired to the real core: a wrong input type is refused with VALIDATION', async (name) => {
    const reply = await socket.call(name, 42, isSecretCall(name) ? host.token : undefined);
    expect(!reply.ok && reply.error.code).toBe('VALIDATION');
  });
});
