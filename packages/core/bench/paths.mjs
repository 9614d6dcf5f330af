// The cases the kernel benchmarks time: shapes, dtypes, and each path as { prepare, run } —
// prepare() (untimed) hands over the next gradient, run() is the timed step; `params`, what it steps.
import { Rprop } from 'rprop';
import { randomArray } from './timing.mjs';

export const SHAPES = [
  { label: '1e4', tensors: 1, size: 1e4 },
  { label: '1e6', tensors: 1, size: 1e6 },
  { label: '1e7', tensors: 1, size: 1e7 },
  { label: '200×5000', tensors: 200, size: 5000 },
  // A large model as models are: many tensors (1e7 weights), none large enough to split on its own.
  { label: '200×50000', tensors: 200, size: 50000 },
];

/**
 * The shapes a run measures, out of `shapes`: with `quick`, those under 10⁷ parameters (for a smoke
 * run); with `only` (a --shape= value), the one of that label, where an ASCII x may stand for ×.
 * Throws when `only` names none of them: a run of no shape would print a table without rows.
 */
export function selectShapes(shapes, { quick = false, only } = {}) {
  const measured = shapes.filter((s) => !quick || s.size * s.tensors < 1e7);
  const selected = measured.filter((s) => only === undefined || s.label === only || s.label === only.replace('x', '×'));
  if (selected.length === 0) {
    throw new Error(`--shape=${only} names none of the shapes measured${quick ? ' with --quick' : ''}: ${measured.map((s) => s.label).join(', ')}`);
  }
  return selected;
}

export const DTYPES = [
  { dtype: 'float32', Ctor: Float32Array },
  { dtype: 'float64', Ctor: Float64Array },
];

/** Two gradient draws per tensor: steps alternate between them, so about half the signs flip. */
export function draws(Ctor, shape) {
  return Array.from({ length: shape.tensors }, (_, t) => [randomArray(Ctor, shape.size, 1000 + t), randomArray(Ctor, shape.size, 2000 + t)]);
}

/** Rprop.step() on ordinary arrays (the kernels on or off, as set when it runs). */
export function plainPath(Ctor, shape, grads) {
  const params = grads.map((_, t) => ({ data: randomArray(Ctor, shape.size, t), grad: null }));
  const opt = new Rprop(params);
  let k = 0;
  const prepare = () => {
    const which = k++ & 1;
    params.forEach((p, t) => (p.grad = grads[t][which]));
  };
  return { prepare, run: () => opt.step(), params };
}

/** Rprop.step() on parameters allocated in the kernels' memory. */
export function zeroCopyPath(Ctor, shape, grads) {
  const dtype = Ctor === Float32Array ? 'float32' : 'float64';
  const params = grads.map((_, t) => {
    const p = Rprop.allocate(shape.size, dtype);
    p.data.set(randomArray(Ctor, shape.size, t));
    return p;
  });
  const opt = new Rprop(params);
  let k = 0;
  const prepare = () => {
    const which = k++ & 1;
    params.forEach((p, t) => p.gradBuffer.set(grads[t][which]));
  };
  return { prepare, run: () => opt.step(), params };
}

/**
 * The copy floor: the bytes one step must move, as one memcpy of `bytes` (it reads and writes them:
 * see kernels.mjs's header).
 */
export function copyFloor(Ctor, shape) {
  const bytes = 14 * Ctor.BYTES_PER_ELEMENT / 4 * shape.size * shape.tensors;
  const src = new Uint8Array(bytes).fill(1);
  const dst = new Uint8Array(bytes);
  return { prepare: () => {}, run: () => dst.set(src), bytes };
}
