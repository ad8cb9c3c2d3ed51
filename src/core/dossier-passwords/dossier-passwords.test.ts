import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../secrets';
import { DossierPasswordStore } from './index';

describe('DossierPasswordStore', () => {
  it('stores, reports and forgets the passwords of one review only', async () => {
    const store = new DossierPasswordStore(new MemorySecretStore());
    await store.store('r-1', { download: 'dl-1', open: 'op-1' });
    await store.store('r-2', { download: 'dl-2', open: null });
    expect(await store.held('r-1')).toEqual({ download: true, open: true });

    await store.forget('r-1');
    expect(await store.get('r-1')).toEqual({ download: null, open: null });
    expect(await store.held('r-1')).toEqual({ download: false, open: false });
    expect(await store.get('r-2')).toEqual({ download: 'dl-2', open: null });
  });
});
