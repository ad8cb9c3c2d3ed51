import { describe, expect, it } from 'vitest';
import { bytesToBase64, checkUploadFile } from './upload-file';

const mb = 1024 * 1024;

describe('checkUploadFile', () => {
  it('accepts PDF, JPG and PNG up to 10 MB', () => {
    expect(checkUploadFile({ name: '执业证.pdf', type: 'application/pdf', size: 1000 })).toBeNull();
    expect(checkUploadFile({ name: 'ID.JPG', type: 'image/jpeg', size: 10 * mb })).toBeNull();
    expect(checkUploadFile({ name: 'scan.jpeg', type: '', size: 5 })).toBeNull();
    expect(checkUploadFile({ name: 'letter.png', type: 'image/png', size: 5 })).toBeNull();
  });
  it('refuses other extensions and a MIME type that disagrees with the extension', () => {
    expect(checkUploadFile({ name: 'letter.docx', type: 'application/msword', size: 5 })).toBe('type');
    expect(checkUploadFile({ name: 'noextension', type: 'application/pdf', size: 5 })).toBe('type');
    expect(checkUploadFile({ name: 'fake.pdf', type: 'image/png', size: 5 })).toBe('type');
    expect(checkUploadFile({ name: 'photo.png', type: 'image/jpeg', size: 5 })).toBe('type');
  });
  it('refuses empty files and files over 10 MB', () => {
    expect(checkUploadFile({ name: 'a.pdf', type: 'application/pdf', size: 0 })).toBe('empty');
    expect(checkUploadFile({ name: 'a.pdf', type: 'application/pdf', size: 10 * mb + 1 })).toBe('tooLarge');
  });
});

describe('bytesToBase64', () => {
  it('encodes like Node does, including inputs longer than one slice', () => {
    const small = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]);
    expect(bytesToBase64(small)).toBe(Buffer.from(small).toString('base64'));
    const big = new Uint8Array(100_001).map((_, i) => (i * 7) % 256);
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});
