/**
 * download.ratio_vs_curl and download.peak_rss_mb: the ~500 MB dossier from the mock portal over
 * loopback, by core's DownloadEngine in a child process (as the app runs it: verified, renamed into
 * place) and by curl, alternating, each run into an empty folder. For context (details only, not the
 * figure) a third side keeps the file as the app does: curl | tee FILE | openssl dgst -sha256, then
 * fsync of the file (coreutils `sync FILE`).
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WrittenDossier } from '../../src/mock-portal/dossier';
import { mustRun } from '../children';
import { flushDisk, median, round, say } from '../measure';
import { figure, type Figure } from '../results';
import { serveThroughPortal } from './portal-dossier';

export interface DownloadFigures {
  ratio: Figure;
  peakRss: Figure;
}

export async function downloadBench(options: { buildDir: string; work: string; archive: WrittenDossier; caseName: string; runs: number }): Promise<DownloadFigures> {
  const { archive, runs } = options;
  const served = await serveThroughPortal(join(options.work, 'portal'), archive, options.caseName);
  try {
    const curlVersion = (await mustRun('curl', ['--version'])).stdout.split('\n')[0]?.split(' ').slice(0, 2).join(' ') ?? 'curl';
    const curlMs: number[] = [];
    const verifyingMs: number[] = [];
    const appMs: number[] = [];
    const rss: number[] = [];
    const growth: number[] = [];
    const target = join(options.work, 'download-target');
    const curlRun = async () => {
      await rm(target, { recursive: true, force: true });
      await mkdir(target, { recursive: true });
      const file = join(target, archive.fileName);
      flushDisk();
      const result = await mustRun('curl', ['--silent', '--show-error', '--fail', '--output', file, served.url]);
      if ((await stat(file)).size !== archive.size) throw new Error('curl fetched a file of the wrong size');
      curlMs.push(result.ms);
    };
    // The same bytes written, hashed (OpenSSL's SHA-256) and made durable, as the app must before it keeps a dossier.
    const verifyingRun = async () => {
      await rm(target, { recursive: true, force: true });
      await mkdir(target, { recursive: true });
      const file = join(target, archive.fileName);
      flushDisk();
      const script = 'set -o pipefail; curl --silent --show-error --fail "$1" | tee "$2" | openssl dgst -sha256 -r && sync "$2"';
      const result = await mustRun('bash', ['-c', script, 'verify', served.url, file]);
      if (!result.stdout.startsWith(served.link.sha256)) throw new Error('curl | openssl computed another SHA-256');
      verifyingMs.push(result.ms);
    };
    const appRun = async () => {
      await rm(target, { recursive: true, force: true });
      await mkdir(target, { recursive: true });
      const request = {
        reviewId: 'bench',
        url: served.link.url,
        expectedSha256: served.link.sha256,
        size: served.link.size,
        fileName: served.link.fileName,
        destination: target,
      };
      flushDisk();
      const result = await mustRun(process.execPath, [join(options.buildDir, 'download-child.mjs')], {
        input: JSON.stringify({ baseUrl: served.portal.url, request }),
      });
      const measured = JSON.parse(result.stdout) as { ms: number; peakRssMb: number; growthMb: number };
      appMs.push(measured.ms);
      rss.push(measured.peakRssMb);
      growth.push(measured.growthMb);
    };
    // One unmeasured pass each warms the page cache and the portal, then alternate (order flipped each round).
    await curlRun();
    await appRun();
    await verifyingRun();
    curlMs.length = 0;
    verifyingMs.length = 0;
    appMs.length = 0;
    rss.length = 0;
    growth.length = 0;
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) {
        await curlRun();
        await appRun();
      } else {
        await appRun();
        await curlRun();
      }
      await verifyingRun();
      say(`download run ${i + 1}/${runs}: curl ${Math.round(curlMs.at(-1) as number)} ms, app ${Math.round(appMs.at(-1) as number)} ms, curl | tee | openssl sha256 + fsync ${Math.round(verifyingMs.at(-1) as number)} ms`);
    }
    await rm(target, { recursive: true, force: true });
    const mb = archive.size / 1e6;
    const curlMedian = median(curlMs);
    const appMedian = median(appMs);
    const peer = `${curlVersion} fetching the same ${Math.round(mb)} MB dossier from the same mock portal over loopback`;
    const details = {
      size_mb: round(mb, 1),
      app_ms: Math.round(appMedian),
      curl_ms: Math.round(curlMedian),
      app_mb_per_s: round(mb / (appMedian / 1000), 1),
      curl_mb_per_s: round(mb / (curlMedian / 1000), 1),
      // curl neither verifies nor fsyncs what it fetched; the app hashes every byte (SHA-256) as it
      // writes it and fsyncs the file before it is a dossier.
      curl_tee_openssl_sha256_fsync_ms: Math.round(median(verifyingMs)),
      ratio_vs_curl_tee_openssl_sha256_fsync: round(median(verifyingMs) / appMedian, 3),
    };
    return {
      ratio: figure(round(curlMedian / appMedian, 3), 'ratio', { op: '>=', value: 0.95 }, peer, runs, details),
      peakRss: figure(round(Math.max(...rss), 1), 'MB', { op: '<=', value: 300 }, 'absolute: the downloader child process’s peak RSS (max over the runs)', runs, {
        median_peak_rss_mb: round(median(rss), 1),
        rss_growth_after_first_tenth_mb: round(Math.max(...growth), 1),
        size_mb: round(mb, 1),
      }),
    };
  } finally {
    await served.portal.close();
    await rm(join(options.work, 'portal'), { recursive: true, force: true });
  }
}
