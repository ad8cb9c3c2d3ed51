// 受理单位 and 帮助 ▸ 联系方式 through core, against the real mock portal's directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockPortal, type MockPortal } from '../../mock-portal';
import { dispatchCall } from '../../shared/dispatch';
import type { Core } from '../core';
import { CoreHarness } from '../test-harness';

let portal: MockPortal;
let core: Core;
const harness = new CoreHarness();

beforeAll(async () => {
  portal = await startMockPortal();
  core = await harness.open(portal.url);
});
afterAll(async () => {
  await harness.closeAll();
  await portal.close();
});

describe('procuratorates.list', () => {
  it('lists the units, filtered by keyword and pilot, without a session', async () => {
    const all = await core.api['procuratorates.list']({});
    expect(all.length).toBeGreaterThan(20);
    const fuling = await core.api['procuratorates.list']({ q: '涪陵' });
    expect(fuling).toMatchObject([{ id: 'cq-fuling', shortName: '涪陵区院', pilot: true }]);
    const pilot = await core.api['procuratorates.list']({ pilot: true });
    expect(pilot.length).toBeGreaterThan(0);
    expect(pilot.every((unit) => ['上海市', '安徽省', '重庆市'].includes(unit.province))).toBe(true);
    expect((await core.api['procuratorates.list']({ pilot: false })).some((unit) => unit.id === 'bj-haidian')).toBe(true);
    await expect(dispatchCall(core.api, 'procuratorates.list', { q: 'x'.repeat(51) })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('contacts.list', () => {
  it('gives the hotline and the units that publish 案管大厅 numbers', async () => {
    const contacts = await core.api['contacts.list']({});
    expect(contacts.hotline).toBe('400-052-9602');
    expect(contacts.units.length).toBeGreaterThan(5);
    expect(contacts.units.every((unit) => unit.caseHallPhones.length > 0)).toBe(true);
    expect(contacts.units.map((unit) => unit.id)).toContain('km-wuhua');
  });

  it('searches by name, city and phone digits', async () => {
    expect((await core.api['contacts.list']({ q: '五华' })).units.map((unit) => unit.id)).toEqual(['km-wuhua']);
    expect((await core.api['contacts.list']({ q: '64124443' })).units.map((unit) => unit.id)).toEqual(['km-wuhua']);
    expect((await core.api['contacts.list']({ q: '昆明' })).units.length).toBeGreaterThan(1);
    const none = await core.api['contacts.list']({ q: '涪陵' });
    expect(none).toEqual({ hotline: '400-052-9602', units: [] });
  });
});
