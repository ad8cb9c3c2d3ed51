/**
 * Child process: one download with core's DownloadEngine, as the app runs it (default options), of
 * the request given as JSON on stdin. Prints the time from start() to the verified file in place,
 * and the process's peak RSS (its own process, so nothing else's memory counts).
 */
import { performance } from 'node:perf_hooks';
import { DownloadEngine, type DownloadRequest } from '../../src/core/download-engine';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const { baseUrl, request } = JSON.parse(await readStdin()) as { baseUrl: string; request: DownloadRequest };
const engine = new DownloadEngine({ baseUrl });
// RSS once a tenth is in, and the most seen after: flat memory means these stay close.
let earlyRss: number | null = null;
let laterRss = 0;
engine.on('progress', (progress) => {
  const rss = process.memoryUsage.rss();
  if (earlyRss === null) {
    if (progress.percent >= 10) earlyRss = rss;
  } else laterRss = Math.max(laterRss, rss);
});
const start = performance.now();
const started = await engine.start(request);
const done = await engine.wait(started.id);
const ms = performance.now() - start;
await engine.close();
if (done.state !== 'completed') {
  process.stderr.write(`download ${done.state}: ${done.error?.message ?? ''}\n`);
  process.exit(1);
}
const growthMb = earlyRss === null ? 0 : Math.max(0, laterRss - earlyRss) / 2 ** 20;
// maxRSS is in kilobytes.
process.stdout.write(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, growthMb }));
