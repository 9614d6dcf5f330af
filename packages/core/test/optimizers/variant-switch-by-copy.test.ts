import { describe, expect, it } from 'vitest';
import { Rprop, type Parameter } from '../../src/index.js';
import { makeParam, nonZeroValues, PATHS, restoreKernelsAfterEach, setGrad, usePath, type Path } from './step-paths.js';

/**
 * After a − step a parameter's dw is 0, however its group came to be − : changed in place
 * (variant-switch.test.ts), put in `paramGroups` as a copy (`{ ...group, variant }`, the usual way to
 * update an object in JavaScript), or the parameter moved from a + group into a − one. Else a switch
 * back to + takes back, on the next flip, a change that was not the last one — and a save → load at
 * that point (loaded states always have their dw zeroed by the next − step) would not continue as the
 * uninterrupted run.
 */

restoreKernelsAfterEach();

const N = 37;
type Edit = (opt: Rprop) => void;

/** Two + steps, one − step after `toMinus`, then + again with every gradient's sign flipped. */
function run(path: Path, toMinus: Edit): number[] {
  usePath(path);
  const a = makeParam(path, 'float64', nonZeroValues(N, 1));
  const b = makeParam(path, 'float64', nonZeroValues(N, 2));
  const opt = new Rprop([{ params: [a], variant: 'rprop+' }, { params: [b], variant: 'rprop-' }], { lr: 0.05 });
  const grads = nonZeroValues(N, 3);
  const step = (sign: number, loss: number) => {
    for (const p of [a, b] as Parameter[]) setGrad(p, 'float64', grads.map((g) => sign * g));
    opt.step(() => loss);
  };
  step(1, 3);
  step(1, 2);
  toMinus(opt);
  step(1, 1);
  for (const g of opt.paramGroups) g.variant = 'rprop+';
  step(-1, 4);
  return Array.from(a.data);
}

const inPlace: Edit = (opt) => (opt.paramGroups[0]!.variant = 'rprop-');

describe.each(PATHS)('a − step after a + one zeroes dw however the group became − (%s path)', (path) => {
  it('the group replaced by a copy with the − variant steps as the group changed in place', () => {
    expect(run(path, (opt) => (opt.paramGroups[0] = { ...opt.paramGroups[0]!, variant: 'rprop-' }))).toStrictEqual(run(path, inPlace));
  });

  it('the parameter moved into a − group steps as its group changed in place', () => {
    const moved = run(path, (opt) => opt.paramGroups[1]!.params.unshift(opt.paramGroups[0]!.params.pop()!));
    expect(moved).toStrictEqual(run(path, inPlace));
  });
});
