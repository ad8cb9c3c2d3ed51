import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, eventNames, isSecretCall, secretCalls } from '../shared/contract';
import { startWebHost, type WebHost } from './index';
import { createFakeCore, type FakeCore } from './fake-core';
import { makeRendererDir, TestSocket } from './test-client';

let core: FakeCore;
let host: WebHost;
let socket: TestSocket;
let parent: string;

beforeAll(async () => {
  const dirs = await makeRendererDir();
  parent = dirs.parent;
  core = createFakeCore();
  host = await startWebHost({ core, rendererDir: dirs.rendererDir });
  socket = await TestSocket.open(`${host.origin.replace('http:', 'ws:')}/ws`, host.origin, host.token);
});

afterAll(async () => {
  await socket?.close();
  await host?.close();
  await rm(parent, { recursive: true, force: true });
});

describe('the web transport wires the whole contract', () => {
  it.each(callNames)('%s: input of the wrong type is refused by its schema (VALIDATION, not UNKNOWN_CALL)', async (name) => {
    const reply = await socket.call(name, 42, isSecretCall(name) ? host.token : undefined);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('VALIDATION');
    expect(core.received.some((r) => r.name === name)).toBe(false);
  });

  it.each([...secretCalls])('%s reveals secrets: without the token in its own message it is refused before core', async (name) => {
    const input = name === 'library.passwords' ? { id: 'd-1' } : { appointmentId: 'a-1' };
    for (const token of [undefined, '', `${host.token}x`]) {
      const reply = await socket.call(name, input, token);
      expect(!reply.ok && reply.error.code).toBe('UNAUTHORIZED');
    }
    expect(core.received.some((r) => r.name === name)).toBe(false);
    expect(await socket.call(name, input, host.token)).not.toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  });

  it('subscribes to every contract event', () => {
    expect(core.listenerCount()).toBe(eventNames.length);
  });
});
