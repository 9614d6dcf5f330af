import { describe, expect, it } from 'vitest';
import { Adam, Lion, SGD, Signum, SignSGD, type Parameter } from '../../src/index.js';

const param = (w: number[], Ctor: Float32ArrayConstructor | Float64ArrayConstructor = Float64Array): Parameter => ({
  data: Ctor.from(w),
  grad: new Ctor(w.length),
});

function run(opt: { step(c?: () => number): unknown }, p: Parameter, grads: number[][]): number[] {
  for (const g of grads) {
    p.grad!.set(g);
    opt.step();
  }
  return Array.from(p.data);
}

describe('SignSGD', () => {
  it('moves every weight by exactly lr against its sign, whatever the magnitude', () => {
    const p = param([1, -1, 0.5, 2]);
    expect(run(new SignSGD([p], { lr: 0.25 }), p, [[1e-9, -1e9, 0, -3]])).toEqual([0.75, -0.75, 0.5, 2.25]);
  });

  it('ascends with maximize', () => {
    const p = param([1]);
    expect(run(new SignSGD([p], { lr: 0.5, maximize: true }), p, [[2]])).toEqual([1.5]);
  });
});

describe('Signum', () => {
  it('follows the sign of the momentum, not of the latest gradient', () => {
    const p = param([0, 0]);
    // m₁ = 0.1·g; m₂ = 0.09·g − 0.05·g = 0.04·g: the flipped second gradient does not flip the step.
    expect(run(new Signum([p], { lr: 0.5, beta: 0.9 }), p, [[1, -4], [-0.5, 2]])).toEqual([-1, 1]);
  });

  it('with β = 0 is signSGD', () => {
    const a = param([1, 2, 3]);
    const b = param([1, 2, 3]);
    const grads = [[1, -2, 0], [-1, -2, 3], [5, 0, -1]];
    expect(run(new Signum([a], { lr: 0.1, beta: 0 }), a, grads)).toEqual(run(new SignSGD([b], { lr: 0.1 }), b, grads));
  });
});

describe('Lion', () => {
  it('steps by lr·sign(β1·m + (1−β1)·g) and keeps m with β2', () => {
    const p = param([0, 0]);
    // c₁ = 0.1·g₁ → sign(g₁); m₁ = 0.01·g₁. With g₂ = −0.05·g₁: c₂ = 0.009·g₁ − 0.005·g₁ → still sign(g₁).
    expect(run(new Lion([p], { lr: 0.5, betas: [0.9, 0.99] }), p, [[1, -1], [-0.05, 0.05]])).toEqual([-1, 1]);
    // ...and a third, larger flipped gradient does flip it: c₃ = 0.9·(0.0099 − 0.0005) − 0.1·1 < 0.
    const q = param([0]);
    expect(run(new Lion([q], { lr: 0.5, betas: [0.9, 0.99] }), q, [[1], [-0.05], [-1]])).toEqual([-0.5]);
  });

  it('steps along c (β1), not along the momentum it keeps (β2)', () => {
    const p = param([0]);
    // m₁ = 0.01. With g₂ = −0.5: c₂ = 0.009 − 0.05 < 0, so w goes back up; the new momentum
    // 0.0099 − 0.005 is still > 0, and stepping along it would take w further down to −1.
    expect(run(new Lion([p], { lr: 0.5, betas: [0.9, 0.99] }), p, [[1], [-0.5]])).toEqual([0]);
  });

  it('decays weights decoupled from the gradient: w ← w − lr·(sign(c) + λ·w)', () => {
    const p = param([2]);
    expect(run(new Lion([p], { lr: 0.1, weightDecay: 0.5 }), p, [[1]])).toEqual([2 - 0.1 * (1 + 0.5 * 2)]);
  });
});

describe('SGD', () => {
  it('steps by lr·g, so its step depends on the scale', () => {
    const p = param([1, 1]);
    expect(run(new SGD([p], { lr: 0.1 }), p, [[1, 100]])).toEqual([0.9, 1 - 10]);
  });

  it('accumulates heavy-ball momentum as torch.optim.SGD: b₁ = g, b ← μ·b + g', () => {
    const p = param([0]);
    expect(run(new SGD([p], { lr: 1, momentum: 0.5 }), p, [[1], [1]])).toEqual([-(1 + 1.5)]);
  });
});

describe('Adam', () => {
  it('takes a first step of about lr against the sign (m̂/√v̂ = ±1)', () => {
    const p = param([1, 1, 1]);
    const [a, b, c] = run(new Adam([p], { lr: 0.01 }), p, [[1e-3, -50, 0]]);
    expect(a).toBeCloseTo(0.99, 6);
    expect(b).toBeCloseTo(1.01, 6);
    expect(c).toBe(1);
  });

  it('computes float32 buffers in float32', () => {
    const p = param([1, -2], Float32Array);
    const out = run(new Adam([p], { lr: 0.1 }), p, [[0.3, 0.7], [0.1, -0.2]]);
    for (const v of out) expect(Math.fround(v)).toBe(v);
  });
});
