/** A 2-D test function with its gradient, a view window and a suggested start. */
export interface TestFunction {
  id: string;
  name: string;
  f(x: number, y: number): number;
  grad(x: number, y: number): [number, number];
  /** [xmin, xmax, ymin, ymax] of the picture. */
  view: [number, number, number, number];
  start: [number, number];
  /** Global minima, marked on the map. */
  minima: Array<[number, number]>;
  /** The lowest value, for the log-scaled colours and loss curves. */
  fmin: number;
  note: string;
}

// The rotated quadratic: 0.01u² + 100v² in coordinates turned by 30°, so no axis is a valley axis.
const ANGLE = Math.PI / 6;
const [C, S] = [Math.cos(ANGLE), Math.sin(ANGLE)];

export const FUNCTIONS: TestFunction[] = [
  {
    id: 'scaled',
    name: '0.01x² + 100y²',
    f: (x, y) => 0.01 * x * x + 100 * y * y,
    grad: (x, y) => [0.02 * x, 200 * y],
    view: [-4, 4, -2.5, 2.5],
    start: [3, -2],
    minima: [[0, 0]],
    fmin: 0,
    note: 'One minimum, but the gradient in y is 10⁴ times the one in x. A learning rate small enough for y leaves SGD crawling in x; Rprop\'s per-coordinate steps and Adam\'s per-coordinate scaling take both in stride. signSGD, Signum and Lion step by the same lr in both coordinates: they end rocking about the minimum at a distance set by lr (unless, as here for signSGD and Lion, the start lies on their lr grid and a step lands on it).',
  },
  {
    id: 'rosenbrock',
    name: 'Rosenbrock',
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    view: [-2, 2, -1, 3],
    start: [-1.2, 1],
    minima: [[1, 1]],
    fmin: 0,
    note: 'A curved, narrow valley. Every method reaches the valley quickly and then has to follow its bend to (1, 1); from the default start none gets there in 500 iterations. signSGD, Signum and Lion, whose step is lr in every coordinate, stall: it is too big for the valley\'s width.',
  },
  {
    id: 'beale',
    name: 'Beale',
    f: (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
    grad: (x, y) => {
      const a = 1.5 - x + x * y;
      const b = 2.25 - x + x * y * y;
      const c = 2.625 - x + x * y ** 3;
      return [2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y ** 3 - 1), 2 * a * x + 4 * b * x * y + 6 * c * x * y * y];
    },
    view: [-4.5, 4.5, -4.5, 4.5],
    start: [1, 1.5],
    minima: [[3, 0.5]],
    fmin: 0,
    note: 'Flat plateaus and steep walls: gradients range over many orders of magnitude, where steps by magnitude either crawl or jump. The Rprop variants, whose steps ignore the gradient\'s size, get closest; SGD crawls on the plateau, and the fixed-step sign methods stall at a distance set by lr.',
  },
  {
    id: 'himmelblau',
    name: 'Himmelblau',
    f: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
    grad: (x, y) => {
      const a = x * x + y - 11;
      const b = x + y * y - 7;
      return [4 * a * x + 2 * b, 2 * a + 4 * b * y];
    },
    view: [-5, 5, -5, 5],
    start: [-0.5, -0.5],
    minima: [[3, 2], [-2.805118, 3.131312], [-3.77931, -3.283186], [3.584428, -1.848126]],
    fmin: 0,
    note: 'Four minima. Which one an optimizer reaches depends on where it starts and on how it steps: from the default start all reach (−2.81, 3.13); click elsewhere, near a ridge, to see them part.',
  },
  {
    id: 'rotated',
    name: 'Rotated ill-conditioned quadratic',
    f: (x, y) => {
      const u = C * x + S * y;
      const v = -S * x + C * y;
      return 0.01 * u * u + 100 * v * v;
    },
    grad: (x, y) => {
      const u = C * x + S * y;
      const v = -S * x + C * y;
      return [0.02 * u * C - 200 * v * S, 0.02 * u * S + 200 * v * C];
    },
    // Square, as the plot is: a y unit as long as an x unit draws the valley at its 30° and SGD's
    // steps at right angles to the contours (8 × 6 showed it at 37.6°).
    view: [-4, 4, -4, 4],
    start: [3, -1],
    minima: [[0, 0]],
    fmin: 0,
    note: 'The same two scales, turned by 30° so that no axis follows the valley: here coordinate-wise methods lose their edge. Rprop\'s per-coordinate steps no longer match the two scales; from the default start it ends near 1e-2 after 500 iterations, against 1e-11 on the unturned 0.01x² + 100y², little better than SGD. signSGD, Signum and Lion, stepping equally in both coordinates, do worse. Adam is coordinate-wise too; of these methods only SGD is rotation invariant.',
  },
];
