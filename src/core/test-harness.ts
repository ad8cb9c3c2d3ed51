/**
 * Helpers for core's tests, which drive a real portal over HTTP: open cores that close themselves,
 * wait for events, and act as the lawyer's phone. Kept free of the mock portal's code, as core is.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import type { EventName, EventPayload, QrSession, Session } from '../shared/contract';
import type { PhoneScanResponse } from '../shared/portal-wire';
import { createCore, type Core, type CoreOptions } from './index';

export class CoreHarness {
  private readonly cores: Core[] = [];
  private readonly dirs: string[] = [];

  async open(portalUrl: string, options: Partial<CoreOptions> = {}): Promise<Core> {
    const dataDir = await mkdtemp(join(tmpdir(), 'core-'));
    this.dirs.push(dataDir);
    // Its own managed folder too: never the user's Documents/卷宗台.
    const core = await createCore({
      portalUrl,
      dataDir,
      appVersion: '0.0.0-test',
      secretStore: 'memory',
      backgroundReading: false,
      downloadPickup: false,
      defaultLibraryFolder: join(dataDir, 'library'),
      ...options,
    });
    this.cores.push(core);
    return core;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.cores.splice(0).map((core) => core.close()));
    await Promise.all(this.dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

/** Resolves with the first payload of `name` that satisfies `match`. */
export function nextEvent<N extends EventName>(core: Core, name: N, match: (payload: EventPayload<N>) => boolean = () => true) {
  return new Promise<EventPayload<N>>((resolve) => {
    const off = core.on(name, (payload) => {
      if (match(payload)) {
        off();
        resolve(payload);
      }
    });
  });
}

/** A POST to the portal's phone API, as the simulated phone app makes it. */
async function phonePost<T>(portalUrl: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${portalUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path}: ${JSON.stringify(answer)}`);
  return answer;
}

/** The lawyer's phone scans a QR (login or verify) and confirms, or cancels. */
export async function scanWithPhone(portalUrl: string, qr: QrSession, phone: string, decision: 'confirm' | 'cancel' = 'confirm') {
  const { sessionId } = await phonePost<PhoneScanResponse>(portalUrl, '/api/phone/scan', { qrText: qr.qrText, phone });
  await phonePost(portalUrl, '/api/phone/confirm', { sessionId, phone, decision });
}

/** 【律师认证登录】 through core, the phone scanning and confirming; resolves once core is signed in. */
export async function logInByQr(core: Core, portalUrl: string, phone: string): Promise<Session> {
  const signedIn = nextEvent(core, 'auth.sessionChanged', (session) => session.status === 'signed-in');
  await scanWithPhone(portalUrl, await core.api['auth.qrStart']({}), phone);
  return signedIn;
}

/** A step-up verification through core, confirmed by the phone; resolves to the id a guarded call carries. */
export async function verifyByPhone(core: Core, portalUrl: string, phone: string, action: 'binding' | 'review'): Promise<string> {
  const qr = await core.api['stepUp.start']({ action });
  const confirmed = nextEvent(core, 'auth.qrState', (state) => state.id === qr.id && state.state === 'confirmed');
  await scanWithPhone(portalUrl, qr, phone);
  await confirmed;
  return qr.id;
}

/** A real one-page PDF, as a lawyer's scanned material would be. */
export async function smallPdf(title: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText(title, { x: 72, y: 760, size: 18, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save();
}

export function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
