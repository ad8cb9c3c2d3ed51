import { describe, expect, it } from 'vitest';
import { printDocumentHtml } from './print-document';

const sheets = [1, 2, 3].map((page) => ({ src: `blob:http://127.0.0.1:5000/${page}`, caption: `《第一卷·讯问笔录》第${page}页` }));

/** The markup of each printed sheet. */
function sections(html: string): string[] {
  return html.split('<section class="print-page">').slice(1);
}

describe('printDocumentHtml', () => {
  it('gives every page a sheet with its image, its caption and the watermark', () => {
    const html = printDocumentHtml({ title: '赵某某涉嫌盗窃案', sheets, watermark: '张明远 2025-03-08', lang: 'zh-CN' });
    const found = sections(html);
    expect(found).toHaveLength(3);
    found.forEach((section, index) => {
      expect(section).toContain(`src="blob:http://127.0.0.1:5000/${index + 1}"`);
      expect(section).toContain(`<div class="print-caption">《第一卷·讯问笔录》第${index + 1}页</div>`);
      expect(section).toMatch(/<div class="print-watermark"[^>]*>(<span[^>]*>张明远 2025-03-08<\/span>)+<\/div>/);
    });
  });

  it('prints on A4 without margins, one page per sheet', () => {
    const html = printDocumentHtml({ title: 'x', sheets, watermark: null, lang: 'zh-CN' });
    expect(html).toContain('@page { size: A4 portrait; margin: 0; }');
    expect(html).toMatch(/\.print-page \{[^}]*break-after: page/);
    expect(html).toContain('<title>x</title>');
  });

  it('leaves the watermark out when it is switched off', () => {
    const html = printDocumentHtml({ title: 'x', sheets, watermark: null, lang: 'zh-CN' });
    expect(sections(html)).toHaveLength(3);
    expect(html).not.toContain('<div class="print-watermark"');
  });

  it('escapes names and titles: a name is text, never markup', () => {
    const html = printDocumentHtml({
      title: '</title><script>alert(1)</script>',
      sheets: [{ src: 'blob:x" onerror="alert(1)', caption: '<b>' }],
      watermark: '<img src=x onerror=alert(1)>',
      lang: 'zh-CN',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('" onerror="');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});
