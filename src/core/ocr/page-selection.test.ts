import { describe, expect, it } from 'vitest';
import { needsOcr } from './page-selection';

describe('which pages need OCR', () => {
  it('reads a page with no text layer, or only a stray mark', () => {
    expect(needsOcr({ textCharacters: 0, textArea: 0, largestImage: 1 })).toBe(true);
    expect(needsOcr({ textCharacters: 0, textArea: 0, largestImage: 0 })).toBe(true);
    expect(needsOcr({ textCharacters: 3, textArea: 0.001, largestImage: 0.95 })).toBe(true);
  });

  it('reads a full-page scan whose text layer covers almost nothing (a number or watermark laid over it)', () => {
    expect(needsOcr({ textCharacters: 40, textArea: 0.005, largestImage: 0.98 })).toBe(true);
  });

  it('leaves typeset pages and 双层 scans (a full text layer over the image) alone', () => {
    expect(needsOcr({ textCharacters: 900, textArea: 0.3, largestImage: 0 })).toBe(false);
    expect(needsOcr({ textCharacters: 900, textArea: 0.25, largestImage: 1 })).toBe(false);
    // A page with a small photo and its caption.
    expect(needsOcr({ textCharacters: 120, textArea: 0.01, largestImage: 0.3 })).toBe(false);
  });
});
