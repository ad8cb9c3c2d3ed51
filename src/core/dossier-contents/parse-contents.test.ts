import { describe, expect, it } from 'vitest';
import { isContentsPage, parseContents } from './parse-contents';
import { placeInPdf } from './place-contents';

const COVER = '重庆市涪陵区公安局\n刑 事 侦 查 卷 宗\n（第一卷）\n案件名称： 陈浩然涉嫌诈骗案\n本卷页数： 共 126 页';

describe('parseContents', () => {
  it('reads rows one line each, as the generator writes them, across 目录 pages', () => {
    const parsed = parseContents([
      COVER,
      '卷 内 目 录\n陈浩然涉嫌诈骗案 第一卷\n序号 文件名称 页次\n1 起诉意见书 1-3\n2 受案登记表 4\n3 立案决定书 5\n第1页 共2页',
      '卷 内 目 录\n陈浩然涉嫌诈骗案 第一卷\n序号 文件名称 页次\n4 讯问笔录（陈浩然第一次） 6-8\n5 扣押清单 9\n第2页 共2页',
      '起诉意见书\n涪公（刑）诉字〔2024〕685号\n犯罪嫌疑人陈浩然……',
    ]);
    expect(parsed?.tocPages).toEqual([1, 2]);
    expect(parsed?.entries).toEqual([
      { seq: 1, title: '起诉意见书', firstPage: 1, lastPage: 3 },
      { seq: 2, title: '受案登记表', firstPage: 4, lastPage: 4 },
      { seq: 3, title: '立案决定书', firstPage: 5, lastPage: 5 },
      { seq: 4, title: '讯问笔录（陈浩然第一次）', firstPage: 6, lastPage: 8 },
      // The last row gives only its start: it runs to the end of the volume.
      { seq: 5, title: '扣押清单', firstPage: 9, lastPage: null },
    ]);
  });

  it('reads cells split into items and lines, full-width ranges, tildes and radicals', () => {
    const parsed = parseContents([
      '目录\n序 号\n文件名称\n页 次\n1\n起诉\n意⻅书\n１－６\n2\n受案登记表\n7\n3\n询问笔录\n（⼈证）\n8 ~ 12',
    ]);
    expect(parsed?.entries).toEqual([
      { seq: 1, title: '起诉意见书', firstPage: 1, lastPage: 6 },
      { seq: 2, title: '受案登记表', firstPage: 7, lastPage: 7 },
      { seq: 3, title: '询问笔录（人证）', firstPage: 8, lastPage: 12 },
    ]);
  });

  it('does not take a 页次 equal to the next 序号 for that 序号', () => {
    const parsed = parseContents(['卷内目录\n序号 题名 页次\n1 封面 1 2 卷内目录 2 3 起诉意见书 3-5']);
    expect(parsed?.entries.map((e) => [e.seq, e.title, e.firstPage, e.lastPage])).toEqual([
      [1, '封面', 1, 1],
      [2, '卷内目录', 2, 2],
      [3, '起诉意见书', 3, 5],
    ]);
  });

  it('infers missing 页次 from the rows around, and start-only 页次 from the next start', () => {
    const parsed = parseContents(['卷内目录\n序号 文件名称 页次\n1 起诉意见书 1\n2 受案登记表\n3 立案决定书 9\n4 讯问笔录 12']);
    expect(parsed?.entries.map((e) => [e.seq, e.firstPage, e.lastPage])).toEqual([
      [1, 1, 1],
      [2, 2, 8],
      [3, 9, 11],
      [4, 12, null],
    ]);
  });

  it('finds no 目录 where the first pages have none', () => {
    expect(parseContents([COVER, '起诉意见书\n犯罪嫌疑人陈浩然，男，1 9 8 5 年生'])).toBeNull();
    expect(parseContents(['', '', '', '', '', '', '卷内目录\n1 起诉意见书 1-3'])).toBeNull();
    expect(isContentsPage('卷 内 目 录\n序号')).toBe(true);
    expect(isContentsPage('起诉意见书\n……见卷内目录')).toBe(false);
  });
});

describe('placeInPdf', () => {
  const parsed = parseContents([COVER, '卷内目录\n序号 文件名称 页次\n1 起诉意见书 1-3\n2 受案登记表 4\n3 讯问笔录 5-10'])!;

  it('counts 页次 after the cover and 目录 when that ends on the last page', () => {
    expect(placeInPdf(parsed, 12)).toEqual({
      frontPages: 2,
      offset: 2,
      entries: [
        { seq: 1, title: '起诉意见书', firstPage: 3, lastPage: 5, dossierPage: 1 },
        { seq: 2, title: '受案登记表', firstPage: 6, lastPage: 6, dossierPage: 4 },
        { seq: 3, title: '讯问笔录', firstPage: 7, lastPage: 12, dossierPage: 5 },
      ],
    });
  });

  it('counts 页次 from the PDF\'s first page when the last 页次 is its last page', () => {
    const own = parseContents([COVER, '卷内目录\n1 封面 1\n2 卷内目录 2\n3 起诉意见书 3-5\n4 讯问笔录 6-10'])!;
    const placed = placeInPdf(own, 10);
    expect(placed?.offset).toBe(0);
    expect(placed?.frontPages).toBe(0);
    expect(placed?.entries.map((e) => [e.firstPage, e.lastPage])).toEqual([[1, 1], [2, 2], [3, 5], [6, 10]]);
  });

  it('is null for a PDF that is only its cover and 目录, or too short for the 页次', () => {
    expect(placeInPdf(parsed, 2)).toBeNull();
    expect(placeInPdf(parsed, 8)).toBeNull();
  });

  it('runs a start-only last row to the end of the PDF', () => {
    const open = parseContents(['卷内目录\n1 起诉意见书 1\n2 讯问笔录 4'])!;
    expect(placeInPdf(open, 40)?.entries.map((e) => [e.firstPage, e.lastPage])).toEqual([[2, 4], [5, 40]]);
  });
});
