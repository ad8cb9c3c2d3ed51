import { describe, expect, it } from 'vitest';
import { characterErrorRate, characterErrors, editDistance } from './character-error-rate';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions of characters', () => {
    expect(editDistance('涪陵区', '涪陵区')).toBe(0);
    expect(editDistance('培陵区', '涪陵区')).toBe(1);
    expect(editDistance('陵区', '涪陵区')).toBe(1);
    expect(editDistance('涪陵区公安局', '涪陵公安分局')).toBe(2);
    expect(editDistance('', '讯问笔录')).toBe(4);
    // Code points, not UTF-16 units: 𠮷 is one character.
    expect(editDistance('𠮷', '吉')).toBe(1);
  });
});

describe('characterErrorRate', () => {
  it('compares as search does: line breaks, spaces and radical forms are no errors', () => {
    expect(characterErrorRate('讯问笔录\n犯罪嫌疑人 陈浩然', '讯问笔录犯罪嫌疑⼈陈浩然')).toBe(0);
    expect(characterErrors('重庆市培陵区', '重庆市涪陵区')).toEqual({ errors: 1, characters: 6 });
    expect(characterErrorRate('重庆市培陵区', '重庆市涪陵区')).toBeCloseTo(1 / 6);
    expect(characterErrorRate('', '')).toBe(0);
    expect(characterErrorRate('多余', '')).toBe(1);
  });
});
