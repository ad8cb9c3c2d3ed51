/**
 * Serves the peer page, pdfjs-dist's files and the benchmark PDF on 127.0.0.1, with single byte
 * ranges (pdf.js loads large documents by range).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { PEER_PAGE } from './peer-page';

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface PeerServer {
  url: string;
  close(): Promise<void>;
}

export async function startPeerServer(pdfPath: string): Promise<PeerServer> {
  const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const server = http.createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      if (path === '/' || path === '/peer.html') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PEER_PAGE);
        return;
      }
      let file: string;
      if (path === '/volume.pdf') file = pdfPath;
      else if (path.startsWith('/pdfjs/')) {
        file = normalize(join(pdfjsRoot, path.slice('/pdfjs/'.length)));
        if (!file.startsWith(pdfjsRoot + sep)) {
          response.writeHead(404).end();
          return;
        }
      } else {
        response.writeHead(404).end();
        return;
      }
      const size = await stat(file).then((s) => s.size, () => null);
      if (size === null) {
        response.writeHead(404).end();
        return;
      }
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'accept-ranges': 'bytes' };
      const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
      if (range) {
        const start = Number(range[1]);
        const end = Math.min(size - 1, range[2] ? Number(range[2]) : size - 1);
        response.writeHead(206, { ...headers, 'content-length': String(end - start + 1), 'content-range': `bytes ${start}-${end}/${size}` });
        createReadStream(file, { start, end }).pipe(response);
        return;
      }
      response.writeHead(200, { ...headers, 'content-length': String(size) });
      createReadStream(file).pipe(response);
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
