import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../shared/portal-wire';
import { decodeUpload } from './upload-bytes';

describe('decodeUpload', () => {
  it('decodes base64, ignoring line breaks', () => {
    const text = Buffer.from('%PDF-1.4 材料').toString('base64');
    expect(decodeUpload(`${text.slice(0, 8)}\n${text.slice(8)}`).toString()).toBe('%PDF-1.4 材料');
  });

  it('refuses damaged, empty and oversized content', () => {
    expect(() => decodeUpload('JVBER!0x')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => decodeUpload('abc')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => decodeUpload('')).toThrow(expect.objectContaining({ code: 'VALIDATION', message: '文件为空' }));
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1).toString('base64');
    expect(() => decodeUpload(big)).toThrow(expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }));
  });
});
