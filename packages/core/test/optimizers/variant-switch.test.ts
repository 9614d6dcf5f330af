import { describe, expect, it } from 'vitest';
import { Rprop, type Parameter, type Variant } from '../../src/index.js';
import { isPlusVariant, rpropConstantsFor, rpropStep } from '../../src/rules.js';
import { arrayOf, type Dtype } from '../properties/arbitraries.js';
import { makeParam, nonZeroValues, PATHS, restoreKernelsAfterEach, setGrad, usePath, type Path } from './step-paths.js';

/**
 * A group switched between a + variant (which keeps dw, the last weight change, to take it back on a
 * sign flip) and a − variant (which keeps none). A − step changes weights without writing dw, so the
 * dw left from before is no longer the last change: after + → − → +, dw must start at 0, as it does
 * after − → + (the group's states then have no dw yet).
 */

const N = 37; // past a few SIMD vectors, with a tail
const OPTIONS = { lr: 0.05, etas: [0.5, 1.2] as const, stepSizes: [1e-6, 50] as const, maximize: false };

restoreKernelsAfterEach();

/** The parameter every program starts from. */
const startParam = (path: Path, d: Dtype): Parameter => makeParam(path, d, nonZeroValues(N, 1));

/** Step t's gradient. */
const gradAt = (p: Parameter, d: Dtype, t: number): void => setGrad(p, d, nonZeroValues(N, 100 + t));

/** The loss at step t rises, so iRprop+ takes back a flipped weight's dw as Rprop+ always does. */
const loss = (t: number) => t;

/**
 * The reference: the rules on plain arrays, dw zeroed by every − step (or, `stale`, kept from the last
 * + step: the behaviour this guards against). Returns the weights and the state after every step.
 */
function reference(d: Dtype, variants: readonly Variant[], stale = false): Array<{ param: number[]; prev: number[]; stepSize: number[] }> {
  const param = arrayOf(d, nonZeroValues(N, 1));
  const prev = arrayOf(d, new Array<number>(N).fill(0));
  const stepSize = arrayOf(d, new Array<number>(N).fill(OPTIONS.lr));
  const dw = arrayOf(d, new Array<number>(N).fill(0));
  const c = rpropConstantsFor(param, OPTIONS.etas, OPTIONS.stepSizes, OPTIONS.maximize);
  let prevLoss: number | null = null;
  return variants.map((v, t) => {
    const plus = isPlusVariant(v);
    const grad = arrayOf(d, nonZeroValues(N, 100 + t));
    rpropStep(v, { param, grad, prev, stepSize, prevUpdate: plus ? dw : undefined }, c, prevLoss !== null && loss(t) > prevLoss);
    if (plus) prevLoss = loss(t);
    else if (!stale) dw.fill(0);
    return { param: Array.from(param), prev: Array.from(prev), stepSize: Array.from(stepSize) };
  });
}

/** The optimizer on `path`, the group's variant set before each step; the same record as `reference`. */
function optimizer(path: Path, d: Dtype, variants: readonly Variant[]): Array<{ param: number[]; prev: number[]; stepSize: number[] }> {
  usePath(path);
  const p = startParam(path, d);
  const opt = new Rprop([p], { ...OPTIONS, variant: variants[0]! });
  return variants.map((v, t) => {
    opt.paramGroups[0]!.variant = v;
    gradAt(p, d, t);
    opt.step(() => loss(t));
    const s = opt.stateDict().state['0']!;
    return { param: Array.from(p.data), prev: s.prev as number[], stepSize: s.stepSize as number[] };
  });
}

