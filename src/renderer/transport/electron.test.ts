import { describe, expect, it } from 'vitest';
import type { DossierBridge } from '../../shared/bridge';
import { ClientError } from './client-error';
import { createElectronTransport } from './electron';

/** The preload's bridge as the page sees it: every call fails with what `fail` gives. */
function bridgeFailingWith(fail: () => unknown): DossierBridge {
  const calls = new Proxy({}, { get: () => () => Promise.reject(fail()) });
  return { calls, on: () => () => undefined, pathForFile: () => '' } as unknown as DossierBridge;
}

describe('createElectronTransport', () => {
  it('rejects with a ClientError carrying the code and message of the preload’s plain {code, message}', async () => {
    const transport = createElectronTransport(bridgeFailingWith(() => ({ code: 'LIBRARY_LOCKED', message: '卷宗库已锁定' })));
    const error = await transport.api['library.list']({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ code: 'LIBRARY_LOCKED', message: '卷宗库已锁定' });
  });

  it('makes anything else the bridge throws INTERNAL, keeping its words', async () => {
    const transport = createElectronTransport(bridgeFailingWith(() => new Error("Error invoking remote method 'x': boom")));
    await expect(transport.api['app.info']({})).rejects.toMatchObject({ code: 'INTERNAL', message: "Error invoking remote method 'x': boom" });
  });

  it('refuses a File with no path as UPLOAD_FAILED', async () => {
    const transport = createElectronTransport(bridgeFailingWith(() => null));
    await expect(transport.importSource(new File(['x'], 'made-in-page.zip'))).rejects.toMatchObject({ code: 'UPLOAD_FAILED' });
  });
});
