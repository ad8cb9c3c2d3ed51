/** Renders the PDFs of a dossier: each volume's cover with its 卷内目录, and each document. */
import { createHmac } from 'node:crypto';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import type { CaseProfile } from './case-profile';
import { volumeCoverRows } from './document-texts';
import { dossierFontBytes, dossierFontkit, dossierFontMetrics, drawableText } from './dossier-font';
import type { PlannedDocument, PlannedVolume } from './dossier-plan';
import { encryptDeterministically } from './pdf-encryption';
import { heavyScanPage, scanPageJpeg, type PlacedJpeg } from './scan-image';
import { scanPagePlans } from './scan-pages';
import type { SeededRandom } from './seeded-random';
import { layoutText, MARGIN_LEFT, MARGIN_RIGHT, PAGE_HEIGHT, PAGE_WIDTH } from './text-layout';

const INK = rgb(0.08, 0.08, 0.1);
const PRODUCER = 'Dossier Desk mock portal';

export interface PdfSecrets {
  openPassword: string;
  /** Distinguishes this file's keys from every other file's (seed + path). */
  fileLabel: string;
}

interface Canvas {
  doc: PDFDocument;
  font: PDFFont;
}

async function newPdf(title: string, profile: CaseProfile, random: SeededRandom): Promise<Canvas> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(dossierFontkit);
  // A subset tag (six capitals) as PDF producers write it; from the seed, so files stay reproducible.
  const tag = Array.from({ length: 6 }, () => String.fromCharCode(65 + random.int(0, 25))).join('');
  const font = await doc.embedFont(dossierFontBytes(), { subset: true, customName: `${tag}+DossierSansSC-Regular` });
  doc.setTitle(drawableText(title));
  doc.setAuthor(profile.policeUnit);
  doc.setSubject(profile.caseName);
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(profile.referredAt);
  doc.setModificationDate(profile.referredAt);
  return { doc, font };
}

async function finish(canvas: Canvas, secrets: PdfSecrets): Promise<Buffer> {
  const keySeed = createHmac('sha256', `dossier-pdf\n${secrets.openPassword}`).update(secrets.fileLabel).digest();
  // The owner password nobody is told: it only has to differ from the open password.
  const ownerPassword = createHmac('sha256', keySeed).update('owner-password').digest('base64url').slice(0, 24);
  encryptDeterministically(canvas.doc, { userPassword: secrets.openPassword, ownerPassword, keySeed });
  return Buffer.from(await canvas.doc.save({ useObjectStreams: true }));
}

function text(page: PDFPage, font: PDFFont, value: string, x: number, y: number, size: number): void {
  page.drawText(value, { x, y, size, font, color: INK });
}

function centeredText(page: PDFPage, font: PDFFont, value: string, y: number, size: number): void {
  const clean = drawableText(value);
  text(page, font, clean, (PAGE_WIDTH - dossierFontMetrics().width(clean) * size) / 2, y, size);
}

/** Shrinks text to fit `width`, for long case names and document titles in tables. */
function fitted(value: string, size: number, width: number): { value: string; size: number } {
  const clean = drawableText(value);
  const natural = dossierFontMetrics().width(clean) * size;
  return { value: clean, size: natural <= width ? size : Math.max(6, (size * width) / natural) };
}

export interface VolumeFront {
  volume: PlannedVolume;
  volumeCount: number;
}

export async function renderVolumeFront(front: VolumeFront, profile: CaseProfile, random: SeededRandom, secrets: PdfSecrets): Promise<Buffer> {
  const canvas = await newPdf(`${profile.caseName} ${front.volume.name} 封面及卷内目录`, profile, random);
  drawVolumeFront(canvas, front, profile);
  return finish(canvas, secrets);
}

/**
 * A whole volume as one PDF (as many courts and procuratorates hand it out): cover, 卷内目录, then
 * every document's pages; the 目录's 页次 count from the first page after the 目录.
 */
export async function renderWholeVolume(
  front: VolumeFront,
  profile: CaseProfile,
  random: SeededRandom,
  secrets: PdfSecrets,
  scans: 'standard' | 'heavy' = 'standard',
): Promise<Buffer> {
  const canvas = await newPdf(`${profile.caseName} ${front.volume.name}`, profile, random.fork('front'));
  drawVolumeFront(canvas, front, profile);
  for (const document of front.volume.documents) await drawDocument(canvas, document, profile, volumeDocumentRandom(random, document), scans);
  return finish(canvas, secrets);
}

/** A document's random stream inside a volume rendered as one PDF (the volume's stream). */
export function volumeDocumentRandom(volumeRandom: SeededRandom, document: PlannedDocument): SeededRandom {
  return volumeRandom.fork(`document-${document.index}`);
}

