/**
 * A benchmark dossier served by the real mock portal, reached as a lawyer reaches it: the review is
 * filed, approved and published through the portal's API (with a small dossier), then the portal is
 * stopped, the large generated archive is put where the portal keeps that review's archive
 * (`<data>/dossiers/<key>`) and its record (size, SHA-256) is updated in the portal's data file, and the
 * portal is started again on that folder. The download link then comes from the API as usual (step-up
 * by the simulated phone, 卷宗下载密码 from the SMS) and is served with Range, ETag and digest.
 */
import { copyFile, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DownloadLinkResponse } from '../../src/shared/portal-wire';
import { PortalClient } from '../../src/core/portal-client';
import { startMockPortal, type MockPortal } from '../../src/mock-portal';
import type { WrittenDossier } from '../../src/mock-portal/dossier';
import { api, consoleApprove, dossierPasswordsFromSms, lawyerWithReview, verifyByPhone } from '../../src/mock-portal/test-helpers';

const STATE_FILE = 'portal-state.json';

export interface ServedDossier {
  portal: MockPortal;
  link: DownloadLinkResponse;
  /** The link as an absolute URL (what curl is given). */
  url: string;
}

interface PortalState {
  reviews: { id: string; dossier: { storageKey: string; size: number; sha256: string; pages: number; fileName: string } | null }[];
}

export async function serveThroughPortal(dataDir: string, archive: WrittenDossier, caseName: string): Promise<ServedDossier> {
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const first = await startMockPortal({ dataDir, seed: false, dossierPages: 3 });
  let lawyer: Awaited<ReturnType<typeof lawyerWithReview>>;
  let download: string;
  try {
    lawyer = await lawyerWithReview(first.url, { procuratorateId: 'cq-fuling', caseName });
    await consoleApprove(first.url, 'reviews', lawyer.reviewId);
    const published = await api(first.url, 'POST', `/api/console/reviews/${lawyer.reviewId}/publish`);
    if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
    ({ download } = await dossierPasswordsFromSms(first.url, lawyer.lawyer.phone));
  } finally {
    await first.close();
  }

  const statePath = join(dataDir, STATE_FILE);
  const state = JSON.parse(await readFile(statePath, 'utf8')) as PortalState;
  const record = state.reviews.find((review) => review.id === lawyer.reviewId)?.dossier;
  if (!record) throw new Error('the published review has no dossier in the portal state');
  const stored = join(dataDir, 'dossiers', record.storageKey);
  await rm(stored, { force: true });
  // A hard link costs nothing; another file system gets a copy.
  await link(archive.filePath, stored).catch(() => copyFile(archive.filePath, stored));
  Object.assign(record, { size: archive.size, sha256: archive.sha256, pages: archive.pageCount, fileName: archive.fileName });
  await writeFile(statePath, JSON.stringify(state));

  const portal = await startMockPortal({ dataDir, seed: false });
  try {
    const stepUp = await verifyByPhone(portal.url, lawyer.token, lawyer.lawyer.phone, 'download');
    const answer = await new PortalClient({ baseUrl: portal.url }).createDownloadLink(lawyer.token, lawyer.reviewId, download, stepUp);
    if (answer.size !== archive.size || answer.sha256 !== archive.sha256) throw new Error('the portal serves another archive than the one placed');
    return { portal, link: answer, url: new URL(answer.url, portal.url).href };
  } catch (error) {
    await portal.close();
    throw error;
  }
}
