// @vitest-environment happy-dom
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageBoundary } from './page-boundary';

/** A page whose drawing code throws, as a bug or a hostile file might make it. */
function BrokenPage(): never {
  throw new Error('getContext returned null');
}

function GoodPage({ label }: { label: string }) {
  const [clicks, setClicks] = useState(0);
  return (
    <button type="button" onClick={() => setClicks((n) => n + 1)}>
      {label} {clicks}
    </button>
  );
}

function Viewer({ pages }: { pages: { key: string; broken: boolean }[] }) {
  return (
    <main>
      {pages.map(({ key, broken }) => (
        <PageBoundary key={key} resetKey={key} fallback={(error) => <p role="alert">{`${key} failed: ${error.message}`}</p>}>
          {broken ? <BrokenPage /> : <GoodPage label={key} />}
        </PageBoundary>
      ))}
    </main>
  );
}

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // React reports caught errors on the console; keep the test output to the assertions.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

describe('PageBoundary', () => {
  it('shows the page that failed to render as failed, with the reason, and the others keep working', () => {
    act(() =>
      root.render(
        <Viewer
          pages={[
            { key: 'p1', broken: false },
            { key: 'p2', broken: true },
            { key: 'p3', broken: false },
          ]}
        />,
      ),
    );
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('p2 failed: getContext returned null');
    const buttons = [...container.querySelectorAll('button')];
    expect(buttons.map((button) => button.textContent)).toEqual(['p1 0', 'p3 0']);
    // The rest of the viewer still answers.
    act(() => buttons[1]?.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(container.querySelectorAll('button')[1]?.textContent).toBe('p3 1');
  });

  it('without it, one failing page unmounts the whole viewer (the white window)', () => {
    function Unguarded() {
      return (
        <main>
          <GoodPage label="p1" />
          <BrokenPage />
        </main>
      );
    }
    const host = document.createElement('div');
    const bare = createRoot(host);
    expect(() => act(() => bare.render(<Unguarded />))).toThrow('getContext returned null');
    // Nothing is left on screen, the good page included.
    expect(host.childElementCount).toBe(0);
    act(() => bare.unmount());
  });

  it('tries the page again when it is given another page to show', () => {
    function Switching({ broken, resetKey }: { broken: boolean; resetKey: string }) {
      return (
        <PageBoundary resetKey={resetKey} fallback={(error) => <p role="alert">{error.message}</p>}>
          {broken ? <BrokenPage /> : <GoodPage label={resetKey} />}
        </PageBoundary>
      );
    }
    act(() => root.render(<Switching broken resetKey="a#1" />));
    expect(container.querySelector('[role="alert"]')).not.toBeNull();
    // Same page again: still failed, not retried in a loop.
    act(() => root.render(<Switching broken={false} resetKey="a#1" />));
    expect(container.querySelector('[role="alert"]')).not.toBeNull();
    act(() => root.render(<Switching broken={false} resetKey="a#2" />));
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(container.textContent).toBe('a#2 0');
  });
});
