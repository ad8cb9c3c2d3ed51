import { describe, expect, it } from 'vitest';
import { declaredTypeContradicts, safeFileName, sniffMimeType } from './upload-file';

describe('sniffMimeType', () => {
  it('knows PDF, JPEG and PNG by their first bytes, and nothing else', () => {
    expect(sniffMimeType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMimeType(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(sniffMimeType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffMimeType(Buffer.from('%PDF'))).toBeNull();
    expect(sniffMimeType(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffMimeType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffMimeType(Buffer.from(' %PDF-1.4'))).toBeNull();
    expect(sniffMimeType(new Uint8Array(0))).toBeNull();
  });
});

describe('declaredTypeContradicts', () => {
  it('accepts the type, its aliases and claims of nothing; refuses other claims', () => {
    expect(declaredTypeContradicts('application/pdf', 'application/pdf')).toBe(false);
    expect(declaredTypeContradicts('Image/JPG; name=x', 'image/jpeg')).toBe(false);
    expect(declaredTypeContradicts(undefined, 'image/png')).toBe(false);
    expect(declaredTypeContradicts('application/octet-stream', 'image/png')).toBe(false);
    expect(declaredTypeContradicts('image/png', 'application/pdf')).toBe(true);
    expect(declaredTypeContradicts('application/x-msdownload', 'application/pdf')).toBe(true);
  });
});

describe('safeFileName', () => {
  const pdf = (raw: string | undefined) => safeFileName(raw, 'application/pdf', '律师执业证');

  it('keeps good names, adds a missing extension and refuses a contradicting one', () => {
    expect(pdf('授权委托书.pdf')).toEqual({ ok: true, fileName: '授权委托书.pdf' });
    expect(pdf('授权委托书.PDF')).toEqual({ ok: true, fileName: '授权委托书.PDF' });
    expect(pdf('授权委托书')).toEqual({ ok: true, fileName: '授权委托书.pdf' });
    expect(pdf('张三.身份证')).toEqual({ ok: true, fileName: '张三.身份证.pdf' });
    expect(pdf('scan.png')).toEqual({ ok: false, extension: '.png' });
    expect(pdf('run.exe')).toEqual({ ok: false, extension: '.exe' });
    expect(safeFileName('photo.jpeg', 'image/jpeg', 'x')).toEqual({ ok: true, fileName: 'photo.jpeg' });
  });

  it('strips paths, control and bidi characters, reserved characters, and dots at the ends', () => {
    expect(pdf('C:\\Users\\a\\委托书.pdf')).toMatchObject({ fileName: '委托书.pdf' });
    expect(pdf('a/b/../c.pdf')).toMatchObject({ fileName: 'c.pdf' });
    expect(pdf('x\u0000y\u202Ez\n.pdf')).toMatchObject({ fileName: 'xyz.pdf' });
    expect(pdf('a<b>c.pdf')).toMatchObject({ fileName: 'a_b_c.pdf' });
    expect(pdf('..hidden.pdf')).toMatchObject({ fileName: 'hidden.pdf' });
    expect(pdf('name. .pdf')).toMatchObject({ fileName: 'name.pdf' });
    expect(pdf('trailing.pdf. . ')).toMatchObject({ fileName: 'trailing.pdf' });
    expect(pdf('.pdf')).toMatchObject({ fileName: '律师执业证.pdf' });
    expect(pdf(undefined)).toMatchObject({ fileName: '律师执业证.pdf' });
    expect(pdf('nul')).toMatchObject({ fileName: '_nul.pdf' });
    // NFD input comes out composed.
    expect(pdf('cafe\u0301.pdf')).toMatchObject({ fileName: 'café.pdf' });
  });

  it('cuts long names to 120 characters, keeping the extension', () => {
    const result = pdf(`${'卷'.repeat(500)}.pdf`);
    expect(result.ok && [...result.fileName].length).toBe(120);
    expect(result.ok && result.fileName.endsWith('卷.pdf')).toBe(true);
  });
});
