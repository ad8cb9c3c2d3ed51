import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleReviewItem, DownloadLinkResponse, QrSessionView } from '../../shared/portal-wire';
import { startMockPortal, type MockPortal } from '../mock-portal';
import {
  api,
  consoleApprove,
  dossierPasswordsFromSms,
  errorOf,
  lawyerWithReview,
  verifyByPhone,
} from '../test-helpers';

let portal: MockPortal;
beforeAll(async () => {
  portal = await startMockPortal({ seed: false, dossierPages: 3 });
});
afterAll(() => portal.close());

function decodePng(bytes: Buffer): string | undefined {
  const png = PNG.sync.read(bytes);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

async function loginSession(): Promise<QrSessionView> {
  return (await api<QrSessionView>(portal.url, 'POST', '/api/auth/qr-sessions', { body: { purpose: 'login' } })).body;
}

describe('the website pages', () => {
  it('redirects /site to /site/', async () => {
    const response = await fetch(`${portal.url}/site`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/site/');
  });

  it('serves the page, its script and styles under the strict CSP, with no inline script', async () => {
    const page = await fetch(`${portal.url}/site/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    for (const label of ['12309 中国检察网', '>登录<', '律师认证登录', '律师身份核验扫码', '授权信息', '>同意<', '完善信息', '律师事务所', '>提交<',
      '个人中心', '执业证号', '我的预约', '辩护与代理网上预约', '退出登录', '律师身份核验', '卷宗下载密码', '>确定<', '>取消<', '刷新二维码']) {
      expect(html, label).toContain(label);
    }
    expect(html).not.toMatch(/<script>(?!<\/script>)|<style>|\son\w+=|data-qr/);

    const assets = [...html.matchAll(/(?:src|href)="(\/site\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.sort()).toEqual(['/site/app.css', '/site/app.js']);
    const script = await fetch(`${portal.url}/site/app.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    const source = await script.text();
    // The script must at least parse, and keep the token only for the tab's life.
    expect(() => new Function(source)).not.toThrow();
    expect(source).toContain('sessionStorage');
    expect(source).not.toContain('localStorage');
    const styles = await fetch(`${portal.url}/site/app.css`);
    expect(styles.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('is linked from the portal home page', async () => {
    expect(await (await fetch(`${portal.url}/`)).text()).toContain('href="/site/"');
  });
});

describe('GET /site/qr.png and /site/qr.svg', () => {
  it('draws a QR code that decodes to the session text', async () => {
    const session = await loginSession();
    const png = await fetch(`${portal.url}/site/qr.png?text=${encodeURIComponent(session.qrText)}`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('cache-control')).toBe('no-store');
    expect(decodePng(Buffer.from(await png.arrayBuffer()))).toBe(session.qrText);

    const svg = await fetch(`${portal.url}/site/qr.svg?text=${encodeURIComponent(session.qrText)}`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('content-security-policy')).toBe("default-src 'none'");
    const body = await svg.text();
    expect(body).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/);
    expect(body).not.toContain('<script');
  });

  it('draws step-up (身份核验) QR texts too', async () => {
    const { token } = await lawyerWithReview(portal.url);
    const verify = await api<QrSessionView>(portal.url, 'POST', '/api/step-up', { token, body: { action: 'download' } });
    const png = await fetch(`${portal.url}/site/qr.png?text=${encodeURIComponent(verify.body.qrText)}`);
    expect(decodePng(Buffer.from(await png.arrayBuffer()))).toBe(verify.body.qrText);
  });

  it('refuses text that is missing, too long, or not a QR text of this portal', async () => {
    const session = await loginSession();
    const forged = session.qrText.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const cases: [string, number, RegExp][] = [
      ['', 400, /二维码内容（text）缺失/],
      ['?text=', 400, /二维码内容（text）缺失/],
      [`?text=${'A'.repeat(65)}`, 400, /过长/],
      ['?text=https%3A%2F%2Fexample.com', 400, /不是本门户签发的二维码/],
      [`?text=${encodeURIComponent('12309QR:v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA')}`, 404, /不存在/],
      [`?text=${encodeURIComponent(forged)}`, 404, /不是本门户签发的二维码/],
    ];
    for (const [query, status, message] of cases) {
      for (const format of ['png', 'svg']) {
        const answer = await api(portal.url, 'GET', `/site/qr.${format}${query}`);
        expect(answer.status, `${format} ${query}`).toBe(status);
        expect(errorOf(answer).message, `${format} ${query}`).toMatch(message);
      }
    }
  });
});

describe('the download link in a browser', () => {
  it('answers a plain GET (no bearer, no cookie) with the archive as an attachment under its Chinese name', async () => {
    const caseName = '陈某康危险驾驶案';
    const { lawyer, token, reviewId } = await lawyerWithReview(portal.url, { procuratorateId: 'cq-fuling', caseName });
    await consoleApprove(portal.url, 'reviews', reviewId);
    const published = await api<ConsoleReviewItem>(portal.url, 'POST', `/api/console/reviews/${reviewId}/publish`);
    expect(published.status).toBe(200);
    const { download } = await dossierPasswordsFromSms(portal.url, lawyer.phone);

    // What the page does on 【确定】: the link, with the step-up the phone confirmed.
    const stepUp = await verifyByPhone(portal.url, token, lawyer.phone, 'download');
    const linkResponse = await fetch(`${portal.url}/api/reviews/${reviewId}/download-links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-step-up': stepUp },
      body: JSON.stringify({ password: download }),
    });
    expect(linkResponse.status).toBe(201);
    const link = (await linkResponse.json()) as DownloadLinkResponse;
    // Same origin: the page can hand the path straight to location.assign.
    expect(link.url).toMatch(/^\/api\/downloads\/[A-Za-z0-9_-]{43}$/);

    const file = await fetch(`${portal.url}${link.url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="dossier.zip"; filename*=UTF-8''${encodeURIComponent(link.fileName)}`,
    );
    expect(link.fileName).toContain(caseName);
    expect(file.headers.get('content-type')).toBe('application/zip');
    expect((await file.arrayBuffer()).byteLength).toBe(link.size);
  });
});
