/**
 * A paper dossier scanned whole: every page of its documents an image with no text layer (the
 * cover and 卷内目录 stay typed), its PDFs encrypted — what 文字识别 is for. Written with the mock
 * portal's generator, as `dossier console generate` does, with every page a scan.
 */
import { writeDossierFile } from '../../src/mock-portal/dossier';
import type { GeneratedDossier } from './viewer-dossier';

export async function generateScannedDossier(
  archive: string,
  options: { caseName: string; openPassword: string; pages: number; suspect: string },
): Promise<GeneratedDossier & { documents: { path: string; title: string; pages: number }[] }> {
  const written = await writeDossierFile(
    {
      seed: `scanned\n${options.caseName}`,
      caseName: options.caseName,
      unitName: '重庆市涪陵区人民检察院',
      suspects: [options.suspect],
      pages: options.pages,
      format: 'zip',
      openPassword: options.openPassword,
      scannedOnly: true,
    },
    archive,
  );
  return {
    archive,
    caseName: options.caseName,
    openPassword: options.openPassword,
    documents: written.volumes.flatMap((volume) => volume.documents),
  };
}
