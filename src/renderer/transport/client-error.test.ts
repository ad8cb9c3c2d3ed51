import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { ClientError, errorCode, failureOf, isClientErrorCode, toClientError } from './client-error';

/** A code and a message (its own fields besides the name): what every transport rejects with. */
function shape(error: ClientError): { code: string; message: string; keys: string[] } {
  return { code: error.code, message: error.message, keys: Object.keys(error).sort() };
}

describe('toClientError', () => {
  it('keeps a ClientError as it is', () => {
    const error = new ClientError('DISCONNECTED', 'gone');
    expect(toClientError(error)).toBe(error);
  });

  it('takes the plain {code, message} an IPC reply or a socket reply carries', () => {
    expect(shape(toClientError({ code: 'WRONG_PASSWORD', message: '密码错误，还可尝试 3 次' }))).toEqual({
      code: 'WRONG_PASSWORD',
      message: '密码错误，还可尝试 3 次',
      keys: ['code', 'name'],
    });
    expect(toClientError(new AppError('NOT_FOUND', 'no such dossier'))).toMatchObject({ code: 'NOT_FOUND', message: 'no such dossier' });
    expect(toClientError({ code: 'UPLOAD_FAILED', message: 'HTTP 500' }).code).toBe('UPLOAD_FAILED');
  });

  it('gives a known code without a message its code as the message', () => {
    expect(toClientError({ code: 'LOCKED_OUT' })).toMatchObject({ code: 'LOCKED_OUT', message: 'LOCKED_OUT' });
    expect(toClientError({ code: 'LOCKED_OUT', message: 42 })).toMatchObject({ code: 'LOCKED_OUT', message: 'LOCKED_OUT' });
  });

  it('makes an unknown code, an Error or anything else INTERNAL, keeping its words', () => {
    expect(toClientError({ code: 'SOMETHING_NEW', message: 'A new failure' })).toMatchObject({ code: 'INTERNAL', message: 'A new failure' });
    expect(toClientError(new TypeError('boom'))).toMatchObject({ code: 'INTERNAL', message: 'boom' });
    expect(toClientError('plain words')).toMatchObject({ code: 'INTERNAL', message: 'plain words' });
    expect(toClientError(undefined)).toMatchObject({ code: 'INTERNAL', message: 'undefined' });
    expect(toClientError(null)).toBeInstanceOf(ClientError);
  });

  it('uses the fallback for a request that never got an answer (network failure, timeout)', () => {
    expect(toClientError(new TypeError('Failed to fetch'), 'DISCONNECTED')).toMatchObject({ code: 'DISCONNECTED', message: 'Failed to fetch' });
    const timeout = new DOMException('The operation timed out.', 'TimeoutError');
    expect(toClientError(timeout, 'DISCONNECTED')).toMatchObject({ code: 'DISCONNECTED', message: 'The operation timed out.' });
    // A code the failure itself carries still wins.
    expect(toClientError({ code: 'RATE_LIMITED', message: 'slow down' }, 'DISCONNECTED').code).toBe('RATE_LIMITED');
  });
});

describe('failureOf', () => {
  const answer = (status: number, body: string | null, type = 'application/json') =>
    new Response(body, { status, headers: { 'content-type': type } });

  it('reads the host’s one envelope: {"error": {"code", "message"}}', async () => {
    const error = await failureOf(answer(404, JSON.stringify({ error: { code: 'NOT_FOUND', message: '没有这个文件' } })));
    expect(error).toBeInstanceOf(ClientError);
    expect(shape(error)).toEqual({ code: 'NOT_FOUND', message: '没有这个文件', keys: ['code', 'name'] });
    await expect(failureOf(answer(413, JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', message: '文件过大，无法接收' } })))).resolves.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: '文件过大，无法接收',
    });
    await expect(failureOf(answer(500, JSON.stringify({ error: { code: 'INTERNAL', message: 'Upload failed' } })))).resolves.toMatchObject({
      code: 'INTERNAL',
      message: 'Upload failed',
    });
  });

  it('makes an HTML page, an empty body or plain text INTERNAL with the status, none of the body', async () => {
    await expect(failureOf(answer(502, '<!doctype html><title>Bad gateway</title>', 'text/html'))).resolves.toMatchObject({
      code: 'INTERNAL',
      message: 'HTTP 502',
    });
    await expect(failureOf(answer(500, null))).resolves.toMatchObject({ code: 'INTERNAL', message: 'HTTP 500' });
    await expect(failureOf(answer(500, ''))).resolves.toMatchObject({ code: 'INTERNAL', message: 'HTTP 500' });
    await expect(failureOf(answer(403, 'Forbidden: unexpected Host header\n', 'text/plain'))).resolves.toMatchObject({
      code: 'INTERNAL',
      message: 'HTTP 403',
    });
  });

  it('matches no other shape: an error string, a bare payload, JSON that is no object', async () => {
    for (const body of [
      { error: 'NOT_FOUND' },
      { code: 'NOT_FOUND', message: 'bare, without the envelope' },
      { error: { code: 'NOT_FOUND' } },
      { error: { code: 'NOT_FOUND', message: 7 } },
      { error: null },
      [{ error: { code: 'NOT_FOUND', message: 'in an array' } }],
      'NOT_FOUND',
      null,
      404,
    ]) {
      await expect(failureOf(answer(404, JSON.stringify(body))), JSON.stringify(body)).resolves.toMatchObject({
        code: 'INTERNAL',
        message: 'HTTP 404',
      });
    }
  });

  it('keeps the words of an envelope whose code it does not know, and never takes a client-only code from a host', async () => {
    await expect(failureOf(answer(401, JSON.stringify({ error: { code: 'UNAUTHORIZED_X', message: 'missing or wrong token' } })))).resolves.toMatchObject({
      code: 'INTERNAL',
      message: 'HTTP 401: missing or wrong token',
    });
    await expect(failureOf(answer(500, JSON.stringify({ error: { code: 'DISCONNECTED', message: 'x' } })))).resolves.toMatchObject({
      code: 'INTERNAL',
      message: 'HTTP 500: x',
    });
  });
});

describe('errorCode', () => {
  it('reads the code of whatever failed, or null', () => {
    expect(errorCode(new ClientError('WRONG_PASSWORD', 'x'))).toBe('WRONG_PASSWORD');
    expect(errorCode({ code: 'REVIEW_UNAVAILABLE', message: 'x' })).toBe('REVIEW_UNAVAILABLE');
    expect(errorCode(new Error('no code'))).toBeNull();
    expect(errorCode({ code: 404 })).toBeNull();
    expect(errorCode('NOT_FOUND')).toBeNull();
    expect(errorCode(null)).toBeNull();
    expect(errorCode(undefined)).toBeNull();
  });
});

describe('isClientErrorCode', () => {
  it('knows the contract’s codes and the renderer’s own', () => {
    expect(isClientErrorCode('NOT_FOUND')).toBe(true);
    expect(isClientErrorCode('DISCONNECTED')).toBe(true);
    expect(isClientErrorCode('UPLOAD_FAILED')).toBe(true);
    expect(isClientErrorCode('SOMETHING_NEW')).toBe(false);
    expect(isClientErrorCode(undefined)).toBe(false);
  });
});
