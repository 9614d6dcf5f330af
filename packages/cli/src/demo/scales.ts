import type { Series } from '../plot/svg-chart.js';
import { contenders } from './contenders.js';

/** How one optimizer did on c·x² from x = 3. */
export interface ScaleResult {
  optimizer: string;
  /**
   * Iterations until |x| < 1e-6, or why it never got there: 'diverged' (|x| grew past 1e6), or
   * 'capped' (the run reached MAX_ITERATIONS first, which says nothing of whether it was still
   * converging: SGD on 0.01x² is, slowly).
   */
  outcome: number | 'diverged' | 'capped';
  /** x where the run stopped. */
  lastX: number;
  losses: Array<[number, number]>;
}

/** How close to the minimum counts as there. */
export const TOLERANCE = 1e-6;
/** The most iterations a run gets. */
export const MAX_ITERATIONS = 2000;

/** A run's outcome in words, for a legend. */
export function outcomeText(outcome: ScaleResult['outcome']): string {
  if (typeof outcome === 'number') return `${outcome} iterations`;
  return outcome === 'capped' ? `not within ${TOLERANCE.toExponential()} after ${MAX_ITERATIONS}` : outcome;
}

/**
 * The seed's story: c·x² for c = 0.01 and c = 100 has one minimum, at 0, but gradients 10⁴ apart.
 * One learning rate cannot serve both; sign-based steps do not care.
 */
export function scaleRace(c: number): ScaleResult[] {
  return contenders(0.1).map(({ name, make }) => {
    const p = { data: new Float64Array([3]), grad: new Float64Array(1) };
    const opt = make([p]);
    const losses: Array<[number, number]> = [];
    let outcome: ScaleResult['outcome'] = 'capped';
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
    return { optimizer: name, outcome, lastX: p.data[0]!, losses };
  });
}

/** The loss curves of a race, for plotting. */
export function lossSeries(results: ScaleResult[]): Series[] {
  // The Rprop variants take the same steps until they first overshoot: their curves are one there, drawn in turns.
  return results.map((r) => ({ name: `${r.optimizer}${typeof r.outcome === 'number' ? '' : ` (${outcomeText(r.outcome)})`}`, points: r.losses, sharesPath: r.optimizer.startsWith('Rprop') }));
}
