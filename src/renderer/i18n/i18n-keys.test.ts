import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/errors';
import type { ClientErrorCode } from '../transport/client-error';
import { en } from './en';
import { createI18n } from './index';
import { zhCN } from './zh-cn';

/** Every leaf as `a.b.c` → its text. */
function flatten(messages: object, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') leaves.set(prefix + key, value);
    else for (const [inner, text] of flatten(value as object, `${prefix}${key}.`)) leaves.set(inner, text);
  }
  return leaves;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^\s,}]+)/g)].map((match) => match[1] ?? ''))].sort();
}

const locales = { 'zh-CN': flatten(zhCN), en: flatten(en) };
const zhKeys = [...locales['zh-CN'].keys()];

const rendererRoot = join(import.meta.dirname, '..');

/** The renderer's own source text: tests and the message files themselves do not count as a use. */
function rendererSource(): string {
  const texts: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) {
        if (path === join(rendererRoot, 'i18n', 'zh-cn.ts') || path === join(rendererRoot, 'i18n', 'en.ts')) continue;
        texts.push(readFileSync(path, 'utf8'));
      }
    }
  };
  walk(rendererRoot);
  return texts.join('\n');
}

/**
 * Keys the code builds from a template (`t(`sms.kinds.${kind}`)`): the template's fixed start, and,
 * where that object also holds keys used by name, the ends the template can take. The type checker
 * holds every value of the template to an existing key; this list keeps the keys it reaches alive.
 */
const templates: Array<{ prefix: string; ends?: string[] }> = [
  { prefix: 'stepUp.actions.' },
  { prefix: 'downloads.states.' },
  { prefix: 'viewer.pageSource.' },
  { prefix: 'viewer.marks.colors.' },
  { prefix: 'viewerPanels.notes.kinds.' },
  { prefix: 'viewerPanels.notes.removeConfirms.' },
  { prefix: 'viewerPrint.errors.' },
  // `notices.${code}` for Notice['code']; notices.title is used by name.
  { prefix: 'notices.' },
  { prefix: 'sms.kinds.' },
  { prefix: 'help.steps.' },
  { prefix: 'help.caseSteps.' },
  // `home.steps.${key}.title` and `.text`.
  { prefix: 'home.steps.' },
  { prefix: 'review.status.' },
  { prefix: 'review.audit.' },
  { prefix: 'binding.roles.' },
  { prefix: 'binding.relations.' },
  { prefix: 'binding.kinds.' },
  { prefix: 'binding.status.' },
  // checkUploadFile's UploadProblem.
  { prefix: 'binding.upload.', ends: ['type', 'empty', 'tooLarge'] },
  { prefix: 'qr.steps.' },
  // The QR refresh the login page announces.
  { prefix: 'qr.', ends: ['cancelled', 'expired'] },
  // errorText: `errors.${code}` for any code (checked against the code list below).
  { prefix: 'errors.' },
];

/** Codes the renderer's transport raises itself, next to the shared ones. */
const clientCodes: ClientErrorCode[] = ['DISCONNECTED', 'UPLOAD_FAILED'];

/** Texts a language leaves out on purpose: 第 12 页 has a word after the page box, "p. 12" has none. */
const mayBeEmpty = new Set(['en viewer.dossierPageAfter']);

describe('the messages', () => {
  it('are the only keys t accepts', () => {
    const i18n = createI18n();
    expect(i18n.t('common.retry')).toBe('重试');
    // @ts-expect-error a key that is not in the messages does not type-check
    expect(i18n.t('common.noSuchKey')).toBe('common.noSuchKey');
  });

  it('have the same keys in both languages', () => {
    expect([...locales.en.keys()].sort()).toEqual([...zhKeys].sort());
  });

  it('have no empty text', () => {
    for (const [locale, leaves] of Object.entries(locales)) {
      for (const [key, text] of leaves) {
        if (mayBeEmpty.has(`${locale} ${key}`)) continue;
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('have the same {{placeholders}} in both languages', () => {
    for (const [key, text] of locales['zh-CN']) {
      expect(placeholders(locales.en.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('are all used by the renderer', () => {
    const source = rendererSource();
    for (const { prefix } of templates) {
      expect(source.includes('`' + prefix + '${'), `a template starting ${prefix}`).toBe(true);
    }
    const reached = (key: string) =>
      templates.some(({ prefix, ends }) => key.startsWith(prefix) && (!ends || ends.includes(key.slice(prefix.length))));
    const byName = (key: string) => [`'${key}'`, `"${key}"`, `\`${key}\``].some((quoted) => source.includes(quoted));
    const unused = zhKeys.filter((key) => !byName(key) && !reached(key));
    expect(unused).toEqual([]);
    for (const { prefix, ends = [] } of templates) {
      for (const end of ends) expect(zhKeys, `${prefix}${end}`).toContain(prefix + end);
    }
  });

  it('have a text for every error code and no other errors.* key', () => {
    const codes = [...errorCodes, ...clientCodes];
    for (const [locale, leaves] of Object.entries(locales)) {
      for (const code of codes) expect(leaves.has(`errors.${code}`), `${locale} errors.${code}`).toBe(true);
    }
    const errorKeys = zhKeys.filter((key) => key.startsWith('errors.')).map((key) => key.slice('errors.'.length));
    expect(errorKeys.filter((key) => !(codes as string[]).includes(key))).toEqual([]);
  });
});
