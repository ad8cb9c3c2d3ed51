import { describe, expect, it } from 'vitest';
import { archiveStem, namesSameCase } from './case-name-match';

describe('namesSameCase', () => {
  it('matches an archive named after the case, as a browser saves it (copies numbered, extension any case)', () => {
    expect(namesSameCase('陈颖康危险驾驶案.zip', '陈颖康危险驾驶案')).toBe(true);
    expect(namesSameCase('陈颖康危险驾驶案 (1).ZIP', '陈颖康危险驾驶案')).toBe(true);
    expect(namesSameCase('陈颖康危险驾驶案（2）.7z', '陈颖康危险驾驶案')).toBe(true);
    expect(namesSameCase('（2024）渝涪检卷 陈颖康危险驾驶案-卷宗.zip', '陈颖康危险驾驶案')).toBe(true);
  });

  it('forgives the stray characters real SMS carry after the name, but not a different case', () => {
    // The manual's own SMS reads 【陈颖康危险驾驶案称】 for this case.
    expect(namesSameCase('陈颖康危险驾驶案.zip', '陈颖康危险驾驶案称')).toBe(true);
    expect(namesSameCase('陈颖康.zip', '陈颖康危险驾驶案')).toBe(false);
    expect(namesSameCase('王某诈骗案.zip', '陈颖康危险驾驶案')).toBe(false);
  });

  it('never matches on names too short to mean a case', () => {
    expect(namesSameCase('案.zip', '案')).toBe(false);
    expect(namesSameCase('.zip', '陈颖康危险驾驶案')).toBe(false);
  });

  it('compares as people type: full-width forms and spaces do not matter', () => {
    expect(namesSameCase('陈颖康 危险驾驶案.zip', '陈颖康危险驾驶案')).toBe(true);
    expect(namesSameCase('ＡＢＣ公司走私案.zip', 'ABC公司走私案')).toBe(true);
  });

  it('takes the stem of a path on either OS', () => {
    expect(archiveStem('C:\\Users\\律师\\Downloads\\陈某案 (3).zip')).toBe('陈某案');
    expect(archiveStem('/home/律师/下载/陈某案.7z')).toBe('陈某案');
  });
});
