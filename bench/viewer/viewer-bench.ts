/**
 * viewer.first_page_ratio_vs_pdfjs and viewer.jump_ms: the 1,000-page scanned volume opened in the
 * app's viewer (the built app served by `dossier web`, route #/viewer/<id>) and in pdf.js's own
 * viewer components on a minimal page, in the same headless Chromium, a fresh browser context per
 * run, alternating. Times are taken in the page (performance.now()): from the moment the viewer is
 * asked to open to the first painted page (the app marks it data-rendered="true"; pdf.js fires
 * pagerendered), and from a jump to page 700 until that page is painted.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { extractArchive } from '../../src/core/archives';
import type { DossierSpec, WrittenDossier } from '../../src/mock-portal/dossier';
import { median, round, say } from '../measure';
import { figure, type Figure } from '../results';
import { startAppHost, type AppHost } from './app-host';
import { startPeerServer, type PeerServer } from './peer-server';

export const CHROMIUM = '/usr/bin/chromium';
const HEADLESS_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const JUMP_TO = 700;
const TIMEOUT_MS = 120_000;
const VIEWPORT = { width: 1280, height: 900 };

declare global {
  interface Window {
    benchReady?: boolean;
    benchOpen?: (url: string, password: string) => Promise<{ ms: number; pages: number }>;
    benchJump?: (page: number) => Promise<number>;
    benchPainted?: number;
    benchFailed?: string;
  }
}

/** A page the app's viewer says it cannot show (damaged, missing, locked): the run stops there. */
const FAILED_PAGE = '[data-testid="viewer-page"] .viewer-page-status .anticon-warning, [data-testid="viewer-page"] .viewer-page-status .anticon-lock';

/** Records in the page when the first element matching `selector` is there (checked on every DOM change). */
async function watchFor(page: Page, selector: string): Promise<void> {
  await page.evaluate(
    ({ wanted, failed }) => {
      delete window.benchPainted;
      delete window.benchFailed;
      const check = () => {
        if (window.benchPainted === undefined && document.querySelector(wanted)) {
          window.benchPainted = performance.now();
          observer.disconnect();
        } else if (document.querySelector(failed)) {
          window.benchFailed = document.querySelector(failed)?.closest('.viewer-page-status')?.textContent ?? 'failed';
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rendered'] });
      check();
    },
    { wanted: selector, failed: FAILED_PAGE },
  );
}

async function paintedAt(page: Page): Promise<number> {
  await page.waitForFunction(() => window.benchPainted !== undefined || window.benchFailed !== undefined, undefined, { timeout: TIMEOUT_MS });
  const { painted, failed } = await page.evaluate(() => ({ painted: window.benchPainted, failed: window.benchFailed }));
  if (painted === undefined) throw new Error(`the app's viewer did not show the page: ${failed ?? 'no reason given'}`);
  return painted;
}

async function appRun(browser: Browser, host: AppHost): Promise<{ first: number; jump: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, undefined, { timeout: TIMEOUT_MS });
    await watchFor(page, '[data-testid="viewer-page"][data-rendered="true"]');
    const start = await page.evaluate((id) => {
      const now = performance.now();
      window.location.hash = `#/viewer/${encodeURIComponent(id)}`;
      return now;
    }, host.dossierId);
    const first = (await paintedAt(page)) - start;

    const input = page.locator('.viewer-page-input input');
    await input.fill(String(JUMP_TO));
    await watchFor(page, `[data-testid="viewer-page"][data-page="${JUMP_TO}"][data-rendered="true"]`);
    const jumpStart = await page.evaluate(() => performance.now());
    await input.press('Enter');
    const jump = (await paintedAt(page)) - jumpStart;
    return { first, jump };
  } finally {
    await context.close();
  }
}

async function peerRun(browser: Browser, peer: PeerServer, password: string): Promise<{ first: number; jump: number; pages: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${peer.url}/peer.html`);
    await page.waitForFunction(() => window.benchReady === true, undefined, { timeout: TIMEOUT_MS });
    const opened = await page.evaluate((pw) => (window.benchOpen as NonNullable<Window['benchOpen']>)('/volume.pdf', pw), password);
    const jump = await page.evaluate((n) => (window.benchJump as NonNullable<Window['benchJump']>)(n), JUMP_TO);
    return { first: opened.ms, jump, pages: opened.pages };
  } finally {
    await context.close();
  }
}

export async function viewerBench(options: { root: string; work: string; archive: WrittenDossier & { spec: DossierSpec }; runs: number }): Promise<{ firstPage: Figure; jump: Figure }> {
  const { archive, runs } = options;
  const password = archive.spec.openPassword;
  const document = archive.volumes[0]?.documents[0];
  if (!document || document.pages !== archive.pageCount) throw new Error('the viewer dossier is not one volume of one document');
  const extracted = join(options.work, 'viewer-pdf');
  await rm(extracted, { recursive: true, force: true });
  await extractArchive(archive.filePath, extracted);

  const pdfPath = join(extracted, ...document.path.split('/'));
  const peer = await startPeerServer(pdfPath);
  const host = await startAppHost({ root: options.root, work: options.work, archivePath: archive.filePath, openPassword: password, caseName: archive.spec.caseName });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: HEADLESS_FLAGS });
  try {
    const version = browser.version();
    const app = { first: [] as number[], jump: [] as number[] };
    const pdfjs = { first: [] as number[], jump: [] as number[] };
    let pages = 0;
    // One unmeasured pass each: the OS page cache and Chromium's compiled code, as on a second open.
    await peerRun(browser, peer, password);
    await appRun(browser, host);
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? (['peer', 'app'] as const) : (['app', 'peer'] as const);
      for (const side of order) {
        if (side === 'peer') {
          const measured = await peerRun(browser, peer, password);
          pdfjs.first.push(measured.first);
          pdfjs.jump.push(measured.jump);
          pages = measured.pages;
        } else {
          const measured = await appRun(browser, host);
          app.first.push(measured.first);
          app.jump.push(measured.jump);
        }
      }
      say(`viewer run ${i + 1}/${runs}: first page app ${Math.round(app.first.at(-1) as number)} ms, pdf.js ${Math.round(pdfjs.first.at(-1) as number)} ms; page ${JUMP_TO} app ${Math.round(app.jump.at(-1) as number)} ms, pdf.js ${Math.round(pdfjs.jump.at(-1) as number)} ms`);
    }
    const pdfjsVersion = (JSON.parse(await readFile(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'), 'utf8')) as { version: string }).version;
    const peerName = `pdf.js ${pdfjsVersion} PDFViewer/EventBus/PDFLinkService (pdfjs-dist/web/pdf_viewer.mjs, default loading over HTTP) in the same Chromium ${version}`;
    const details = {
      pages,
      pdf_mb: round((await stat(pdfPath)).size / 1e6, 1),
      app_first_page_ms: Math.round(median(app.first)),
      pdfjs_first_page_ms: Math.round(median(pdfjs.first)),
      app_jump_ms: Math.round(median(app.jump)),
      pdfjs_jump_ms: Math.round(median(pdfjs.jump)),
    };
    return {
      firstPage: figure(round(median(app.first) / median(pdfjs.first), 3), 'ratio', { op: '<=', value: 1 }, peerName, runs, details),
      jump: figure(Math.round(median(app.jump)), 'ms', null, `${peerName}: page ${JUMP_TO} painted ${details.pdfjs_jump_ms} ms after the jump`, runs, details),
    };
  } finally {
    await browser.close();
    await host.close();
    await peer.close();
    await rm(extracted, { recursive: true, force: true });
  }
}
