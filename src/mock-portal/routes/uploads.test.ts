import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, type UploadView } from '../../shared/portal-wire';
import { startMockPortal, type MockPortal } from '../index';
import {
  activate,
  api,
  errorOf,
  lawyerFixture,
  loginByQr,
  loginBySms,
  registerByQr,
  sampleFiles,
  uploadFile,
} from '../test-helpers';

const portals: MockPortal[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(portals.splice(0).map((p) => p.close()));
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

async function start(dataDir?: string): Promise<string> {
  const portal = await startMockPortal({ seed: false, dataDir });
  portals.push(portal);
  return portal.url;
}

/** A multipart body written by hand, for what FormData cannot express. */
async function rawPost(url: string, token: string, contentType: string, body: Buffer): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: new Uint8Array(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

function multipart(parts: { headers: string; body: Buffer | string }[], boundary = 'XyZ-boundary'): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n${part.headers}\r\n\r\n`, 'utf8'), Buffer.from(part.body), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

describe('POST /api/uploads', () => {
  it('keeps a PDF, JPG or PNG and tells its owner its metadata, with a Chinese file name intact', async () => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());
    const pdf = sampleFiles.pdf();
    const created = await uploadFile(url, token, 'license', pdf, '张三律师执业证.pdf');
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
      kind: 'license',
      fileName: '张三律师执业证.pdf',
      mimeType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      uploadedAt: expect.any(String),
    });

    const png = await uploadFile(url, token, 'client-id', sampleFiles.png(), '身份证 正面.PNG', 'image/png');
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ mimeType: 'image/png', fileName: '身份证 正面.PNG', kind: 'client-id' });
    // Extensionless names get the extension of the content; curl's generic type claims nothing.
    const jpeg = await uploadFile(url, token, 'kinship-proof', sampleFiles.jpeg(), '户口本', 'application/octet-stream');
    expect(jpeg.status).toBe(201);
    expect(jpeg.body).toMatchObject({ mimeType: 'image/jpeg', fileName: '户口本.jpg' });

    const read = await api<UploadView>(url, 'GET', `/api/uploads/${created.body.id}`, { token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('sanitises file names: path parts, control and bidi characters, reserved characters, length', async () => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());
    const cases: [string, string][] = [
      ['C:\\Users\\张\\Desktop\\委托书.pdf', '委托书.pdf'],
      ['../../etc/passwd.pdf', 'passwd.pdf'],
      ['a\u202Efdp.exe.pdf', 'afdp.exe.pdf'],
      ['合同<1>:?*|.pdf', '合同_1_____.pdf'],
      ['   .pdf', '律师执业证.pdf'],
      ['CON.pdf', '_CON.pdf'],
      [`${'卷'.repeat(300)}.pdf`, `${'卷'.repeat(116)}.pdf`],
    ];
    for (const [raw, expected] of cases) {
      const answer = await uploadFile(url, token, 'license', sampleFiles.pdf(), raw);
      expect(answer.status, raw).toBe(201);
      expect(answer.body.fileName, raw).toBe(expected);
    }
  });

  it('decodes a file name given as RFC 5987 filename*', async () => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());
    const body = multipart([
      { headers: 'Content-Disposition: form-data; name="kind"', body: 'law-firm-letter' },
      {
        headers: `Content-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent('律所函.pdf')}\r\nContent-Type: application/pdf`,
        body: sampleFiles.pdf(),
      },
    ]);
    const answer = await rawPost(url, token, 'multipart/form-data; boundary=XyZ-boundary', body);
    expect(answer.status).toBe(201);
    expect((answer.body as UploadView).fileName).toBe('律所函.pdf');
  });

  it('judges the type by the bytes: forged extensions and declared types are 415', async () => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]);
    const forgedName = await uploadFile(url, token, 'license', exe, '执业证.pdf', 'application/pdf');
    expect(forgedName.status).toBe(415);
    expect(errorOf(forgedName)).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '仅支持 PDF、JPG、PNG 格式的文件（file）' });

    const pngAsPdf = await uploadFile(url, token, 'license', sampleFiles.png(), '执业证.pdf', 'image/png');
    expect(pngAsPdf.status).toBe(415);
    expect(errorOf(pngAsPdf).message).toContain('.pdf');

    const wrongDeclared = await uploadFile(url, token, 'license', sampleFiles.pdf(), '执业证.pdf', 'image/jpeg');
    expect(wrongDeclared.status).toBe(415);
    expect(errorOf(wrongDeclared).message).toContain('声明的类型');

    const pdfAsExe = await uploadFile(url, token, 'license', sampleFiles.pdf(), 'setup.exe', 'application/pdf');
    expect(pdfAsExe.status).toBe(415);

    const gif = await uploadFile(url, token, 'license', Buffer.from('GIF89a........'), 'a.gif', 'image/gif');
    expect(gif.status).toBe(415);

    const json = await api(url, 'POST', '/api/uploads', { token, body: { kind: 'license', file: 'JVBERi0=' } });
    expect(json.status).toBe(415);
    expect(errorOf(json).message).toContain('multipart/form-data');
  });

  it('refuses empty files, files over 10 MiB, missing parts and unknown kinds', async () => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());

    const empty = await uploadFile(url, token, 'license', new Uint8Array(0), 'a.pdf');
    expect(empty.status).toBe(400);
    expect(errorOf(empty).message).toBe('上传的文件（file）为空');

    const atLimit = Buffer.alloc(MAX_UPLOAD_BYTES, 0x20);
    sampleFiles.pdf().copy(atLimit);
    expect((await uploadFile(url, token, 'license', atLimit, 'big.pdf')).status).toBe(201);
    const tooBig = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x20);
    sampleFiles.pdf().copy(tooBig);
    const refused = await uploadFile(url, token, 'license', tooBig, 'big.pdf');
    expect(refused.status).toBe(413);
    expect(errorOf(refused)).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '文件（file）超过 10 MB 上限' });

    const badKind = await uploadFile(url, token, 'passport', sampleFiles.pdf());
    expect(badKind.status).toBe(400);
    expect(errorOf(badKind).message).toContain('文件类别（kind）');

    const noKind = await rawPost(
      url,
      token,
      'multipart/form-data; boundary=XyZ-boundary',
      multipart([{ headers: 'Content-Disposition: form-data; name="file"; filename="a.pdf"', body: sampleFiles.pdf() }]),
    );
    expect(noKind.status).toBe(400);
    expect(errorOf(noKind).message).toBe('缺少文件类别（kind）');

    const noFile = await rawPost(
      url,
      token,
      'multipart/form-data; boundary=XyZ-boundary',
      multipart([{ headers: 'Content-Disposition: form-data; name="kind"', body: 'license' }]),
    );
    expect(noFile.status).toBe(400);
    expect(errorOf(noFile).message).toBe('缺少上传文件（file）');

    const twoFiles = await rawPost(
      url,
      token,
      'multipart/form-data; boundary=XyZ-boundary',
      multipart([
        { headers: 'Content-Disposition: form-data; name="kind"', body: 'license' },
        { headers: 'Content-Disposition: form-data; name="file"; filename="a.pdf"', body: sampleFiles.pdf() },
        { headers: 'Content-Disposition: form-data; name="file"; filename="b.pdf"', body: sampleFiles.pdf() },
      ]),
    );
    expect(twoFiles.status).toBe(400);
    expect(errorOf(twoFiles).message).toBe('每次只能上传一个文件（file）');

    const truncated = await rawPost(
      url,
      token,
      'multipart/form-data; boundary=XyZ-boundary',
      Buffer.from('--XyZ-boundary\r\nContent-Disposition: form-data; name="kind"\r\n\r\nlicense\r\n--XyZ-boundary\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut off'),
    );
    expect(truncated.status).toBe(400);
    expect(errorOf(truncated).code).toBe('VALIDATION');

    const noBoundary = await rawPost(url, token, 'multipart/form-data', Buffer.from('whatever'));
    expect(noBoundary.status).toBeGreaterThanOrEqual(400);
    expect(noBoundary.status).toBeLessThan(500);
  });

  it('survives a body far over the limit sent in one go', async () => {
    const url = await start();
    const { token } = await registerByQr(url, lawyerFixture());
    const huge = Buffer.alloc(40 * 1024 * 1024, 0x25);
    const body = multipart([
      { headers: 'Content-Disposition: form-data; name="kind"', body: 'license' },
      { headers: 'Content-Disposition: form-data; name="file"; filename="huge.pdf"\r\nContent-Type: application/pdf', body: huge },
    ]);
    const answer = await rawPost(url, token, 'multipart/form-data; boundary=XyZ-boundary', body);
    expect(answer.status).toBe(413);
    // The portal is still fine.
    expect((await api(url, 'GET', '/api/health')).status).toBe(200);
  });

  it('needs a signed-in lawyer at stage ready', async () => {
    const url = await start();
    const anonymous = await fetch(`${url}/api/uploads`, { method: 'POST', body: new FormData() });
    expect(anonymous.status).toBe(401);
    const forged = await uploadFile(url, 'forged-token', 'license', sampleFiles.pdf());
    expect(forged.status).toBe(401);

    const lawyer = lawyerFixture();
    await activate(url, lawyer);
    const { token } = await loginByQr(url, lawyer.phone);
    const notReady = await uploadFile(url, token, 'license', sampleFiles.pdf());
    expect(notReady.status).toBe(403);
    expect(errorOf(notReady)).toEqual({ code: 'FORBIDDEN', message: '请先完成授权信息和完善信息' });
  });

  it('lets a lawyer signed in by SMS upload without a scan (only filing needs one)', async () => {
    const url = await start();
    const lawyer = lawyerFixture();
    await registerByQr(url, lawyer);
    const { token } = await loginBySms(url, lawyer.phone);
    expect((await uploadFile(url, token, 'license', sampleFiles.pdf())).status).toBe(201);
  });
});

describe('GET /api/uploads/{id}', () => {
  it('answers 404 for another lawyer\'s upload and for unknown or malformed ids', async () => {
    const url = await start();
    const owner = await registerByQr(url, lawyerFixture());
    const other = await registerByQr(url, lawyerFixture());
    const { body } = await uploadFile(url, owner.token, 'license', sampleFiles.pdf());

    const foreign = await api(url, 'GET', `/api/uploads/${body.id}`, { token: other.token });
    expect(foreign.status).toBe(404);
    expect(errorOf(foreign).code).toBe('NOT_FOUND');
    expect((await api(url, 'GET', '/api/uploads/no-such-upload', { token: owner.token })).status).toBe(404);
    const malformed = await api(url, 'GET', `/api/uploads/${'x'.repeat(65)}`, { token: owner.token });
    expect(malformed.status).toBe(400);
    expect((await api(url, 'GET', `/api/uploads/${body.id}`)).status).toBe(401);
  });
});

describe('uploads in a data folder', () => {
  it('writes the bytes to <data>/uploads/<id> and keeps the metadata across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-portal-uploads-'));
    folders.push(dir);
    const first = await startMockPortal({ seed: false, dataDir: dir });
    portals.push(first);
    const lawyer = lawyerFixture();
    const { token } = await registerByQr(first.url, lawyer);
    const png = sampleFiles.png();
    const { body } = await uploadFile(first.url, token, 'client-id', png, '身份证.png', 'image/png');
    await first.close();

    expect(await readdir(join(dir, 'uploads'))).toEqual([body.id]);
    expect(await readFile(join(dir, 'uploads', body.id))).toEqual(png);

    const second = await startMockPortal({ seed: false, dataDir: dir });
    portals.push(second);
    const again = await api<UploadView>(second.url, 'GET', `/api/uploads/${body.id}`, { token });
    expect(again.body).toEqual(body);
  });
});

