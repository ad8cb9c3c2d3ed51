/**
 * `dossier walkthrough`: the lawyer's whole workflow, headless, through core — as the app does it —
 * with the simulated phone (activation, scans, SMS inbox) driven over the portal's phone API.
 * Progress goes to stderr, one line per step; no password is ever printed.
 */
import { randomInt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { version } from '../../../package.json';
import type { Core } from '../../core/core';
import { createCore } from '../../core/index';
import { contractClient } from '../../shared/contract-client';
import { idNumberCheckChar } from '../../mock-portal/validation/id-number';
import type { CallInput, EventName, EventPayload, QrSession, StepUpActionName } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { DossierDetail, DownloadState } from '../../shared/library';
import type {
  PhoneActivateRequest,
  PhoneScanResponse,
  SmsInboxResponse,
  SmsMessage,
} from '../../shared/portal-wire';
import { parseSms } from '../../shared/sms-parser';
import { parseOrUsage, portalUrl, printJson, required } from '../cli-args';
import { UsageError, type Command } from '../command';
import { callPortal, PortalRefusal } from '../portal-http';

const DEFAULT_TIMEOUT_SECONDS = 120;
const POLL_MS = 500;
const ENDED: ReadonlySet<DownloadState> = new Set(['completed', 'failed', 'cancelled']);

const usage = `Usage: dossier walkthrough --portal URL [--timeout SECONDS]

Performs the lawyer's workflow headless through core, the simulated phone scanning and
confirming: activate a new lawyer (random valid identity), log in by QR, 授权信息, 完善信息,
bind a case at a pilot procuratorate (uploading generated PDF materials), apply for online
review, wait for approval and the dossier SMS, parse it and keep its passwords, 卷宗下载
(scan, download, SHA-256 check) and extraction into a temporary library, which is removed at the
end. Progress lines go to stderr; passwords are never printed. On success stdout gets one JSON
line describing the extracted dossier: {caseName, volumes, documents, pages, files}.

The portal must decide on its own: start it with \`dossier portal --auto-approve\`.

Options:
  --portal URL         the portal, e.g. http://127.0.0.1:8080
  --timeout SECONDS    how long to wait for each decision of the prosecutors (default ${DEFAULT_TIMEOUT_SECONDS})`;

function progress(line: string): void {
  process.stderr.write(`walkthrough: ${line}\n`);
}

/** A new, valid identity each run: the portal refuses a phone or ID number it already knows. */
function randomLawyer(): PhoneActivateRequest {
  const surnames = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高';
  const given = '明华伟芳军静磊敏强丽洋艳勇杰娟涛超霞平刚';
  const pick = (chars: string) => chars[randomInt(chars.length)] ?? '';
  const birth = new Date(Date.UTC(1965 + randomInt(30), randomInt(12), 1 + randomInt(28)));
  const first17 = `500102${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(randomInt(1000)).padStart(3, '0')}`;
  const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
  return {
    name: `${pick(surnames)}${pick(given)}${pick(given)}`,
    idNumber: `${first17}${idNumberCheckChar(first17) ?? '0'}`,
    licenseNumber: `150012${digits(11)}`,
    phone: `1${3 + randomInt(7)}${digits(9)}`,
  };
}

function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** A one-page PDF standing in for a scanned material (律师执业证 …). */
async function materialPdf(title: string): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  const page = pdf.addPage([595, 842]);
  page.drawText(`Dossier Desk walkthrough: ${title}`, { x: 72, y: 760, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await pdf.save()).toString('base64');
}

function nextEvent<N extends EventName>(core: Pick<Core, 'on'>, name: N, match: (payload: EventPayload<N>) => boolean): Promise<EventPayload<N>> {
  return new Promise((resolve) => {
    const off = core.on(name, (payload) => {
      if (!match(payload)) return;
      off();
      resolve(payload);
    });
  });
}

/** Resolves with `check`'s first non-null answer; fails once the deadline passes. */
async function waitFor<T>(what: string, deadline: number, check: () => Promise<T | null>): Promise<T> {
  for (;;) {
    const found = await check();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} (is the portal running with --auto-approve?)`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

class Walkthrough {
  constructor(
    private readonly portal: string,
    private readonly core: Pick<Core, 'api' | 'on'>,
    private readonly lawyer: PhoneActivateRequest,
    private readonly timeoutMs: number,
  ) {}

  /** The phone scans the QR and confirms it, as the lawyer would. */
  private async scan(qr: QrSession): Promise<void> {
    const { sessionId } = await callPortal<PhoneScanResponse>(this.portal, 'POST', '/api/phone/scan', {
      qrText: qr.qrText,
      phone: this.lawyer.phone,
    });
    await callPortal(this.portal, 'POST', '/api/phone/confirm', { sessionId, phone: this.lawyer.phone, decision: 'confirm' });
  }

  async logIn(): Promise<void> {
    const signedIn = nextEvent(this.core, 'auth.sessionChanged', (session) => session.status === 'signed-in');
    await this.scan(await this.core.api['auth.qrStart']({}));
    const session = await signedIn;
    progress(`logged in by QR scan (stage ${session.status === 'signed-in' ? session.stage : 'signed-out'})`);
    if (session.status === 'signed-in' && session.stage === 'authorize') {
      await this.core.api['auth.agree']({});
      progress('授权信息: 同意');
    }
    const profiled = await this.core.api['auth.completeProfile']({ lawFirm: '重庆渝州律师事务所', email: '' });
    if (profiled.status !== 'signed-in' || profiled.stage !== 'ready') throw new Error('完善信息 did not lead to 个人中心');
    progress('完善信息: 提交 — at 个人中心');
  }

  /** Runs a guarded call; when the portal asks for a verification scan, scans and retries once. */
  private async guarded<T>(action: StepUpActionName, call: (stepUpId?: string) => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'STEP_UP_REQUIRED') throw error;
    }
    const qr = await this.core.api['stepUp.start']({ action });
    const confirmed = nextEvent(this.core, 'auth.qrState', (state) => state.id === qr.id && state.state === 'confirmed');
    await this.scan(qr);
    await confirmed;
    progress(`identity verified by scan for ${action}`);
    return call(qr.id);
  }

  async bindCase(): Promise<{ bindingId: string; caseName: string; unit: string }> {
    const [unit] = await this.core.api['procuratorates.list']({ q: '涪陵', pilot: true });
    const pilot = unit ?? (await this.core.api['procuratorates.list']({ pilot: true }))[0];
    if (!pilot) throw new Error('the portal lists no procuratorate of the pilot provinces');
    const materials: [CallInput<'uploads.add'>['kind'], string][] = [
      ['license', 'license'],
      ['power-of-attorney', 'power of attorney'],
      ['law-firm-letter', 'law firm letter'],
      ['client-id', 'client ID'],
    ];
    const ids: string[] = [];
    for (const [kind, title] of materials) {
      const upload = await this.core.api['uploads.add']({ kind, fileName: `${kind}.pdf`, dataBase64: await materialPdf(title) });
      ids.push(upload.id);
    }
    progress(`uploaded ${ids.length} materials`);
    const suspect = `${this.lawyer.name.slice(0, 1)}某`;
    const form: CallInput<'bindings.create'> = {
      procuratorateId: pilot.id,
      caseName: `${suspect}危险驾驶案`,
      suspectName: suspect,
      role: 'defender',
      clientName: `${suspect}某`,
      clientRelation: 'self',
      uploads: { license: ids[0] ?? '', powerOfAttorney: ids[1], lawFirmLetter: ids[2] ?? '', clientId: ids[3] ?? '' },
    };
    const binding = await this.guarded('binding', (stepUpId) => this.core.api['bindings.create']({ ...form, stepUpId }));
    progress(`申请绑定 ${binding.caseName} at ${pilot.name}: ${binding.statusLabel}`);
    const deadline = Date.now() + this.timeoutMs;
    await waitFor('the binding to be approved', deadline, async () => {
      const current = (await this.core.api['bindings.list']({})).find((item) => item.id === binding.id);
      if (current?.status === 'rejected') throw new Error(`the binding was not approved: ${current.rejectReason ?? ''}`);
      return current?.status === 'approved' ? current : null;
    });
    progress('案件绑定申请: 已通过');
    return { bindingId: binding.id, caseName: binding.caseName, unit: pilot.shortName };
  }

  async applyForReview(bindingId: string): Promise<string> {
    const notice = await this.core.api['reviews.notice']({});
    const review = await this.guarded('review', (stepUpId) =>
      this.core.api['reviews.apply']({ bindingId, acceptNotice: true, noticeVersion: notice.version, stepUpId }),
    );
    progress(`申请在线阅卷: ${review.statusLabel}`);
    const deadline = Date.now() + this.timeoutMs;
    await waitFor('the dossier to be published', deadline, async () => {
      const item = (await this.core.api['appointments.list']({})).find((appointment) => appointment.id === review.id);
      if (item?.status === 'rejected') throw new Error(`the online review was not approved: ${item.rejectReason ?? ''}`);
      return item?.status === 'published' ? item : null;
    });
    progress('辩护与代理网上预约: 卷宗可下载');
    return review.id;
  }

  /** 卷宗下载 with the password kept from the SMS, then the extraction the app runs right after. */
  async downloadDossier(reviewId: string): Promise<DossierDetail> {
    const settled = nextEvent(this.core, 'downloads.changed', (item) => item.dossierId === reviewId && ENDED.has(item.state));
    const started = await this.guarded('download', (stepUpId) => this.core.api['downloads.start']({ appointmentId: reviewId, stepUpId }));
    progress(`卷宗下载: ${started.fileName} (${started.total} bytes)`);
    const ended = await settled;
    if (ended.state !== 'completed') throw new Error(`the download ended ${ended.state}: ${ended.error?.message ?? ''}`);
    progress('卷宗下载: complete, SHA-256 matches the portal');
    const deadline = Date.now() + this.timeoutMs;
    // Extracted, and its pages counted (the library counts them right after extracting).
    const extracted = await waitFor('the extraction', deadline, async () => {
      const dossier = (await this.core.api['library.list']({})).find((item) => item.id === reviewId);
      const state = dossier?.extraction.state;
      if (state === 'failed' || state === 'needs-password') throw new Error(`extraction ${state}: ${dossier?.extraction.error?.message ?? ''}`);
      return dossier && state === 'extracted' && dossier.pages !== null ? dossier : null;
    });
    progress(`卷宗库: extracted ${extracted.documents ?? 0} documents, ${extracted.pages ?? 0} pages`);
    return this.core.api['library.get']({ id: reviewId });
  }

  /** The dossier-ready SMS about the case, read from the phone's inbox. */
  async dossierSms(caseName: string): Promise<SmsMessage> {
    const deadline = Date.now() + this.timeoutMs;
    const query = new URLSearchParams({ phone: this.lawyer.phone }).toString();
    return waitFor('the dossier SMS', deadline, async () => {
      const inbox = await callPortal<SmsInboxResponse>(this.portal, 'GET', `/api/phone/sms?${query}`);
      return inbox.messages.find((message) => message.kind === 'dossier-ready' && message.text.includes(caseName)) ?? null;
    });
  }
}

async function run(portal: string, timeoutMs: number): Promise<number> {
  let lawyer = randomLawyer();
  for (let attempt = 0; ; attempt += 1) {
    try {
      await callPortal(portal, 'POST', '/api/phone/activate', lawyer);
      break;
    } catch (error) {
      // A random phone or ID number the portal already knows: draw another identity.
      if (!(error instanceof PortalRefusal) || error.code !== 'CONFLICT' || attempt >= 4) throw error;
      lawyer = randomLawyer();
    }
  }
  progress(`activated 中国律师身份核验 for ${lawyer.name} (${maskPhone(lawyer.phone)})`);

  const dataDir = await mkdtemp(join(tmpdir(), 'dossier-walkthrough-'));
  const core = await createCore({
    portalUrl: portal,
    dataDir,
    appVersion: version,
    secretStore: 'memory',
    defaultLibraryFolder: join(dataDir, 'library'),
    // A run of the workflow, not the app: no 文字识别 in the background, no watching the Downloads folder.
    backgroundReading: false,
    downloadPickup: false,
  });
  // Every call checked by the contract's schemas, as a transport checks the app's.
  const api = contractClient(core.api);
  try {
    const info = await api['app.info']({});
    if (!info.portal.reachable) throw new Error(`the portal at ${portal} does not answer`);
    const steps = new Walkthrough(portal, { api, on: core.on }, lawyer, timeoutMs);
    await steps.logIn();
    const { bindingId, caseName, unit } = await steps.bindCase();
    const reviewId = await steps.applyForReview(bindingId);
    const sms = await steps.dossierSms(caseName);
    const parsed = parseSms(sms.text);
    if (parsed.kind !== 'dossier-ready' || !parsed.downloadPassword || !parsed.openPassword) {
      throw new Error(`the dossier SMS could not be read (kind ${parsed.kind})`);
    }
    if (parsed.caseName !== caseName || parsed.unit !== unit) {
      throw new Error(`the dossier SMS names ${parsed.caseName ?? '?'} at ${parsed.unit ?? '?'}, expected ${caseName} at ${unit}`);
    }
    progress(`dossier SMS received and parsed: ${parsed.caseName}【${parsed.unit}】`);
    const pasted = await api['sms.paste']({ text: sms.text });
    if (pasted.attachedTo?.appointmentId !== reviewId) throw new Error('the pasted SMS was not attached to the appointment');
    const [stored] = (await api['appointments.list']({})).filter((item) => item.id === reviewId);
    if (!stored?.passwords.download || !stored.passwords.open) throw new Error('the dossier passwords were not kept');
    progress('粘贴短信: both dossier passwords kept for the appointment');
    const dossier = await steps.downloadDossier(reviewId);
    printJson({
      caseName: dossier.caseName,
      volumes: dossier.volumes,
      documents: dossier.documents,
      pages: dossier.pages,
      files: dossier.files.map((file) => ({ path: file.path, size: file.size })),
    });
    return 0;
  } finally {
    await core.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export const walkthroughCommand: Command = {
  name: 'walkthrough',
  summary: "Perform the lawyer's workflow headless against a portal (start it with --auto-approve)",
  usage,
  async run(argv) {
    const { values } = parseOrUsage(
      () => parseArgs({ args: argv, options: { portal: { type: 'string' }, timeout: { type: 'string' } }, allowPositionals: true }),
      0,
    );
    const portal = portalUrl(required(values, 'portal'));
    const seconds = values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
      throw new UsageError(`--timeout must be a number of seconds from 1 to 3600, not '${String(values.timeout)}'`);
    }
    return run(portal, seconds * 1000);
  },
};
