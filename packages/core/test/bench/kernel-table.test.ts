import { describe, expect, it } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { kernelTable } from '../../bench/kernel-table.mjs';

// Each column's name in the header, and the row field printed under it.
const COLUMNS: Array<[string, string]> = [
  ['reference', 'referenceNs'],
  ['fast', 'fastNs'],
  ['zero-copy', 'zeroCopyNs'],
  ['zero-copy 2 thr', 'zeroCopyThreadsNs'],
  ['copy floor', 'copyFloorNs'],
  ['torch', 'torchForeachNs'],
  ['torch reused', 'torchReusedNs'],
  ['fast vs torch', 'fastSpeedupVsTorch'],
  ['vs reused', 'fastSpeedupVsTorchReused'],
  ['fast/floor', 'fastOverFloor'],
  ['zero-copy/floor', 'zeroCopyOverFloor'],
  ['2 thr/floor', 'zeroCopyThreadsOverFloor'],
  ['2 thr vs 1', 'threadsSpeedup'],
  ['fast vs reference', 'fastSpeedupVsReference'],
  ['plain 2 thr', 'plainThreadsNs'],
  ['plain 2/1', 'plainThreadsSpeedup'],
  ['plain 2 vs fast', 'plainThreadsVsFast'],
  ['plain 2/floor', 'plainThreadsOverFloor'],
  ['plain 2 vs torch', 'plainThreadsSpeedupVsTorch'],
  ['plain 2 vs reused', 'plainThreadsSpeedupVsTorchReused'],
];

/** Where each cell of `line` ends, and its text: cells are runs of words apart by one space, `│` aside. */
function cells(line: string): Map<number, string> {
  return new Map([...line.matchAll(/[^\s│]+(?: [^\s│]+)*/g)].map((m) => [m.index + m[0].length, m[0]]));
}

// A made-up row: every figure different, so that a figure under another's column shows.
const row = {
  dtype: 'float32',
  shape: '200×5000',
  referenceNs: 22.5,
  fastNs: 2.25,
  zeroCopyNs: 1.5,
  zeroCopyThreadsNs: 0.75,
  copyFloorNs: 1.25,
  torchForeachNs: 31.5,
  torchReusedNs: 9.5,
  fastSpeedupVsTorch: 14.5,
  fastSpeedupVsTorchReused: 4.5,
  fastOverFloor: 1.8,
  zeroCopyOverFloor: 1.2,
  zeroCopyThreadsOverFloor: 0.6,
  threadsSpeedup: 1.95,
  fastSpeedupVsReference: 10.5,
  plainThreadsNs: 1.05,
  plainThreadsSpeedup: 1.35,
  plainThreadsVsFast: 1.15,
  plainThreadsOverFloor: 0.85,
  plainThreadsSpeedupVsTorch: 19.5,
  plainThreadsSpeedupVsTorchReused: 6.5,
};

describe("the kernel benchmark's table (bench/kernel-table.mjs)", () => {
  it('prints each figure under the name of its column', () => {
    const [, header, line] = kernelTable([row], { 'irprop- float32': 8 }, [], []) as string[];
    const names = cells(header!);
    const values = cells(line!);
    expect(line!.startsWith('float32  200×5000')).toBe(true);
    for (const [name, field] of COLUMNS) {
      const end = [...names].find(([, n]) => n === name)?.[0];
      expect(end, name).toBeDefined();
      expect(parseFloat(values.get(end!) ?? 'NaN'), name).toBeCloseTo(row[field as keyof typeof row] as number, 2);
    }
    expect(values.size).toBe(COLUMNS.length + 2);
  });

  it('prints a dash where torch was not measured, and says why', () => {
    const lines = kernelTable([{ ...row, torchForeachNs: null, torchReusedNs: null, fastSpeedupVsTorch: null, fastSpeedupVsTorchReused: null }], {}, [], []) as string[];
    const names = cells(lines[1]!);
    const values = cells(lines[2]!);
    for (const name of ['torch', 'torch reused', 'fast vs torch', 'vs reused']) expect(values.get([...names].find(([, n]) => n === name)![0]), name).toBe('—');
    expect(lines.at(-1)).toBe('(torch not measured: /usr/bin/python3 cannot import torch; apt-get install python3-torch)');
  });
});
