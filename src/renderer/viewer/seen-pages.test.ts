import { describe, expect, it } from 'vitest';
import { DwellTimer, SeenSender, type SeenBatch, type SeenPage, type Schedule } from './seen-pages';

/** A clock moved by hand: tasks run when it passes their time. */
function manualClock() {
  let now = 0;
  let tasks: { at: number; task: () => void; id: number }[] = [];
  let ids = 0;
  const schedule: Schedule = (task, ms) => {
    const id = ++ids;
    tasks.push({ at: now + ms, task, id });
    return () => {
      tasks = tasks.filter((entry) => entry.id !== id);
    };
  };
  return {
    schedule,
    advance(ms: number) {
      now += ms;
      for (;;) {
        const due = tasks.filter((entry) => entry.at <= now).sort((a, b) => a.at - b.at)[0];
        if (!due) return;
        tasks = tasks.filter((entry) => entry !== due);
        due.task();
      }
    },
    get pending() {
      return tasks.length;
    },
  };
}

const at = (page: number, document = 'a.pdf'): SeenPage => ({ document, page });

describe('DwellTimer', () => {
  it('counts a page once it stayed current long enough, not pages paged past', () => {
    const clock = manualClock();
    const seen: SeenPage[] = [];
    const timer = new DwellTimer(1000, clock.schedule, (page) => seen.push(page));
    timer.current(at(1));
    clock.advance(400);
    timer.current(at(2));
    clock.advance(400);
    timer.current(at(3));
    clock.advance(999);
    expect(seen).toEqual([]);
    clock.advance(1);
    expect(seen).toEqual([at(3)]);
    // Staying longer does not count it again.
    clock.advance(5000);
    expect(seen).toEqual([at(3)]);
  });

  it('is not restarted by the same page reported again, and stops on none', () => {
    const clock = manualClock();
    const seen: SeenPage[] = [];
    const timer = new DwellTimer(1000, clock.schedule, (page) => seen.push(page));
    timer.current(at(4));
    clock.advance(600);
    timer.current(at(4));
    clock.advance(400);
    expect(seen).toEqual([at(4)]);

    timer.current(at(5));
    clock.advance(500);
    timer.current(null);
    clock.advance(2000);
    expect(seen).toEqual([at(4)]);
    // The same page number in another document is another page.
    timer.current(at(4, 'b.pdf'));
    clock.advance(1000);
    expect(seen).toEqual([at(4), at(4, 'b.pdf')]);
  });
});

describe('SeenSender', () => {
  it('sends the pages seen meanwhile in one batch per document, after the delay', () => {
    const clock = manualClock();
    const sent: SeenBatch[] = [];
    const sender = new SeenSender(3000, clock.schedule, (batch) => sent.push(batch));
    sender.add(at(3));
    clock.advance(1000);
    sender.add(at(1));
    sender.add(at(3));
    sender.add(at(2, 'b.pdf'));
    expect(sender.waiting).toBe(3);
    // One timer, from the first page: reading on does not put the send off forever.
    expect(clock.pending).toBe(1);
    clock.advance(1999);
    expect(sent).toEqual([]);
    clock.advance(1);
    expect(sent).toEqual([
      { document: 'a.pdf', pages: [1, 3] },
      { document: 'b.pdf', pages: [2] },
    ]);
    expect(sender.waiting).toBe(0);
    clock.advance(10_000);
    expect(sent).toHaveLength(2);
  });

  it('sends at once on flush, and nothing when nothing waits', () => {
    const clock = manualClock();
    const sent: SeenBatch[] = [];
    const sender = new SeenSender(3000, clock.schedule, (batch) => sent.push(batch));
    sender.flush();
    expect(sent).toEqual([]);
    sender.add(at(7));
    sender.flush();
    expect(sent).toEqual([{ document: 'a.pdf', pages: [7] }]);
    expect(clock.pending).toBe(0);
  });
});