const DTYPES: Dtype[] = ['float32', 'float64'];
const PROGRAMS: Array<[string, Variant[]]> = [
  ['rprop+ → rprop- → rprop+', ['rprop+', 'rprop+', 'rprop+', 'rprop-', 'rprop-', 'rprop+', 'rprop+', 'rprop+']],
  ['irprop+ → irprop- → irprop+', ['irprop+', 'irprop+', 'irprop-', 'irprop-', 'irprop+', 'irprop+']],
  ['rprop+ → irprop- → irprop+ → rprop- → rprop+', ['rprop+', 'rprop+', 'irprop-', 'irprop+', 'irprop+', 'rprop-', 'rprop+', 'rprop+']],
  ['irprop- → rprop+ → rprop- → rprop+', ['irprop-', 'irprop-', 'rprop+', 'rprop+', 'rprop-', 'rprop+']],
];

describe.each(PATHS)('a group switched + → − → + (%s path)', (path) => {
  it.each(DTYPES.flatMap((d) => PROGRAMS.map(([name, vs]) => [name, d, vs] as const)))(
    '%s (%s): dw is 0 at the first + step after a − step, so a flip then takes nothing back',
    (_name, d, variants) => {
      const expected = reference(d, variants);
      // The program flips signs right after a switch back to +: a dw kept from before the − steps
      // would take back a change that was not the last one, and the weights would differ.
      expect(reference(d, variants, true)).not.toStrictEqual(expected);
      expect(optimizer(path, d, variants)).toStrictEqual(expected);
    },
  );

  it.each(DTYPES.flatMap((d) => PROGRAMS.map(([name, vs]) => [name, d, vs] as const)))(
    '%s (%s): save → JSON → load at any step, also between a switch and its first step, resumes as the uninterrupted run',
    (_name, d, variants) => {
      usePath(path);
      const straightParam = startParam(path, d);
      const straight = new Rprop([straightParam], { ...OPTIONS, variant: variants[0]! });
      variants.forEach((v, t) => {
        straight.paramGroups[0]!.variant = v;
        gradAt(straightParam, d, t);
        straight.step(() => loss(t));
      });
      for (let cut = 1; cut < variants.length; cut++) {
        const p = startParam(path, d);
        const first = new Rprop([p], { ...OPTIONS, variant: variants[0]! });
        for (let t = 0; t < cut; t++) {
          first.paramGroups[0]!.variant = variants[t]!;
          gradAt(p, d, t);
          first.step(() => loss(t));
        }
        // Switched, not yet stepped: the saved group has the next step's variant.
        first.paramGroups[0]!.variant = variants[cut]!;
        const resumed = new Rprop([p], { lr: 0.5 });
        resumed.loadStateDict(JSON.parse(JSON.stringify(first.stateDict())));
        for (let t = cut; t < variants.length; t++) {
          resumed.paramGroups[0]!.variant = variants[t]!;
          gradAt(p, d, t);
          resumed.step(() => loss(t));
        }
        expect(Array.from(p.data), `saved after ${cut} steps`).toStrictEqual(Array.from(straightParam.data));
        expect(resumed.stateDict(), `saved after ${cut} steps`).toStrictEqual(straight.stateDict());
      }
    },
  );
});

describe('the dw a − step leaves', () => {
  it.each(PATHS)("is 0 in the saved state of every parameter of the group, stepped or skipped (%s path)", (path) => {
    usePath(path);
    const a = startParam(path, 'float64');
    const b = startParam(path, 'float64');
    const opt = new Rprop([a, b], { ...OPTIONS, variant: 'rprop+' });
    gradAt(a, 'float64', 0);
    gradAt(b, 'float64', 1);
    opt.step(() => loss(0));
    const dw = (k: string) => opt.stateDict().state[k]!.prevUpdate as number[];
    expect(dw('0').some((v) => v !== 0) && dw('1').some((v) => v !== 0)).toBe(true);
    opt.paramGroups[0]!.variant = 'irprop-';
    // Switched, not stepped: no − step yet, so dw is still the last change of each weight.
    expect(dw('1').some((v) => v !== 0)).toBe(true);
    gradAt(a, 'float64', 2);
    b.grad = null;
    opt.step();
    // One rule for the group: b did not step, but its next + step comes after a − step of its group.
    expect([dw('0'), dw('1')]).toStrictEqual([new Array(N).fill(0), new Array(N).fill(0)]);
  });
});
