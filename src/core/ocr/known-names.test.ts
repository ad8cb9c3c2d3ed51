import { describe, expect, it } from 'vitest';
import { correctNames, knownNames } from './known-names';

describe('known place names', () => {
  it('takes the administrative names of a unit and case name', () => {
    expect(knownNames(['重庆市涪陵区人民检察院', '陈某某涉嫌盗窃案', null])).toEqual(['重庆市', '涪陵区']);
    expect(knownNames(['安徽省亳州市谯城区人民检察院'])).toEqual(['安徽省', '亳州市', '谯城区']);
  });

  it('sets right a name read one character off, and nothing else', () => {
    const names = knownNames(['重庆市涪陵区人民检察院']);
    expect(correctNames('地点：重庆市培陵区公安局', names)).toBe('地点：重庆市涪陵区公安局');
    expect(correctNames('涪陵区黎明路', names)).toBe('涪陵区黎明路');
    // Two characters off, or a digit: not the name.
    expect(correctNames('在培凌区', names)).toBe('在培凌区');
    expect(correctNames('重庆市2陵区', names)).toBe('重庆市2陵区');
    expect(correctNames('他去了市区', [])).toBe('他去了市区');
  });
});
