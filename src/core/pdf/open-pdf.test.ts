// Documents encrypted every way pdf.js reads, made at test time by qpdf, mutool (MuPDF) and pdf-lib.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dossierFontBytes, dossierFontkit } from '../../mock-portal/dossier/dossier-font';
import { normalizeForSearch } from '../../shared/cjk-text';
import { inspectPdf } from './inspect-pdf';
import { openPdf, type OpenedPdf } from './open-pdf';
import { pageTexts } from './page-texts';
import { chineseSourcePdf, describeEncryption, encryptPdf, predefinedCmapPdf, SAMPLE_PAGES, type PdfCipher, type PdfTool } from './test-pdfs';

const USER = '4826153';
const OWNER = 'owner-Secret9';

let source: Uint8Array;

beforeAll(async () => {
  source = await chineseSourcePdf({ bytes: dossierFontBytes(), fontkit: dossierFontkit });
});

async function textsOf(opened: OpenedPdf): Promise<string[]> {
  try {
    return await pageTexts(opened.pdf);
  } finally {
    await opened.close();
  }
}

/** Revision of the security handler each cipher is written with, and qpdf's name for its stream cipher. */
const EXPECTED: Record<PdfCipher, { revision: number; method: string | null }> = {
  'rc4-40': { revision: 2, method: null },
  'rc4-128': { revision: 3, method: null },
  'aes-128': { revision: 4, method: 'AESv2' },
  'aes-256-r5': { revision: 5, method: 'AESv3' },
  'aes-256': { revision: 6, method: 'AESv3' },
};

const CASES: [PdfTool, PdfCipher][] = [
  ['qpdf', 'rc4-40'],
  ['qpdf', 'rc4-128'],
  ['qpdf', 'aes-128'],
  ['qpdf', 'aes-256-r5'],
  ['qpdf', 'aes-256'],
  ['mutool', 'rc4-40'],
  ['mutool', 'rc4-128'],
  ['mutool', 'aes-128'],
  ['mutool', 'aes-256'],
  ['pdf-lib', 'rc4-40'],
  ['pdf-lib', 'rc4-128'],
  ['pdf-lib', 'aes-128'],
  ['pdf-lib', 'aes-256'],
];

describe('the source document', () => {
  it('is a plain PDF whose text layer holds the Chinese sample, radicals as stored', async () => {
    const texts = await textsOf(await openPdf(source, []));
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('讯问笔录');
    // pdf.js is asked not to fold anything: the radicals come through as stored.
    expect(texts[1]).toContain('⼈');
    expect(texts[1]).toContain('⻅');
    expect(normalizeForSearch(texts[1] as string)).toContain('我看见被害人倒在地上');
    const inspection = await inspectPdf(source, undefined, { text: true });
    expect(inspection).toEqual({ pages: 3, encrypted: false, needsPassword: false, text: expect.any(Array) });
    expect(inspection.text?.[2]).toContain('abc-123全角abc');
  });
});

describe.each(CASES)('%s %s', (tool, cipher) => {
  let bytes: Uint8Array;
  let ownerOnly: Uint8Array;

  beforeAll(async () => {
    bytes = await encryptPdf(tool, cipher, source, { user: USER, owner: OWNER });
    ownerOnly = await encryptPdf(tool, cipher, source, { user: '', owner: OWNER });
  });

  it('is encrypted as asked', async () => {
    expect(await describeEncryption(bytes, USER)).toEqual(EXPECTED[cipher]);
    expect(await describeEncryption(ownerOnly, '')).toEqual(EXPECTED[cipher]);
  });

  it('opens with the right password and reads the Chinese text', async () => {
    const opened = await openPdf(bytes, ['not-this-one', USER]);
    expect(opened.password).toBe(USER);
    const texts = await textsOf(opened);
    expect(texts.map((text) => normalizeForSearch(text))).toEqual(SAMPLE_PAGES.map((lines) => normalizeForSearch(lines.join(''))));
    const inspection = await inspectPdf(bytes, USER, { text: true });
    expect(inspection.pages).toBe(3);
    expect(inspection.encrypted).toBe(true);
    expect(inspection.needsPassword).toBe(true);
    expect(inspection.text?.[1]).toContain('犯罪嫌疑人陈浩然当时在场');
  });

  it('opens with the owner password too', async () => {
    expect((await openPdf(bytes, [OWNER])).password).toBe(OWNER);
  });

  it('refuses a wrong password and asks for a missing one', async () => {
    await expect(openPdf(bytes, ['4826154'])).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await expect(inspectPdf(bytes, 'wrong')).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await expect(openPdf(bytes, [])).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED' });
    await expect(inspectPdf(bytes)).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED' });
    // An empty password is no password.
    await expect(openPdf(bytes, [''])).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED' });
  });

  it('with only an owner password, opens without one and also when a wrong user password is on file', async () => {
    const bare = await openPdf(ownerOnly, []);
    expect(bare.password).toBeNull();
    expect(normalizeForSearch((await textsOf(bare))[1] as string)).toContain('我看见被害人倒在地上');
    const withWrong = await openPdf(ownerOnly, ['some-user-password'], { tryFirst: 'remembered-wrong' });
    expect(withWrong.password).toBeNull();
    await withWrong.close();
    expect(await inspectPdf(ownerOnly)).toEqual({ pages: 3, encrypted: true, needsPassword: false });
    expect(await inspectPdf(ownerOnly, 'some-user-password')).toEqual({ pages: 3, encrypted: true, needsPassword: false });
  });
});

describe('openPdf', () => {
  it('tries the hint first and still finds the right password after a wrong hint', async () => {
    const bytes = await encryptPdf('qpdf', 'aes-256', source, { user: USER, owner: OWNER });
    const hinted = await openPdf(bytes, [], { tryFirst: USER });
    expect(hinted.password).toBe(USER);
    await hinted.close();
    const fallback = await openPdf(bytes, [USER], { tryFirst: 'stale-password' });
    expect(fallback.password).toBe(USER);
    await fallback.close();
  });

  it('leaves the given bytes usable (pdf.js gets a copy)', async () => {
    const opened = await openPdf(source, []);
    await opened.close();
    expect(source.byteLength).toBeGreaterThan(0);
    expect((await inspectPdf(source)).pages).toBe(3);
  });

  it('refuses bytes that are not a PDF and names a damaged one', async () => {
    await expect(openPdf(new TextEncoder().encode('not a pdf at all'), [])).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(inspectPdf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const damaged = new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(64)}\n%%EOF\n`);
    await expect(openPdf(damaged, [])).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('reads CJK text set in a non-embedded font through the CMaps of the installed pdf.js', async () => {
    const bytes = await predefinedCmapPdf('讯问笔录 犯罪嫌疑人');
    expect(normalizeForSearch((await textsOf(await openPdf(bytes, [])))[0] as string)).toBe('讯问笔录犯罪嫌疑人');
    // Without the CMap files pdf.js cannot map these codes to text: the test above depends on them.
    const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
    try {
      const page = await (await task.promise).getPage(1);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
      expect(normalizeForSearch(text)).not.toBe('讯问笔录犯罪嫌疑人');
    } finally {
      await task.destroy();
    }
  });
});
