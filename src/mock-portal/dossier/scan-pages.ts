/**
 * What each scanned page of a planned document shows. A typed document printed and scanned (a
 * paper dossier scanned whole, 批准逮捕决定书) shows its own text on its 'letter' pages, laid out as
 * its text pages would be; other scans show the document's paper (a form, a list, photos …) or,
 * without one, a sample of the layout. A whole volume scanned as one document shows its cover, its
 * 卷内目录, then each paper in turn. Heavy scans reuse a few images per layout (HEAVY_VARIANTS):
 * their pages show the variant's sample, whatever the document.
 */
import type { CaseProfile } from './case-profile';
import type { ScanLayout } from './document-catalog';
import { arrestApproval, filingDecision, prosecutionOpinion } from './document-texts';
import type { PlannedDocument } from './dossier-plan';
import type { ScanContent } from './scan-content';
import { layoutScanContent, layoutTypedPage, type ScanPagePlan } from './scan-layout';
import { expertCredentials, layoutSamples, volumeContents, volumeCover, type ScanPaper } from './scan-texts';
import { SeededRandom } from './seeded-random';
import type { TextContent } from './text-content';
import { layoutText } from './text-layout';

/** Distinct heavy images per layout. */
export const HEAVY_VARIANTS = 4;

/** A typed document's first `pages` pages as printed: no radical code points, which only text layers carry. */
function typedPages(content: TextContent, pages: number, random: SeededRandom): ScanPagePlan[] {
  return layoutText({ ...content, radicals: false }, pages, random).map((lines, i) => layoutTypedPage(lines, content.footer?.(i + 1, pages)));
}

function sample(profile: CaseProfile, layout: Exclude<ScanLayout, 'letter'>, variant: number): ScanPaper {
  const samples = layoutSamples(profile)[layout];
  return samples[variant % samples.length] as ScanPaper;
}

/** A layout's sample page: for letters, a typed letter or a certificate. */
function samplePlan(profile: CaseProfile, layout: ScanLayout, variant: number, random: SeededRandom): ScanPagePlan {
  if (layout !== 'letter') return layoutScanContent(sample(profile, layout, variant)(variant, random));
  const letters: ((r: SeededRandom) => TextContent | ScanContent)[] = [
    (r) => arrestApproval(profile, r),
    (r) => expertCredentials(profile, r),
    (r) => filingDecision(profile, r),
    (r) => prosecutionOpinion(profile, r, '提请批准逮捕书'),
  ];
  const content = (letters[variant % letters.length] as (r: SeededRandom) => TextContent | ScanContent)(random);
  return 'blocks' in content ? layoutScanContent(content) : (typedPages(content, 1, random.fork('layout'))[0] as ScanPagePlan);
}

const heavyPlans = new WeakMap<CaseProfile, Map<string, ScanPagePlan>>();

/** The plan of a heavy variant: seeded by layout and variant, so every document of the dossier shares it. */
function heavyPlan(profile: CaseProfile, layout: ScanLayout, variant: number): ScanPagePlan {
  let plans = heavyPlans.get(profile);
  if (!plans) heavyPlans.set(profile, (plans = new Map()));
  const key = `${layout}/${variant}`;
  let plan = plans.get(key);
  if (!plan) {
    plan = samplePlan(profile, layout, variant, new SeededRandom(`heavy-scan\n${layout}\n${variant}`));
    plans.set(key, plan);
  }
  return plan;
}

function layoutsOf(document: PlannedDocument): ScanLayout[] {
  return document.pageKinds.map((_, i) => document.scanLayouts?.[i] ?? document.blueprint.scanLayout);
}

function documentPlans(document: PlannedDocument, profile: CaseProfile, random: SeededRandom): (ScanPagePlan | null)[] {
  const { blueprint, pageKinds } = document;
  const layouts = layoutsOf(document);
  // A document with no typed page was printed and scanned: its letters are its own text.
  const ownText = !pageKinds.includes('text') && blueprint.text ? blueprint.text : undefined;
  const letterPages = ownText ? pageKinds.flatMap((kind, i) => (kind === 'scan' && layouts[i] === 'letter' ? [i] : [])) : [];
  const letters = ownText && letterPages.length > 0 ? typedPages(ownText(random.fork('text')), letterPages.length, random.fork('scan-text-layout')) : [];
  let paperPage = 0;
  return pageKinds.map((kind, i) => {
    if (kind !== 'scan') return null;
    const letter = letterPages.indexOf(i);
    if (letter >= 0) return letters[letter] as ScanPagePlan;
    const content = random.fork(`scan-${i}`).fork('content');
    const layout = layouts[i] as ScanLayout;
    if (blueprint.scan) return layoutScanContent(blueprint.scan(paperPage++, content));
    return samplePlan(profile, layout, paperPage++, content);
  });
}

/** Cover, 卷内目录 (页次 as stamped: the cover and 目录 are pages 1 and 2), then every paper's pages. */
function wholeVolumePlans(document: PlannedDocument, papers: PlannedDocument[], profile: CaseProfile, random: SeededRandom): ScanPagePlan[] {
  const volumeName = document.blueprint.title.replace(/（扫描件）$/, '');
  const front = document.pageKinds.length - papers.reduce((sum, paper) => sum + paper.pageKinds.length, 0);
  const entries = papers.map((paper) => {
    const first = paper.firstPage + front;
    const last = first + paper.pageKinds.length - 1;
    return { title: paper.blueprint.title, pages: last === first ? String(first) : `${first}-${last}` };
  });
  const plans = [layoutScanContent(volumeCover(profile, volumeName, document.pageKinds.length)), layoutScanContent(volumeContents(profile, volumeName, entries))];
  let at = front;
  for (const paper of papers) {
    const scanned = { ...paper, pageKinds: paper.pageKinds.map(() => 'scan' as const), scanLayouts: document.scanLayouts?.slice(at, at + paper.pageKinds.length) };
    plans.push(...documentPlans(scanned, profile, random.fork(`paper-${paper.index}`)).map((plan) => plan as ScanPagePlan));
    at += paper.pageKinds.length;
  }
  return plans.slice(0, document.pageKinds.length);
}

/**
 * The plan of each page of `document` (null for typed pages), from the document's random stream
 * (the one its PDF is rendered with). Heavy scans' plans are shared between pages.
 */
export function scanPagePlans(document: PlannedDocument, profile: CaseProfile, random: SeededRandom, scans: 'standard' | 'heavy'): (ScanPagePlan | null)[] {
  if (scans === 'heavy') {
    const layouts = layoutsOf(document);
    return document.pageKinds.map((kind, i) => (kind === 'scan' ? heavyPlan(profile, layouts[i] as ScanLayout, random.fork(`scan-${i}`).int(0, HEAVY_VARIANTS - 1)) : null));
  }
  if (document.papers) return wholeVolumePlans(document, document.papers, profile, random);
  return documentPlans(document, profile, random);
}
