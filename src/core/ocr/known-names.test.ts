import { describe, expect, it } from 'vitest';
import { correctNames, knownNames, NameBook } from './known-names';

describe('known place names', () => {
  it('takes chains of administrative names that start with a province', () => {
    expect(knownNames(['重庆市涪陵区人民检察院', '陈某某涉嫌盗窃案', null])).toEqual(['重庆市', '涪陵区']);
    expect(knownNames(['安徽省亳州市谯城区人民检察院'])).toEqual(['安徽省', '亳州市', '谯城区']);
    // In running text too, and nothing of the words around them.
    expect(knownNames(['犯罪嫌疑人窜至重庆市涪陵区小区门口，经重庆市涪陵区人民检察院批准'])).toEqual(['重庆市', '涪陵区']);
    expect(knownNames(['他去了市区，在县城住了三天'])).toEqual([]);
  });

  it('gathers names from typed pages as a dossier is read', () => {
    const book = new NameBook(['重庆市']);
    book.read('重庆市涪陵区公安局\n起诉意见书');
    expect(book.all).toEqual(['重庆市', '涪陵区']);
  });

  it('sets right a name read one character off or missing one, and nothing else', () => {
    const names = knownNames(['重庆市涪陵区人民检察院']);
    expect(correctNames('地点：重庆市培陵区公安局', names)).toBe('地点：重庆市涪陵区公安局');
    expect(correctNames('窜至重庆市陵区小区门口', names)).toBe('窜至重庆市涪陵区小区门口');
    expect(correctNames('经培陵区人民检察院批准', names)).toBe('经涪陵区人民检察院批准');
    expect(correctNames('涪陵区黎明路', names)).toBe('涪陵区黎明路');
    // Two characters off, a digit, or a dropped character without the chain before it: not the name.
    expect(correctNames('在培凌区', names)).toBe('在培凌区');
    expect(correctNames('重庆市2陵区', names)).toBe('重庆市2陵区');
    expect(correctNames('丘陵区域', names)).toBe('丘陵区域');
    expect(correctNames('他去了市区', [])).toBe('他去了市区');
  });
});
