/**
 * Reads the portal's case SMS (manual §3–§5) as the lawyer pastes them: copied from a phone (wrapped
 * lines), forwarded (text around), typed with ASCII or full-width punctuation, or with the comma
 * before 密码信息请勿泄漏 missing as in the manual's own example.
 */
import type { ParsedSms, SmsKind } from './sms';

const UNKNOWN: ParsedSms = { kind: 'unknown', caseName: null, unit: null, downloadPassword: null, openPassword: null };

/** Every kind of space and line break a pasted SMS may carry, including U+3000 and NBSP. */
const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/** Bracket pairs procuratorates and phones use around case names and signatures. */
const OPEN_BRACKETS = /[[［〔〖「]/g;
const CLOSE_BRACKETS = /[\]］〕〗」]/g;

/**
 * Drops whitespace and unifies brackets to 【】. Keeps everything else as typed, so that the case
 * name and unit come back exactly as the procuratorate wrote them.
 */
function compact(text: string): string {
  return text.replace(WHITESPACE, '').replace(OPEN_BRACKETS, '【').replace(CLOSE_BRACKETS, '】');
}

/**
 * Full-width ASCII (，：！ and full-width digits and letters) to ASCII. One UTF-16 unit per
 * character both ways, so positions in the result are positions in the input.
 */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const REJECTED = /未通过|不通过|不予通过|驳回/;
const DOSSIER_READY = /下载卷宗|卷宗下载密码|卷宗文档打开密码|文档打开密码/;
const APPROVED = /审核(?:已经|已)?通过|已通过/;
/** The password follows 为/是 and a colon, any of them possibly left out. */
const DOWNLOAD_PASSWORD = /(?:卷宗)?下载密码(?:为|是)?:?([A-Za-z0-9]+)/;
const OPEN_PASSWORD = /(?:卷宗)?(?:文档)?打开密码(?:为|是)?:?([A-Za-z0-9]+)/;

interface Bracketed {
  text: string;
  start: number;
  end: number;
}

function bracketed(text: string): Bracketed[] {
  const groups: Bracketed[] = [];
  for (const match of text.matchAll(/【([^【】]*)】/g)) {
    groups.push({ text: match[1] ?? '', start: match.index, end: match.index + match[0].length });
  }
  return groups;
}

/**
 * The signature: the last 【…】 after the message body, or — as some phones show it — a 【…】
 * right before the body.
 */
function findUnit(groups: Bracketed[], bodyStart: number, bodyEnd: number, exclude: Set<Bracketed>): Bracketed | null {
  const after = groups.filter((g) => g.start >= bodyEnd && !exclude.has(g) && g.text !== '');
  return after[after.length - 1] ?? groups.find((g) => g.end === bodyStart && g.text !== '') ?? null;
}

function kindOf(plain: string): SmsKind {
  const review = plain.includes('在线阅卷');
  const binding = plain.includes('绑定');
  if (binding && !review) {
    if (REJECTED.test(plain)) return 'binding-rejected';
    return APPROVED.test(plain) || plain.includes('审核通过') ? 'binding-approved' : 'unknown';
  }
  if (DOSSIER_READY.test(plain) && !REJECTED.test(plain)) return 'dossier-ready';
  if (!review) return 'unknown';
  if (REJECTED.test(plain)) return 'review-rejected';
  return APPROVED.test(plain) ? 'review-approved' : 'unknown';
}

/**
 * Kind, case name, signing unit and the two dossier passwords of a pasted SMS. Anything it does not
 * recognise is `unknown` with every value null; passwords are read only from a dossier-ready SMS.
 */
export function parseSms(text: string): ParsedSms {
  const kept = compact(text);
  const plain = halfWidth(kept);
  const kind = kindOf(plain);
  if (kind === 'unknown') return { ...UNKNOWN };

  const groups = bracketed(plain);
  // Names come from the text as typed: only whitespace and brackets are normalized there.
  const asTyped = (g: Bracketed): string => kept.slice(g.start + 1, g.end - 1);
  const exclude = new Set<Bracketed>();
  let caseName: string | null = null;
  let bodyStart: number;
  let bodyEnd: number;

  if (kind === 'binding-approved' || kind === 'binding-rejected') {
    bodyStart = Math.max(0, plain.search(/您的|案件绑定|绑定申请/));
    bodyEnd = bodyStart;
  } else {
    // 【案件名】【在线阅卷】; without the 【在线阅卷】 group, the 【…】 right after 您申请的.
    const marker = groups.find((g) => g.text === '在线阅卷');
    const markerIndex = marker ? groups.indexOf(marker) : -1;
    const previous = markerIndex > 0 ? groups[markerIndex - 1] : undefined;
    const named =
      (previous && marker && previous.end === marker.start ? previous : undefined) ??
      groups.find((g) => g !== marker && plain.slice(Math.max(0, g.start - 4), g.start) === '您申请的');
    if (named && named.text !== '') {
      caseName = asTyped(named);
      exclude.add(named);
    }
    if (marker) exclude.add(marker);
    const applied = plain.search(/您申请的|您的/);
    bodyStart = applied >= 0 ? applied : (named?.start ?? 0);
    bodyEnd = (marker ?? named)?.end ?? bodyStart;
  }
  const unitGroup = findUnit(groups, bodyStart, bodyEnd, exclude);

  let downloadPassword: string | null = null;
  let openPassword: string | null = null;
  if (kind === 'dossier-ready') {
    downloadPassword = plain.match(DOWNLOAD_PASSWORD)?.[1] ?? null;
    openPassword = plain.match(OPEN_PASSWORD)?.[1] ?? null;
  }
  return { kind, caseName, unit: unitGroup ? asTyped(unitGroup) : null, downloadPassword, openPassword };
}
