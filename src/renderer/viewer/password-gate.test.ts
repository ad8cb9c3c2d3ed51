import { describe, expect, it } from 'vitest';
import { PasswordGate, type PasswordRequest } from './password-gate';

/** A gate whose lawyer types the answers given, in order; records what happened. */
function setup(options: { stored?: string | null; typed?: (string | null)[]; known?: string | null } = {}) {
  const typed = [...(options.typed ?? [])];
  const log = { prompts: [] as PasswordRequest[], remembered: [] as string[], known: [] as string[], settled: 0, storedReads: 0 };
  const gate = new PasswordGate(
    {
      stored: async () => {
        log.storedReads += 1;
        return options.stored ?? null;
      },
      prompt: async (request) => {
        log.prompts.push(request);
        return typed.length > 0 ? (typed.shift() as string | null) : null;
      },
      settled: () => {
        log.settled += 1;
      },
      remember: async (password) => {
        log.remembered.push(password);
      },
      onKnown: (password) => log.known.push(password),
    },
    options.known ?? null,
  );
  return { gate, log };
}

/** What pdf.js does with onPassword: try none first, then each password given until one opens. */
async function open(gate: PasswordGate, document: string, opensWith: (password: string | undefined) => boolean) {
  const attempt = gate.attempt(document);
  const tried: (string | undefined)[] = [undefined];
  let password: string | undefined;
  while (!opensWith(password)) {
    const next = await attempt.next();
    if (next === null) {
      attempt.finish();
      return { opened: false, tried };
    }
    password = next;
    tried.push(next);
  }
  await attempt.opened();
  return { opened: true, tried };
}

describe('PasswordGate', () => {
  it('opens an owner-password-only document with none, asking nothing', async () => {
    const { gate, log } = setup({ stored: 'wrong-user-password' });
    const result = await open(gate, 'a.pdf', () => true);
    expect(result).toEqual({ opened: true, tried: [undefined] });
    expect(log.storedReads).toBe(0);
    expect(log.prompts).toEqual([]);
  });

  it('tries the stored password before asking, and does not store it again', async () => {
    const { gate, log } = setup({ stored: 'S3cret' });
    const result = await open(gate, 'a.pdf', (password) => password === 'S3cret');
    expect(result.tried).toEqual([undefined, 'S3cret']);
    expect(log.prompts).toEqual([]);
    expect(log.remembered).toEqual([]);
    expect(gate.known).toBe('S3cret');
    expect(log.known).toEqual(['S3cret']);
  });

  it('asks when the stored password fails, says when a typed one is wrong, and remembers the right one', async () => {
    const { gate, log } = setup({ stored: 'old', typed: ['typo', 'right'] });
    const result = await open(gate, 'a.pdf', (password) => password === 'right');
    expect(result.tried).toEqual([undefined, 'old', 'typo', 'right']);
    expect(log.prompts).toEqual([
      { document: 'a.pdf', wrong: false, knownFailed: true },
      { document: 'a.pdf', wrong: true, knownFailed: false },
    ]);
    expect(log.remembered).toEqual(['right']);
    expect(log.settled).toBe(1);

    // The next document of the dossier tries the password that worked first: one attempt, no dialog.
    const second = await open(gate, 'b.pdf', (password) => password === 'right');
    expect(second.tried).toEqual([undefined, 'right']);
    expect(log.prompts).toHaveLength(2);
  });

  it('shows one dialog at a time; documents waiting for it use the password typed for the first', async () => {
    const { gate, log } = setup({ typed: ['right'] });
    const opens = (password: string | undefined) => password === 'right';
    const [a, b, c] = await Promise.all([open(gate, 'a.pdf', opens), open(gate, 'b.pdf', opens), open(gate, 'c.pdf', opens)]);
    expect([a.opened, b.opened, c.opened]).toEqual([true, true, true]);
    expect(log.prompts).toEqual([{ document: 'a.pdf', wrong: false, knownFailed: false }]);
    expect(b.tried).toEqual([undefined, 'right']);
    expect(log.remembered).toEqual(['right']);
  });

  it('stops asking once the lawyer declines, until prompts are allowed again', async () => {
    const { gate, log } = setup({ typed: [null, 'right'] });
    const opens = (password: string | undefined) => password === 'right';
    const [a, b] = await Promise.all([open(gate, 'a.pdf', opens), open(gate, 'b.pdf', opens)]);
    expect([a.opened, b.opened]).toEqual([false, false]);
    expect(log.prompts).toHaveLength(1);
    expect(gate.declined).toBe(true);

    gate.allowPrompts();
    expect((await open(gate, 'b.pdf', opens)).opened).toBe(true);
    expect(log.prompts).toHaveLength(2);
  });

  it('starts from a password remembered earlier in the session', async () => {
    const { gate, log } = setup({ known: 'earlier', stored: 'stored' });
    const result = await open(gate, 'a.pdf', (password) => password === 'earlier');
    expect(result.tried).toEqual([undefined, 'earlier']);
    expect(log.storedReads).toBe(0);
  });
});
