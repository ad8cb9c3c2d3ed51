/**
 * How the built renderer is served, identically by the Electron shell (app://) and the web host
 * (http://127.0.0.1): its Content-Security-Policy and the MIME types of its files.
 */

/**
 * antd injects its styles at runtime, hence 'unsafe-inline' for styles (and only for styles).
 * pdf.js decodes JBIG2 and JPEG 2000 scans and colour profiles with WebAssembly shipped beside the
 * app: 'wasm-unsafe-eval' lets it compile that wasm and nothing else (no eval, no inline script).
 */
export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...extraConnectSources].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  // pdf.js resources: CJK character maps, standard Type 1 fonts, ICC colour profiles.
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/x-font-type1',
  '.icc': 'application/vnd.iccprofile',
};

export function mimeTypeFor(filePath: string): string {
  const name = filePath.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? mimeTypes[name.slice(dot).toLowerCase()] : undefined) ?? 'application/octet-stream';
}
