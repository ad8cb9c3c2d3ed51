/** 下载文件夹: the contract's pickup calls. */
import type { CallsUnder } from '../calls/call-group';
import type { CorePickup } from './core-pickup';

export function pickupCalls({ pickup, list }: CorePickup): CallsUnder<'pickup'> {
  return {
    'pickup.list': async () => list(),
    'pickup.import': async ({ id }) => pickup.import(id),
    'pickup.ignore': async ({ id }) => pickup.ignore(id),
  };
}
