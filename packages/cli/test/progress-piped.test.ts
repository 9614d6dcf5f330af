import { afterEach, describe, expect, it, vi } from 'vitest';
import { progress } from '../src/train/progress.js';

// Piped, whatever the tests' own stderr is: isTTY is an own property of a terminal's stream only.
const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
afterEach(() => {
  vi.restoreAllMocks();
  if (tty === undefined) delete (process.stderr as { isTTY?: boolean }).isTTY;
  else Object.defineProperty(process.stderr, 'isTTY', tty);
});

describe('the progress line when piped: one every two seconds at most', () => {
  it('counts the two seconds from the last line shown, so a slow epoch is not followed by a burst', () => {
    let clock = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    const bar = progress(100, false);
    const measure = () => ({ mse: 0.25, bitFail: 1 });
    clock += 7000; // a first epoch of 7 s (a large set, the backend warming up)
    bar.update(1, measure);
    for (let epoch = 2; epoch <= 10; epoch++) {
      clock += 100; // then fast ones: 0.9 s in all
      bar.update(epoch, measure);
    }
    expect(lines).toEqual(['epoch 1/100  MSE 2.5000e-1  bit-fail 1\n']); // (was: epochs 1, 2, 3 and 4)
    clock += 1200; // 2.1 s after the first line
    bar.update(11, measure);
    expect(lines.at(-1)).toBe('epoch 11/100  MSE 2.5000e-1  bit-fail 1\n');
    expect(lines).toHaveLength(2);
  });
});