function drawVolumeFront(canvas: Canvas, front: VolumeFront, profile: CaseProfile): void {
  const { volume } = front;
  const { doc, font } = canvas;
  const cover = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  cover.drawRectangle({ x: 48, y: 48, width: PAGE_WIDTH - 96, height: PAGE_HEIGHT - 96, borderColor: INK, borderWidth: 1.5 });
  cover.drawRectangle({ x: 54, y: 54, width: PAGE_WIDTH - 108, height: PAGE_HEIGHT - 108, borderColor: INK, borderWidth: 0.5 });
  centeredText(cover, font, profile.policeUnit, PAGE_HEIGHT - 150, 18);
  centeredText(cover, font, '刑 事 侦 查 卷 宗', PAGE_HEIGHT - 220, 30);
  centeredText(cover, font, `（${volume.name}）`, PAGE_HEIGHT - 262, 16);
  const rows = volumeCoverRows(profile, volume.name, front.volumeCount, volume.documentPages);
  let y = PAGE_HEIGHT - 340;
  for (const [label, value] of rows) {
    text(cover, font, `${label}：`, 110, y, 15);
    const line = fitted(value, 15, PAGE_WIDTH - 110 - 120 - 100);
    text(cover, font, line.value, 230, y, line.size);
    cover.drawLine({ start: { x: 228, y: y - 6 }, end: { x: PAGE_WIDTH - 100, y: y - 6 }, thickness: 0.6, color: INK });
    y -= 42;
  }

  // 卷内目录: 序号 · 文件名称 · 页次, spread evenly over the 目录 pages.
  const perPage = Math.ceil(volume.documents.length / volume.tocPages);
  const columns = [MARGIN_LEFT - 20, MARGIN_LEFT + 30, PAGE_WIDTH - MARGIN_RIGHT - 70, PAGE_WIDTH - MARGIN_RIGHT + 20];
  const [c0, c1, c2, c3] = columns as [number, number, number, number];
  for (let p = 0; p < volume.tocPages; p++) {
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    centeredText(page, font, '卷 内 目 录', PAGE_HEIGHT - 90, 22);
    const caption = fitted(`${profile.caseName}\u3000${volume.name}`, 11, c3 - c0);
    text(page, font, caption.value, c0, PAGE_HEIGHT - 122, caption.size);
    const rowHeight = 30;
    let top = PAGE_HEIGHT - 135;
    const drawRow = (cells: [string, string, string]): void => {
      for (const x of columns) page.drawLine({ start: { x, y: top }, end: { x, y: top - rowHeight }, thickness: 0.7, color: INK });
      page.drawLine({ start: { x: c0, y: top - rowHeight }, end: { x: c3, y: top - rowHeight }, thickness: 0.7, color: INK });
      const baseline = top - rowHeight / 2 - 4;
      const [number, title, pages] = cells;
      const numberWidth = dossierFontMetrics().width(number) * 11;
      text(page, font, number, (c0 + c1 - numberWidth) / 2, baseline, 11);
      const fit = fitted(title, 11, c2 - c1 - 12);
      text(page, font, fit.value, c1 + 6, baseline, fit.size);
      const pagesWidth = dossierFontMetrics().width(pages) * 11;
      text(page, font, pages, (c2 + c3 - pagesWidth) / 2, baseline, 11);
      top -= rowHeight;
    };
    page.drawLine({ start: { x: c0, y: top }, end: { x: c3, y: top }, thickness: 0.7, color: INK });
    drawRow(['序号', '文件名称', '页次']);
    volume.documents.slice(p * perPage, (p + 1) * perPage).forEach((document, i) => {
      const last = document.firstPage + document.pageKinds.length - 1;
      const range = last === document.firstPage ? String(last) : `${document.firstPage}-${last}`;
      drawRow([String(p * perPage + i + 1), document.blueprint.title, range]);
    });
    if (volume.tocPages > 1) centeredText(page, font, `第${p + 1}页\u3000共${volume.tocPages}页`, 50, 9);
  }
}

/** A JPEG on the page, placed by fractions of the page from its top left (as images are addressed). */
async function drawJpeg(doc: PDFDocument, page: PDFPage, placed: PlacedJpeg): Promise<void> {
  const image = await doc.embedJpg(placed.jpeg);
  page.drawImage(image, {
    x: placed.left * PAGE_WIDTH,
    y: (1 - placed.top - placed.height) * PAGE_HEIGHT,
    width: placed.width * PAGE_WIDTH,
    height: placed.height * PAGE_HEIGHT,
  });
}

export async function renderDocument(
  document: PlannedDocument,
  profile: CaseProfile,
  random: SeededRandom,
  secrets: PdfSecrets,
  scans: 'standard' | 'heavy' = 'standard',
): Promise<Buffer> {
  const canvas = await newPdf(document.blueprint.title, profile, random.fork('pdf'));
  await drawDocument(canvas, document, profile, random, scans);
  return finish(canvas, secrets);
}

async function drawDocument(canvas: Canvas, document: PlannedDocument, profile: CaseProfile, random: SeededRandom, scans: 'standard' | 'heavy'): Promise<void> {
  const { blueprint, pageKinds } = document;
  const { doc, font } = canvas;
  const textPages = pageKinds.filter((k) => k === 'text').length;
  const content = blueprint.text && textPages > 0 ? blueprint.text(random.fork('text')) : undefined;
  const laidOut = content ? layoutText(content, textPages, random.fork('layout')) : [];
  const plans = pageKinds.includes('scan') ? scanPagePlans(document, profile, random, scans) : [];
  let textIndex = 0;
  for (let i = 0; i < pageKinds.length; i++) {
    const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    const stamp = document.firstPage + i;
    const plan = plans[i];
    if (plan) {
      if (scans === 'heavy') {
        // Each page embeds its own copy of the image, as a scanned PDF does.
        const scan = heavyScanPage(plan, stamp);
        await drawJpeg(doc, page, scan.page);
        if (scan.stamp) await drawJpeg(doc, page, scan.stamp);
      } else {
        const image = await doc.embedJpg(scanPageJpeg(plan, random.fork(`scan-${i}`), stamp));
        page.drawImage(image, { x: 0, y: 0, width: PAGE_WIDTH, height: PAGE_HEIGHT });
      }
      continue;
    }
    for (const line of laidOut[textIndex] ?? []) text(page, font, line.text, line.x, line.y, line.size);
    if (content?.footer) centeredText(page, font, content.footer(i + 1, pageKinds.length), 42, 9);
    // The archive's page number (页次), top right, as stamped on every sheet of a bound volume.
    const stampText = String(stamp);
    text(page, font, stampText, PAGE_WIDTH - 50 - dossierFontMetrics().width(stampText) * 11, PAGE_HEIGHT - 42, 11);
    textIndex++;
  }
}
