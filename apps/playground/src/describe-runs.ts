import type { TestFunction } from './functions.js';
import type { Run } from './simulation.js';

/** What the map shows at one moment: the function, the start, the runs and how far they have gone. */
export interface RunsShown {
  fn: TestFunction;
  start: [number, number];
  runs: Run[];
  iteration: number;
  maxIterations: number;
}

/**
 * A coordinate as a reader speaks it: to 3 decimals, the picture's precision and more, with a true minus
 * sign ('-' is read as 'dash' by some screen readers) and no '−0'.
 */
export const speakable = (v: number): string => {
  const rounded = Math.round(v * 1000) / 1000;
  return String(rounded === 0 ? 0 : rounded).replace('-', '−');
};

const point = ([x, y]: readonly [number, number] | readonly number[]) => `(${speakable(x!)}, ${speakable(y!)})`;

/** The minimum of `fn` nearest to (x, y), and the distance to it. */
function nearestMinimum(fn: TestFunction, [x, y]: [number, number]): { at: [number, number]; distance: number } {
  return fn.minima
    .map((at) => ({ at, distance: Math.hypot(x - at[0], y - at[1]) }))
    .reduce((best, m) => (m.distance < best.distance ? m : best));
}

/**
 * The map in words, for those who cannot see it: the function and start, then where each ticked optimizer
 * is (or ended), how far from the nearest minimum and at what f − f*, or that it diverged or was refused.
 * The legend gives f − f* too, but not where the paths went, which is what the map shows.
 */
export function describeRuns({ fn, start, runs, iteration, maxIterations }: RunsShown): string {
  const done = iteration >= maxIterations;
  const head = `${fn.name} from ${point(start)}, ${done ? `all ${maxIterations} iterations run` : `iteration ${iteration} of ${maxIterations}`}.`;
  if (runs.length === 0) return `${head} No optimizer ticked.`;
  const lines = runs.map((run) => {
    const name = run.spec.name;
    if (run.error) return `${name} did not run: ${run.error}.`;
    const last = run.path.at(-1)!;
    if (run.diverged) return `${name} diverged at iteration ${run.losses.length}, last seen at ${point(last)}.`;
    const { at, distance } = nearestMinimum(fn, last);
    const f = (run.losses.at(-1)! - fn.fmin).toExponential(2);
    return `${name} ${done ? 'ended' : 'is'} at ${point(last)}, ${speakable(distance)} from the minimum at ${point(at)}, f − f* = ${f}.`;
  });
  return [head, ...lines].join(' ');
}
