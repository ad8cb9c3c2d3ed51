/**
 * The documents of a dossier in the order a 侦查卷 binds them: the procedural papers first
 * (起诉意见书, 受案登记表, 立案决定书 …), then rounds of evidence (讯问笔录, 询问笔录, 证人证言,
 * 鉴定意见, 勘验笔录, 扣押清单, 书证 …) for as long as there are pages to fill.
 */
import type { CaseProfile } from './case-profile';
import { chineseNumeral } from './chinese-numerals';
import {
  arrestApproval,
  arrivalAccount,
  expertOpinion,
  filingDecision,
  identificationRecord,
  inquiryRecord,
  interrogationRecord,
  prosecutionOpinion,
  sceneInspection,
  witnessStatement,
} from './document-texts';
import {
  arrestWarrant,
  caseRegistration,
  detentionWarrant,
  EVIDENCE_PAPERS as EVIDENCE_PAPER_CONTENT,
  expertCredentials,
  residentRecord,
  scenePhotos,
  seizureList,
  type ScanPaper,
} from './scan-texts';
import type { SeededRandom } from './seeded-random';
import type { TextContent } from './text-content';

export type PageKind = 'text' | 'scan';
/** How a scanned page looks: a filled-in form, a sealed letter, a ruled list, photos, a bank statement. */
export type ScanLayout = 'form' | 'letter' | 'table' | 'photo' | 'statement';

export interface DocumentBlueprint {
  title: string;
  minPages: number;
  maxPages: number;
  scanLayout: ScanLayout;
  /** Which pages are text and which scans, for a given page count. */
  pageKinds(count: number): PageKind[];
  text?: (random: SeededRandom) => TextContent;
  /** What its scanned pages show, when they are not its own text printed and scanned. */
  scan?: ScanPaper;
}

const allText = (count: number): PageKind[] => Array<PageKind>(count).fill('text');
const allScan = (count: number): PageKind[] => Array<PageKind>(count).fill('scan');
/** Text, then the last pages scanned (attached certificates, photos). */
const textThenScans =
  (share: number) =>
  (count: number): PageKind[] => {
    const scans = count < 2 ? 0 : Math.max(1, Math.floor(count * share));
    return [...allText(count - scans), ...allScan(scans)];
  };

function scanned(title: string, minPages: number, maxPages: number, scanLayout: ScanLayout, scan: ScanPaper): DocumentBlueprint {
  return { title, minPages, maxPages, scanLayout, pageKinds: allScan, scan };
}

function written(title: string, minPages: number, maxPages: number, text: (random: SeededRandom) => TextContent): DocumentBlueprint {
  return { title, minPages, maxPages, scanLayout: 'letter', pageKinds: allText, text };
}

const EVIDENCE_PAPERS = ['银行账户交易明细', '微信聊天记录截图', '转账电子回单', '通话详单', '监控视频截图', '收条及借条复印件', '营业执照复印件'];

function* blueprints(profile: CaseProfile): Generator<DocumentBlueprint> {
  const { suspects, victims, witnesses } = profile;
  yield written('起诉意见书', 3, 6, (r) => prosecutionOpinion(profile, r, '起诉意见书'));
  yield scanned('受案登记表', 1, 1, 'form', (_p, r) => caseRegistration(profile, r));
  yield written('立案决定书', 1, 1, (r) => filingDecision(profile, r));
  for (const s of suspects) yield written(`到案经过（${s.name}）`, 1, 1, (r) => arrivalAccount(profile, s, r));
  for (const s of suspects) yield scanned(`拘留证（${s.name}）`, 1, 1, 'form', (_p, r) => detentionWarrant(profile, s, r));
  yield written('提请批准逮捕书', 2, 4, (r) => prosecutionOpinion(profile, r, '提请批准逮捕书'));
  // A letter: its text, printed and scanned.
  yield { title: '批准逮捕决定书', minPages: 1, maxPages: 1, scanLayout: 'letter', pageKinds: allScan, text: (r) => arrestApproval(profile, r) };
  for (const s of suspects) yield scanned(`逮捕证（${s.name}）`, 1, 1, 'form', (_p, r) => arrestWarrant(profile, s, r));
  for (const s of suspects) yield scanned(`常住人口信息表（${s.name}）`, 1, 1, 'form', (_p, r) => residentRecord(profile, s, r));
  for (let round = 1; ; round++) {
    for (const s of suspects) {
      yield written(`讯问笔录（${s.name}第${chineseNumeral(round)}次）`, 3, 9, (r) => interrogationRecord(profile, s, round, r));
    }
    if (round <= 2) for (const v of victims) yield written(`询问笔录（被害人${v.name}${round > 1 ? '第二次' : ''}）`, 2, 7, (r) => inquiryRecord(profile, v, '被害人', r));
    if (round === 1) {
      for (const w of witnesses) yield written(`询问笔录（证人${w.name}）`, 2, 6, (r) => inquiryRecord(profile, w, '证人', r));
      for (const w of witnesses.slice(0, 2)) yield written(`证人证言（${w.name}）`, 1, 3, (r) => witnessStatement(profile, w, r));
      for (const v of victims) yield written(`辨认笔录（${v.name}）`, 1, 2, (r) => identificationRecord(profile, v, r));
    }
    if (round % 2 === 1) {
      yield { title: round === 1 ? '鉴定意见' : `鉴定意见（补充${chineseNumeral((round - 1) / 2)}）`, minPages: 3, maxPages: 6, scanLayout: 'letter', pageKinds: textThenScans(0.2), text: (r) => expertOpinion(profile, r), scan: (_p, r) => expertCredentials(profile, r) };
    }
    if (round % 3 === 1) {
      yield { title: round === 1 ? '现场勘验检查笔录' : `现场勘验检查笔录（第${chineseNumeral((round + 2) / 3)}次）`, minPages: 3, maxPages: 8, scanLayout: 'photo', pageKinds: textThenScans(0.4), text: (r) => sceneInspection(profile, r), scan: (p, r) => scenePhotos(profile, p, r) };
    }
    yield scanned(round === 1 ? '扣押清单' : `扣押清单（${chineseNumeral(round)}）`, 1, 3, 'table', (p, r) => seizureList(profile, p, r));
    const paper = EVIDENCE_PAPERS[(round - 1) % EVIDENCE_PAPERS.length] ?? '书证';
    const title = `书证：${paper}${round > EVIDENCE_PAPERS.length ? `（${chineseNumeral(Math.ceil(round / EVIDENCE_PAPERS.length))}）` : ''}`;
    const evidence = EVIDENCE_PAPER_CONTENT[paper] ?? seizureList;
    yield scanned(title, 2, 12, paper === '银行账户交易明细' || paper === '通话详单' ? 'statement' : 'table', (p, r) => evidence(profile, p, r));
  }
}

/** Random access to the endless sequence, so a volume can be planned more than once. */
export class DocumentCatalog {
  private readonly seen: DocumentBlueprint[] = [];
  private readonly source: Generator<DocumentBlueprint>;

  constructor(profile: CaseProfile) {
    this.source = blueprints(profile);
  }

  at(index: number): DocumentBlueprint {
    while (this.seen.length <= index) {
      const next = this.source.next();
      if (next.done) throw new Error('document sequence ended');
      this.seen.push(next.value);
    }
    return this.seen[index] as DocumentBlueprint;
  }
}
