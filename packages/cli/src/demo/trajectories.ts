import type { Series } from '../plot/svg-chart.js';
import { contenders } from './contenders.js';

/** 0.01x² + 100y² and its gradient: the seed's two scales in one function. */
export function bowl(x: number, y: number): number {
  return 0.01 * x * x + 100 * y * y;
}

/** Where every path starts. */
export const START: readonly [number, number] = [3, -2];

/**
 * Paths of each optimizer on 0.01x² + 100y² from (3, −2). Gradient descent gets the largest stable
 * learning rate for y (lr < 2/200), which leaves x crawling.
 */
export function trajectories(steps = 150): Series[] {
  return contenders(0.009).map(({ name, make }) => {
    const p = { data: Float64Array.from(START), grad: new Float64Array(2) };
    const opt = make([p]);
    const points: Array<[number, number]> = [[...START]];
    for (let t = 0; t < steps; t++) {
      opt.step(() => {
        const [x, y] = [p.data[0]!, p.data[1]!];
        p.grad[0] = 0.02 * x;
        p.grad[1] = 200 * y;
        return bowl(x, y);
      });
      points.push([p.data[0]!, p.data[1]!]);
    }
    // The Rprop variants take the same sign steps until they first overshoot: drawn in turns.
    return { name, points, sharesPath: name.startsWith('Rprop') };
  });
}
