import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, eventNames } from '../shared/contract';
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
  socket = await TestSocket.open(`${host.origin.replace('http:', 'ws:')}/ws?token=${host.token}`, host.origin);
});

afterAll(async () => {
  await socket?.close();
  await host?.close();
  await rm(parent, { recursive: true, force: true });
});

describe('the web transport wires the whole contract', () => {
  it.each(callNames)('%s: input of the wrong type is refused by its schema (VALIDATION, not UNKNOWN_CALL)', async (name) => {
    const reply = await socket.call(name, 42);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('VALIDATION');
    expect(core.received.some((r) => r.name === name)).toBe(false);
  });

  it('subscribes to every contract event', () => {
    expect(core.listenerCount()).toBe(eventNames.length);
  });
});
