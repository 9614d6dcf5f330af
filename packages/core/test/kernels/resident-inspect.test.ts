import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Rprop } from '../../src/index.js';

describe('an allocated parameter, logged', () => {
  it("shows its name, values and gradient, not the kernels' allocator", () => {
    const p = Rprop.allocate(3, 'float64', 'w');
    p.data.set([1, 2, 3]);
    const shown = inspect(p);
    expect(shown).toBe("ResidentParameter {\n  name: 'w',\n  data: Float64Array(3) [ 1, 2, 3 ],\n  grad: Float64Array(3) [ 0, 0, 0 ]\n}");
    expect(inspect(Rprop.allocate(1))).toBe('ResidentParameter { data: Float32Array(1) [ 0 ], grad: Float32Array(1) [ 0 ] }');
    p.grad = null;
    expect(inspect(p)).toContain('grad: null');
    expect(inspect({ a: { b: { p } } })).toBe('{ a: { b: { p: ResidentParameter { … } } } }');
  });
});
