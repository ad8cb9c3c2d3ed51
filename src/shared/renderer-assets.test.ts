import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, mimeTypeFor } from './renderer-assets';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name as string, sources];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('lets pdf.js compile its wasm decoders but never evaluate strings or run inline script', () => {
    const script = directives(contentSecurityPolicy()).get('script-src');
    expect(script).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(script).not.toContain("'unsafe-eval'");
    expect(script).not.toContain("'unsafe-inline'");
  });

  it('allows the pdf.js worker from the app and page images as blob: URLs, nothing remote', () => {
    const policy = directives(contentSecurityPolicy(['ws://127.0.0.1:4000']));
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4000']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });
});

describe('mimeTypeFor', () => {
  it('names the types of the pdf.js resources the renderer ships', () => {
    expect(mimeTypeFor('pdfjs/cmaps/UniGB-UCS2-H.bcmap')).toBe('application/octet-stream');
    expect(mimeTypeFor('pdfjs/standard_fonts/FoxitSerif.pfb')).toBe('application/x-font-type1');
    expect(mimeTypeFor('pdfjs/standard_fonts/LiberationSans-Regular.ttf')).toBe('font/ttf');
    expect(mimeTypeFor('pdfjs/wasm/openjpeg.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('pdfjs/iccs/CGATS001Compat-v2-micro.icc')).toBe('application/vnd.iccprofile');
    expect(mimeTypeFor('assets/pdf.worker.min-abc.mjs')).toBe('text/javascript; charset=utf-8');
  });
});
