import { describe, expect, it } from 'vitest';
import { MAX_QUOTE } from '../../shared/viewer';
import { cleanQuote } from './page-selection';

describe('cleanQuote', () => {
  it('keeps the words of a selection as one line: no spaces the text layer put between CJK items', () => {
    expect(cleanQuote('  我当时 喝了\n两瓶啤酒 。 ')).toBe('我当时喝了两瓶啤酒。');
    expect(cleanQuote('BAC 0.8 mg/ml\n\t检测')).toBe('BAC 0.8 mg/ml检测');
  });

  it('cuts a long selection to the quotation limit', () => {
    expect(cleanQuote('字'.repeat(MAX_QUOTE + 10))).toHaveLength(MAX_QUOTE);
  });
});
