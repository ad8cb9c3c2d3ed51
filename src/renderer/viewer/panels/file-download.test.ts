import { describe, expect, it } from 'vitest';
import { base64ToBlob } from './file-download';

describe('base64ToBlob', () => {
  it('decodes UTF-8 text exactly and keeps the type', async () => {
    const text = '# 阅卷笔录\n\n《第一卷·讯问笔录》第3页\n';
    const blob = base64ToBlob(Buffer.from(text, 'utf8').toString('base64'), 'text/markdown');
    expect(blob.type).toBe('text/markdown');
    expect(await blob.text()).toBe(text);
  });

  it('keeps binary bytes (a DOCX is a zip) byte for byte', async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80, 0x7f]);
    const blob = base64ToBlob(bytes.toString('base64'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(bytes);
    expect(blob.size).toBe(bytes.length);
  });

  it('gives an empty blob for an empty file', () => {
    expect(base64ToBlob('', 'text/markdown').size).toBe(0);
  });
});
