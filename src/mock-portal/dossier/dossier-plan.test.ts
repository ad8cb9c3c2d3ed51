import { describe, expect, it } from 'vitest';
import { buildCaseProfile } from './case-profile';
import { DocumentCatalog } from './document-catalog';
import { planDossier, planSingleScan, scannedOnly, TOC_ROWS_PER_PAGE, VOLUME_MAX_PAGES } from './dossier-plan';
import { SeededRandom } from './seeded-random';

function catalogAndRandom(seed: string) {
  const random = new SeededRandom(seed);
  const profile = buildCaseProfile({ caseName: '王某涉嫌盗窃案', unitName: '安徽省合肥市蜀山区人民检察院', suspects: ['王某', '赵某'] }, random.fork('profile'));
  return { catalog: new DocumentCatalog(profile), random: random.fork('plan') };
}

function plan(pages: number, seed = 'plan-test') {
  const { catalog, random } = catalogAndRandom(seed);
  return planDossier(pages, catalog, random);
}

describe('planDossier', () => {
  it.each([3, 4, 17, 60, 200, 201, 457, 1000, 4001])('uses exactly %i pages, in volumes of at most 200', (pages) => {
    const volumes = plan(pages);
    const total = volumes.reduce((sum, v) => sum + v.frontPages + v.documents.reduce((s, d) => s + d.pageKinds.length, 0), 0);
    expect(total).toBe(pages);
    expect(volumes).toHaveLength(Math.ceil(pages / VOLUME_MAX_PAGES));
    for (const volume of volumes) {
      const documentPages = volume.documents.reduce((s, d) => s + d.pageKinds.length, 0);
      expect(volume.frontPages + documentPages).toBeLessThanOrEqual(VOLUME_MAX_PAGES);
      expect(volume.documentPages).toBe(documentPages);
      expect(volume.tocPages).toBeGreaterThanOrEqual(Math.ceil(volume.documents.length / TOC_ROWS_PER_PAGE));
      // 页次 run on without gaps from 1.
      let expected = 1;
      for (const document of volume.documents) {
        expect(document.pageKinds.length).toBeGreaterThan(0);
        expect(document.firstPage).toBe(expected);
        expected += document.pageKinds.length;
      }
    }
  });

  it('names volumes 第一卷, 第二卷 … and opens with the 起诉意见书', () => {
    const volumes = plan(650);
    expect(volumes.map((v) => v.name)).toEqual(['第一卷', '第二卷', '第三卷', '第四卷']);
    expect(volumes[0]?.documents[0]?.blueprint.title).toBe('起诉意见书');
    const titles = volumes.flatMap((v) => v.documents.map((d) => d.blueprint.title));
    for (const kind of ['讯问笔录（王某第一次）', '讯问笔录（赵某第二次）', '证人证言', '鉴定意见', '现场勘验检查笔录', '扣押清单', '书证：']) {
      expect(titles.some((t) => t.startsWith(kind))).toBe(true);
    }
    const kinds = volumes.flatMap((v) => v.documents.flatMap((d) => d.pageKinds));
    const scans = kinds.filter((k) => k === 'scan').length;
    expect(scans / kinds.length).toBeGreaterThan(0.15);
    expect(scans / kinds.length).toBeLessThan(0.6);
  });

  it('is a function of the seed', () => {
    const titles = (seed: string) => plan(300, seed).flatMap((v) => v.documents.map((d) => `${d.blueprint.title}:${d.pageKinds.length}`));
    expect(titles('a')).toEqual(titles('a'));
    expect(titles('a')).not.toEqual(titles('b'));
  });
});

describe('planSingleScan', () => {
  it.each([3, 250, 1000])('makes one volume that is one scanned document of all %i pages, beyond the 200-page volume limit', (pages) => {
    const { catalog, random } = catalogAndRandom('single');
    const volumes = planSingleScan(pages, catalog, random);
    expect(volumes).toHaveLength(1);
    const [volume] = volumes;
    expect(volume?.name).toBe('第一卷');
    expect(volume?.frontPages).toBe(0);
    expect(volume?.documentPages).toBe(pages);
    expect(volume?.documents).toHaveLength(1);
    const document = volume?.documents[0];
    expect(document?.pageKinds).toHaveLength(pages);
    expect(document?.pageKinds.every((kind) => kind === 'scan')).toBe(true);
    expect(document?.scanLayouts).toHaveLength(pages);
    expect(document?.firstPage).toBe(1);
  });

  it('scans each page as the paper it is: cover, 目录, then the documents\' own layouts', () => {
    const { catalog, random } = catalogAndRandom('single');
    const layouts = planSingleScan(400, catalog, random)[0]?.documents[0]?.scanLayouts ?? [];
    expect(layouts.slice(0, 2)).toEqual(['letter', 'table']);
    expect(new Set(layouts)).toEqual(new Set(['letter', 'table', 'form', 'photo', 'statement']));
  });
});

describe('scannedOnly', () => {
  it('turns every document page into a scan and keeps the plan otherwise', () => {
    const planned = plan(260);
    const scanned = scannedOnly(planned);
    expect(scanned.map((v) => v.documents.map((d) => d.pageKinds.length))).toEqual(planned.map((v) => v.documents.map((d) => d.pageKinds.length)));
    expect(scanned.map((v) => v.frontPages)).toEqual(planned.map((v) => v.frontPages));
    expect(scanned.flatMap((v) => v.documents.flatMap((d) => d.pageKinds)).every((kind) => kind === 'scan')).toBe(true);
    // The plan it was given is left as it was.
    expect(planned.flatMap((v) => v.documents.flatMap((d) => d.pageKinds))).toContain('text');
  });
});
