import * as tf from '@tensorflow/tfjs';
import { NonFiniteGradientError } from 'rprop';
import type { RpropOptimizer, SlotOptimizer } from 'rprop-tfjs';
import type { Case, Reference } from './cases.js';
import { gradients, losses, plantSubnormals, random, weights } from './inputs.js';
import type { CaseReport, Mismatch } from './report.js';
import { ulps } from './ulps.js';

const SEEDS = [11, 12, 13, 14];
const STEPS = 10;
/** A matrix and a small vector (every op still runs in a shader: page.ts turns CPU forwarding off). */
const SHAPES: ReadonlyArray<readonly number[]> = [[23, 19], [7]];

let made = 0;

/** The optimizer's state as named arrays: 'w0', 'w0/prev', …, read from the device. */
async function stateOf(c: Case, opt: SlotOptimizer, vars: tf.Variable[]): Promise<Map<string, Float32Array>> {
  const saved = await opt.getWeights();
  saved[0]!.tensor.dispose(); // the kept iteration count: allowed (getWeights makes it again), and this read adds no tensor
  const state = new Map<string, Float32Array>();
  vars.forEach((v, j) => {
    state.set(`w${j}`, v.dataSync() as Float32Array);
    for (const slot of c.slots) state.set(`w${j}/${slot}`, saved.find((s) => s.name === `${v.name}/${slot}`)!.tensor.dataSync() as Float32Array);
  });
  return state;
}

function referenceState(c: Case, refs: Reference[]): Map<string, Float32Array> {
  const state = new Map<string, Float32Array>();
  refs.forEach((ref, j) => {
    state.set(`w${j}`, ref.value);
    for (const slot of c.slots) state.set(`w${j}/${slot}`, ref.slots[slot]!);
  });
  return state;
}

/**
 * Runs `c` on the current backend (webgl) and on the core's rules, comparing after every step; with
 * `subnormals`, on inputs with subnormals planted (see plantSubnormals).
 */
export async function runCase(c: Case, subnormals = false): Promise<CaseReport> {
  let compared = 0;
  let differing = 0;
  let differingElsewhere = 0;
  let first: Mismatch | null = null;
  let worst: Mismatch | null = null;
  const leaks: number[] = [];
  const refusals: string[] = [];

  for (const [k, seed] of SEEDS.entries()) {
    const rand = random(seed);
    const inits = SHAPES.map((shape) => weights(rand, shape.reduce((a, b) => a * b, 1)));
    const grads = inits.map((w) => gradients(rand, w.length, STEPS + 1));
    const loss = losses(rand, STEPS + 1);
    const planted = inits.map((w, j) => (subnormals ? plantSubnormals(rand, w, grads[j]!) : new Set<number>()));
    const vars = inits.map((w, j) => tf.variable(tf.tensor(w, SHAPES[j]! as number[]), true, `webgl-${++made}`));
    const refs = inits.map((w) => c.start(k, w.slice()));
    const opt = c.make(k);
    let base = 0;

    for (let t = 0; t < STEPS; t++) {
      const given = grads.map((g, j) => tf.tensor(g[t]!, SHAPES[j]! as number[]));
      if ('setLoss' in opt) (opt as RpropOptimizer).setLoss(loss[t]!);
      opt.applyGradients(vars.map((v, j) => ({ name: v.name, tensor: given[j]! })));
      tf.dispose(given);
      refs.forEach((ref, j) => c.step(k, ref, grads[j]![t]!, t > 0 && loss[t]! > loss[t - 1]!));

      const got = await stateOf(c, opt, vars);
      for (const [tensor, want] of referenceState(c, refs)) {
        const have = got.get(tensor)!;
        const at = planted[Number(tensor[1])]!; // 'w1/prev' is variable 1's
        for (let i = 0; i < want.length; i++) {
          compared++;
          if (Object.is(have[i], want[i])) continue;
          differing++;
          if (!at.has(i)) differingElsewhere++;
          const m: Mismatch = { seed, step: t, tensor, index: i, webgl: have[i]!, core: want[i]!, ulps: ulps(have[i]!, want[i]!) };
          first ??= m;
          if (worst === null || m.ulps > worst.ulps) worst = m;
        }
      }
      // Counted after the state is read: the first getWeights makes the Rprop's saved-loss variable.
      const count = tf.memory().numTensors;
      if (t === 0) base = count;
      else if (count !== base) leaks.push(count - base);
    }

    for (const bad of [NaN, Infinity, -Infinity]) refusals.push(...(await refusal(c, opt, vars, grads, loss[STEPS]!, bad)));
    opt.dispose();
    tf.dispose(vars);
  }
  return { name: c.name, compared, differing, differingElsewhere, maxUlps: worst?.ulps ?? 0, first, worst, leaks, refusals };
}

/** A step whose last variable's gradient holds `bad` at index 3 must throw and change nothing. */
async function refusal(c: Case, opt: SlotOptimizer, vars: tf.Variable[], grads: Float32Array[][], loss: number, bad: number): Promise<string[]> {
  const problems: string[] = [];
  const before = await stateOf(c, opt, vars);
  const iterations = opt.iterations;
  const count = tf.memory().numTensors;
  const values = grads.map((g) => g[STEPS]!.slice());
  values[values.length - 1]![3] = bad;
  const given = values.map((g, j) => tf.tensor(g, vars[j]!.shape));
  if ('setLoss' in opt) (opt as RpropOptimizer).setLoss(loss);
  try {
    opt.applyGradients(vars.map((v, j) => ({ name: v.name, tensor: given[j]! })));
    problems.push(`${bad}: the step ran`);
  } catch (e) {
    if (!(e instanceof NonFiniteGradientError) || !String(e.message).includes(`is ${bad} at index 3`)) problems.push(`${bad}: threw ${String(e)}`);
  }
  tf.dispose(given);
  const after = await stateOf(c, opt, vars);
  for (const [tensor, was] of before) if (!was.every((x, i) => Object.is(x, after.get(tensor)![i]))) problems.push(`${bad}: ${tensor} changed`);
  if (opt.iterations !== iterations) problems.push(`${bad}: iterations ${iterations} → ${opt.iterations}`);
  if (tf.memory().numTensors !== count) problems.push(`${bad}: ${tf.memory().numTensors - count} tensors more`);
  return problems;
}
