import { describe, expect, it } from 'vitest';
import { ProgressMeter } from './progress-meter';

describe('ProgressMeter', () => {
  it('measures speed over the recent window only, not since the start', () => {
    let now = 0;
    const meter = new ProgressMeter(2_000, () => now);
    // A slow start: 1 000 bytes/s for 10 s...
    for (let second = 0; second <= 10; second += 1) {
      now = second * 1_000;
      meter.sample(second * 1_000);
    }
    // ...then 10 000 bytes/s for 3 s.
    for (let second = 1; second <= 3; second += 1) {
      now = 10_000 + second * 1_000;
      meter.sample(10_000 + second * 10_000);
    }
    expect(meter.bytesPerSecond()).toBe(10_000);
    expect(meter.secondsLeft(40_000, 100_000)).toBe(6);
  });

  it('knows no speed (and no time left) before two samples', () => {
    const meter = new ProgressMeter(5_000, () => 0);
    meter.sample(100);
    expect(meter.bytesPerSecond()).toBe(0);
    expect(meter.secondsLeft(100, 1_000)).toBeNull();
  });
});
