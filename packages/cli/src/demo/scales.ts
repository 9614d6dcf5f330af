import type { Series } from '../plot/svg-chart.js';
import { contenders } from './contenders.js';

/** How one optimizer did on c·x² from x = 3. */
export interface ScaleResult {
  optimizer: string;
  /** Iterations until |x| < 1e-6, or why it never got there. */
  outcome: number | 'diverged' | 'stalled';
  losses: Array<[number, number]>;
}

const TOLERANCE = 1e-6;
const MAX_ITERATIONS = 2000;

/**
 * The seed's story: c·x² for c = 0.01 and c = 100 has one minimum, at 0, but gradients 10⁴ apart.
 * One learning rate cannot serve both; sign-based steps do not care.
 */
export function scaleRace(c: number): ScaleResult[] {
  return contenders(0.1).map(({ name, make }) => {
    const p = { data: new Float64Array([3]), grad: new Float64Array(1) };
    const opt = make([p]);
    const losses: Array<[number, number]> = [];
    let outcome: ScaleResult['outcome'] = 'stalled';
    for (let t = 0; t < MAX_ITERATIONS; t++) {
      const x = p.data[0]!;
      losses.push([t, c * x * x]);
      if (Math.abs(x) < TOLERANCE) {
        outcome = t;
        break;
      }
      if (!(Math.abs(x) < 1e6)) {
        outcome = 'diverged';
        break;
      }
      opt.step(() => {
        p.grad[0] = 2 * c * x;
        return c * x * x;
      });
    }
    return { optimizer: name, outcome, losses };
  });
}

/** The loss curves of a race, for plotting. */
export function lossSeries(results: ScaleResult[]): Series[] {
  return results.map((r) => ({ name: `${r.optimizer}${typeof r.outcome === 'number' ? '' : ` (${r.outcome})`}`, points: r.losses }));
}
