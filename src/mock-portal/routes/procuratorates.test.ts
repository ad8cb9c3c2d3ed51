import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Procuratorate, ProcuratorateListResponse } from '../../shared/portal-wire';
import { startMockPortal, type MockPortal } from '../index';
import { api, errorOf } from '../test-helpers';

let portal: MockPortal;
beforeAll(async () => {
  portal = await startMockPortal({ seed: false });
});
afterAll(() => portal.close());

const list = (query = '') => api<ProcuratorateListResponse>(portal.url, 'GET', `/api/procuratorates${query}`);

/** 昆明市检察机关案管大厅联系电话, as the manual prints it. */
const kunmingList: [string, string[]][] = [
  ['昆明市人民检察院', ['0871-66057111', '0871-66057319', '0871-66057105']],
  ['昆明市五华区人民检察院', ['0871-64124443']],
  ['昆明市盘龙区人民检察院', ['0871-66106008']],
  ['昆明市官渡区人民检察院', ['0871-64895412']],
  ['昆明市西山区人民检察院', ['0871-68573160']],
  ['昆明市呈贡区人民检察院', ['0871-67477122']],
  ['昆明市晋宁区人民检察院', ['0871-67806575']],
  ['昆明市东川区人民检察院', ['0871-62168369']],
  ['昆明市安宁市人民检察院', ['0871-68697450']],
  ['昆明市宜良县人民检察院', ['0871-66391418']],
  ['昆明市石林县人民检察院', ['0871-66391418']],
  ['昆明市高村县人民检察院', ['0871-67744531']],
  ['昆明市高明县人民检察院', ['0871-67911811']],
  ['昆明市富民县人民检察院', ['0871-67911811']],
];

describe('GET /api/procuratorates', () => {
  it('lists the whole directory publicly, each unit complete and ids unique', async () => {
    const answer = await list();
    expect(answer.status).toBe(200);
    const units = answer.body.items;
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
    for (const unit of units) {
      expect(unit.name, unit.id).toMatch(/人民检察院/);
      expect(unit.shortName, unit.id).toMatch(/院$/);
      expect(unit.province && unit.city, unit.id).toBeTruthy();
      expect(unit.pilot, unit.id).toBe(['上海市', '安徽省', '重庆市'].includes(unit.province));
    }
    for (const province of ['上海市', '安徽省', '重庆市']) {
      expect(units.filter((u) => u.province === province).length, province).toBeGreaterThanOrEqual(3);
    }
    expect(units.find((u) => u.name === '安徽省人民检察院')).toMatchObject({ shortName: '安徽省院', pilot: true });
    expect(units.find((u) => u.name === '重庆市涪陵区人民检察院')).toMatchObject({ id: 'cq-fuling', shortName: '涪陵区院', pilot: true });
    expect(units.some((u) => u.province === '北京市' && !u.pilot)).toBe(true);
    expect(units.some((u) => u.province === '广东省' && !u.pilot)).toBe(true);
  });

  it('carries the manual\'s Kunming 案管大厅 phone list exactly, one unit per listed name', async () => {
    const kunming = (await list('?q=昆明')).body.items;
    expect(kunming.map((u) => [u.name, u.caseHallPhones])).toEqual(kunmingList);
    for (const unit of kunming) expect(unit).toMatchObject({ province: '云南省', city: '昆明市', pilot: false });
  });

  it('filters by name, short name or city, by province (with or without 省/市) and by pilot', async () => {
    expect((await list('?q=涪陵')).body.items.map((u) => u.id)).toEqual(['cq-fuling']);
    expect((await list(`?q=${encodeURIComponent('浦东新区院')}`)).body.items.map((u) => u.id)).toEqual(['sh-pudong']);
    const hefei = (await list('?q=合肥')).body.items;
    expect(hefei.map((u) => u.city)).toEqual(hefei.map(() => '合肥市'));
    expect(hefei.length).toBeGreaterThanOrEqual(2);
    const anhui = (await list('?province=安徽')).body.items;
    expect(anhui.length).toBeGreaterThanOrEqual(3);
    expect(anhui.every((u) => u.province === '安徽省')).toBe(true);
    expect((await list('?province=安徽省')).body.items).toEqual(anhui);
    const pilots = (await list('?pilot=true')).body.items;
    expect(pilots.length).toBeGreaterThan(0);
    expect(pilots.every((u) => u.pilot)).toBe(true);
    const yunnanPilots = await list(`?province=${encodeURIComponent('云南省')}&pilot=true`);
    expect(yunnanPilots.body.items).toEqual([]);
    expect((await list('?q=nowhere')).body.items).toEqual([]);
  });

  it('refuses bad filters with 400', async () => {
    const cases: [string, string][] = [
      ['?pilot=yes', '是否试点（pilot）只能是 true 或 false'],
      [`?q=${'检'.repeat(51)}`, '关键词（q）最多 50 个字'],
      ['?q=a&q=b', '关键词（q）必须是文本'],
      [`?province=${'省'.repeat(21)}`, '省份（province）最多 20 个字'],
    ];
    for (const [query, message] of cases) {
      const answer = await list(query);
      expect(answer.status, query).toBe(400);
      expect(errorOf(answer).message, query).toBe(message);
    }
  });
});

describe('GET /api/procuratorates/{id}', () => {
  it('answers one unit, 404 for an unknown id and 400 for a malformed one', async () => {
    const one = await api<Procuratorate>(portal.url, 'GET', '/api/procuratorates/km-city');
    expect(one.status).toBe(200);
    expect(one.body).toEqual({
      id: 'km-city',
      name: '昆明市人民检察院',
      shortName: '昆明市院',
      province: '云南省',
      city: '昆明市',
      pilot: false,
      caseHallPhones: ['0871-66057111', '0871-66057319', '0871-66057105'],
    });
    const unknown = await api(portal.url, 'GET', '/api/procuratorates/xx-nowhere');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).code).toBe('NOT_FOUND');
    expect((await api(portal.url, 'GET', '/api/procuratorates/a.b')).status).toBe(400);
  });
});
