import { describe, expect, it } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { floorVsTorch, formatFloorVsTorch, formatTargets, targets } from '../../bench/targets.mjs';

interface Row {
  dtype: string;
  shape: string;
  copyFloorNs: number;
  torchForeachNs: number | null;
  torchReusedNs: number | null;
  fastSpeedupVsTorch: number | null;
  fastSpeedupVsTorchReused: number | null;
  fastOverFloor: number;
  zeroCopyOverFloor: number;
  plainThreadsSpeedupVsTorch?: number | null;
  plainThreadsSpeedupVsTorchReused?: number | null;
}

const row = (shape: string, over: Partial<Row> = {}): Row => ({
  dtype: 'float32',
  shape,
  copyFloorNs: 1,
  torchForeachNs: 12,
  torchReusedNs: 9,
  fastSpeedupVsTorch: 11,
  fastSpeedupVsTorchReused: 9,
  fastOverFloor: 1.5,
  zeroCopyOverFloor: 0.8,
  ...over,
});

describe("the benchmark's targets (bench/targets.mjs)", () => {
  it('checks each target against its limit, on the float32 rows only, and says which held', () => {
    const rows = [row('1e6', { fastSpeedupVsTorch: 10 }), row('1e7', { zeroCopyOverFloor: 1.31 }), row('200×5000', { fastOverFloor: 2.51 }), row('1e7', { dtype: 'float64', fastSpeedupVsTorch: 1 })];
    const list = targets(rows, { 'rprop- float32': 8, 'irprop- float32': 8.5 }) as Array<{ what: string; met: boolean }>;
    const met = Object.fromEntries(list.map((t) => [t.what, t.met]));
    expect(met['1e6: plain arrays vs torch']).toBe(true); // 10 is ≥ 10
    expect(met['1e6: plain arrays vs torch reused (stricter)']).toBe(false);
    expect(met['1e7: zero-copy / copy floor']).toBe(false);
    expect(met['200×5000: plain arrays / copy floor']).toBe(false);
    expect(met['1e7: plain arrays vs torch']).toBe(true); // the float64 row's 1× is not a target
    expect(met['state bytes per parameter, rprop- float32']).toBe(true);
    expect(met['state bytes per parameter, irprop- float32']).toBe(false);
    expect(list).toHaveLength(3 * 3 + 1 + 2);
    expect(formatTargets(list)[0]).toBe('✓ 1e6: plain arrays vs torch: 10.00 (≥ 10)');
    expect(formatTargets(list.filter((t) => t.what === '200×5000: plain arrays / copy floor'))).toEqual(['✗ 200×5000: plain arrays / copy floor: 2.51 (≤ 2.5)']);
  });

  it('checks the 10× at 1e6 and 1e7 for plain arrays on two kernel threads too, beside the issue\'s, where measured', () => {
    const rows = [
      row('1e6', { plainThreadsSpeedupVsTorch: 12, plainThreadsSpeedupVsTorchReused: 9.9 }),
      row('1e7', { plainThreadsSpeedupVsTorch: 10, plainThreadsSpeedupVsTorchReused: null }),
      row('200×5000', { plainThreadsSpeedupVsTorch: 30 }), // not a shape with this target
    ];
    const list = targets(rows, {}) as Array<{ what: string; met: boolean }>;
    const threaded = list.filter((t) => t.what.includes('2 kernel threads'));
    expect(threaded.map((t) => [t.what, t.met])).toEqual([
      ['1e6: plain arrays on 2 kernel threads vs torch', true],
      ['1e6: plain arrays on 2 kernel threads vs torch reused (stricter)', false],
      ['1e7: plain arrays on 2 kernel threads vs torch', true],
    ]);
    expect(list).toHaveLength(3 * 3 + 1 + 3);
  });

  it('leaves out targets against torch when torch was not measured', () => {
    const list = targets([row('1e6', { fastSpeedupVsTorch: null, fastSpeedupVsTorchReused: null, torchForeachNs: null, torchReusedNs: null })], {}) as Array<{ what: string }>;
    expect(list.map((t) => t.what)).toEqual(['1e6: plain arrays / copy floor']);
    expect(floorVsTorch([row('1e6', { torchForeachNs: null, torchReusedNs: null })])).toEqual([]);
    expect(formatFloorVsTorch([])).toEqual([]);
  });

  it("says how fast torch is against the copy floor itself: the most any step on plain arrays could reach", () => {
    // A float64 row first: it has no target, whatever its order among the rows.
    const rows = [row('1e6', { dtype: 'float64', copyFloorNs: 2, torchForeachNs: 30, torchReusedNs: 20 }), row('1e6', { copyFloorNs: 0.5, torchForeachNs: 11, torchReusedNs: 8 }), row('1e7', { copyFloorNs: 1.25, torchForeachNs: 14, torchReusedNs: null }), row('1e4')];
    expect(floorVsTorch(rows)).toEqual([
      { shape: '1e6', torch: 22, torchReused: 16 },
      { shape: '1e7', torch: 11.2, torchReused: null },
    ]);
    expect(formatFloorVsTorch(floorVsTorch(rows))).toEqual(['the copy floor itself (any step on plain arrays moves more): 1e6 22.0× torch, 16.0× reused; 1e7 11.2× torch, — reused']);
  });
});
