import { describe, expect, it } from 'vitest';
import { buildCaseProfile } from './case-profile';
import { DocumentCatalog } from './document-catalog';
import { planDossier, TOC_ROWS_PER_PAGE, VOLUME_MAX_PAGES } from './dossier-plan';
import { SeededRandom } from './seeded-random';

function plan(pages: number, seed = 'plan-test') {
  const random = new SeededRandom(seed);
  const profile = buildCaseProfile({ caseName: '王某涉嫌盗窃案', unitName: '安徽省合肥市蜀山区人民检察院', suspects: ['王某', '赵某'] }, random.fork('profile'));
  return planDossier(pages, new DocumentCatalog(profile), random.fork('plan'));
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
