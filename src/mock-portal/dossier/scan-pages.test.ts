import { describe, expect, it } from 'vitest';
import { buildCaseProfile } from './case-profile';
import { DocumentCatalog } from './document-catalog';
import { planDossier, planSingleScan, scannedOnly, type PlannedDocument } from './dossier-plan';
import { scanPageLines, scanPageText, type ScanPagePlan } from './scan-layout';
import { HEAVY_VARIANTS, scanPagePlans } from './scan-pages';
import { SeededRandom } from './seeded-random';
import { layoutText } from './text-layout';

const root = new SeededRandom('scan-pages');
const profile = buildCaseProfile({ caseName: '陈浩然涉嫌诈骗案', unitName: '重庆市涪陵区人民检察院', suspects: ['陈浩然', '刘晓东'] }, root.fork('profile'));
const volumes = planDossier(400, new DocumentCatalog(profile), root.fork('plan'));
const documents = volumes.flatMap((volume) => volume.documents);
const find = (title: string, from = documents): PlannedDocument => from.find((d) => d.blueprint.title.startsWith(title)) as PlannedDocument;
const plansOf = (document: PlannedDocument, scans: 'standard' | 'heavy' = 'standard') => scanPagePlans(document, profile, root.fork(`document-${document.index}`), scans);
/** The page's text without the stamp. */
const textOf = (plan: ScanPagePlan | null | undefined) => scanPageText(plan as ScanPagePlan, null);

describe('scanPagePlans', () => {
  it('gives scanned papers their own contents, naming the case, its people and its place', () => {
    const [registration] = plansOf(find('受案登记表'));
    expect(textOf(registration).split('\n').slice(0, 2)).toEqual(['重庆市涪陵区公安局', '受案登记表']);
    const warrant = textOf(plansOf(find('拘留证（刘晓东）'))[0]);
    expect(warrant).toContain('拘留证');
    expect(warrant).toContain('犯罪嫌疑人刘晓东');
    const list = plansOf(find('扣押清单'));
    expect(textOf(list[0])).toContain('编号 名称 数量 特征 备注');
    const statement = plansOf(find('书证：银行账户交易明细'));
    expect(statement.length).toBeGreaterThanOrEqual(2);
    expect(textOf(statement[0])).toMatch(/\n\d{4}-\d{2}-\d{2} \d{2}:\d{2} /);
    // Pages of one paper differ.
    expect(textOf(statement[1])).not.toBe(textOf(statement[0]));
  });

  it('leaves typed pages alone and gives a typed document\'s attached scans their paper (scene photos)', () => {
    const scene = find('现场勘验检查笔录');
    const plans = plansOf(scene);
    scene.pageKinds.forEach((kind, i) => expect(plans[i] === null).toBe(kind === 'text'));
    const photos = plans.filter((plan): plan is ScanPagePlan => plan !== null);
    expect(photos.length).toBeGreaterThan(0);
    expect(photos[0]?.photos).toHaveLength(2);
    expect(textOf(photos[0])).toMatch(/照片1：重庆市涪陵区/);
  });

  it('shows a typed document printed and scanned with the very lines its text pages have', () => {
    const scanned = scannedOnly(volumes).flatMap((volume) => volume.documents);
    const opinion = find('起诉意见书', scanned);
    const typed = find('起诉意见书');
    const plans = plansOf(opinion);
    expect(plans.every((plan) => plan !== null)).toBe(true);
    const random = root.fork(`document-${typed.index}`);
    const pages = layoutText((typed.blueprint.text as NonNullable<typeof typed.blueprint.text>)(random.fork('text')), typed.pageKinds.length, random.fork('layout'));
    pages.forEach((lines, i) => {
      expect(scanPageLines(plans[i] as ScanPagePlan, null).map((line) => line.text)).toEqual(lines.map((line) => line.text.replace(/^\u3000+/, '')));
    });
    // The 批准逮捕决定书 is a letter: its own text, sealed by the procuratorate.
    const approval = plansOf(find('批准逮捕决定书'))[0] as ScanPagePlan;
    expect(textOf(approval).replace(/\n/g, '')).toContain('决定批准逮捕犯罪嫌疑人陈浩然、刘晓东');
    expect(approval.seals.map((seal) => seal.name)).toEqual(['重庆市涪陵区人民检察院']);
  });

  it('reuses a few plans per layout for heavy scans', () => {
    const pages = documents.filter((d) => d.blueprint.scanLayout === 'table' && !d.pageKinds.includes('text')).flatMap((d) => plansOf(d, 'heavy'));
    expect(pages.length).toBeGreaterThan(20);
    const distinct = new Set(pages);
    expect(distinct.size).toBeGreaterThan(1);
    expect(distinct.size).toBeLessThanOrEqual(HEAVY_VARIANTS);
    const forms = new Set(documents.filter((d) => d.blueprint.scanLayout === 'form').flatMap((d) => plansOf(d, 'heavy')));
    for (const form of forms) expect(distinct.has(form as ScanPagePlan)).toBe(false);
  });

  it('scans a whole volume as its cover, its 卷内目录 and then each paper, as stamped', () => {
    const [volume] = planSingleScan(60, new DocumentCatalog(profile), root.fork('single'));
    const document = volume?.documents[0] as PlannedDocument;
    const plans = plansOf(document);
    expect(plans).toHaveLength(60);
    expect(textOf(plans[0])).toContain('刑事侦查卷宗');
    expect(textOf(plans[0])).toContain('案件名称 陈浩然涉嫌诈骗案');
    const contents = textOf(plans[1]);
    const first = document.papers?.[0] as PlannedDocument;
    expect(contents).toContain(`1 起诉意见书 3-${2 + first.pageKinds.length}`);
    expect(textOf(plans[2]).split('\n').slice(0, 2)).toEqual(['重庆市涪陵区公安局', '起诉意见书']);
  });

  it('is a function of the document and its random stream', () => {
    const list = find('扣押清单');
    expect(plansOf(list)).toEqual(plansOf(list));
    expect(scanPagePlans(list, profile, new SeededRandom('another'), 'standard')).not.toEqual(plansOf(list));
  });
});
