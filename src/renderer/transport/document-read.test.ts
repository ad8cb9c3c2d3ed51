import { describe, expect, it } from 'vitest';
import { base64ToBytes, documentUrlFor, fetchDocumentRange } from './document-read';

describe('documentUrlFor', () => {
  it('puts the endpoint beside the socket, nothing of its query or hash carried along', () => {
    expect(documentUrlFor('ws://127.0.0.1:4312/ws?token=abc#x')).toBe('http://127.0.0.1:4312/api/document');
    expect(documentUrlFor('wss://localhost:9/ws')).toBe('https://localhost:9/api/document');
  });
});

describe('fetchDocumentRange', () => {
  const range = { dossierId: 'd-1', path: '第一卷/01 讯问笔录.pdf', offset: 5, length: 3 };

  it('asks for the range in the query, the token in the Authorization header, no cookie', async () => {
    let asked = '';
    let init: RequestInit | undefined;
    const bytes = await fetchDocumentRange('http://127.0.0.1:1/api/document', range, 't0k-en', async (url, options) => {
      asked = String(url);
      init = options;
      return new Response(new Uint8Array([7, 8, 9]));
    });
    expect(bytes).toEqual(new Uint8Array([7, 8, 9]));
    const query = new URL(asked).searchParams;
    expect([query.get('token'), query.get('dossierId'), query.get('path'), query.get('offset'), query.get('length')]).toEqual([null, 'd-1', '第一卷/01 讯问笔录.pdf', '5', '3']);
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer t0k-en');
    expect(init?.credentials).toBe('omit');
  });

  it('rejects with the code the host answered, or INTERNAL, or DISCONNECTED', async () => {
    const answer = (status: number, body: string) => async () => new Response(body, { status });
    await expect(fetchDocumentRange('http://h/api/document', range, 't', answer(404, '{"error":{"code":"NOT_FOUND","message":"没有这个文件"}}'))).rejects.toMatchObject({ code: 'NOT_FOUND', message: '没有这个文件' });
    await expect(fetchDocumentRange('http://h/api/document', range, 't', answer(500, 'oops'))).rejects.toMatchObject({ code: 'INTERNAL', message: 'HTTP 500' });
    await expect(fetchDocumentRange('http://h/api/document', range, 't', answer(404, '{"code":"NOT_FOUND","message":"bare"}'))).rejects.toMatchObject({ code: 'INTERNAL', message: 'HTTP 404' });
    await expect(fetchDocumentRange('http://h/api/document', range, 't', answer(401, '{"error":{"code":"UNAUTHORIZED","message":"Unauthorized: missing or wrong token"}}'))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(fetchDocumentRange('http://h/api/document', range, 't', () => Promise.reject(new TypeError('Failed to fetch')))).rejects.toMatchObject({ code: 'DISCONNECTED' });
  });
});

describe('base64ToBytes', () => {
  it('decodes what documents.read returns', () => {
    expect(base64ToBytes(Buffer.from([0, 1, 254, 255]).toString('base64'))).toEqual(new Uint8Array([0, 1, 254, 255]));
    expect(base64ToBytes('')).toEqual(new Uint8Array(0));
  });
});
