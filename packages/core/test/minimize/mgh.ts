import type { Objective } from '../../src/index.js';

/**
 * Test problems of Moré, Garbow & Hillstrom, "Testing unconstrained optimization software", ACM TOMS
 * 7(1), 1981 — numbered as there. Each is a sum of squares f = Σⱼ rⱼ(x)², written as its residuals r
 * and their Jacobian J, so that ∇f = 2Jᵀr follows from the paper's formulas without a second hand
 * derivation to get wrong; `mgh-gradients.test.ts` checks every J against central differences.
 */
export interface MghProblem {
  /** The paper's name, with n. */
  name: string;
  /** The paper's number. */
  number: number;
  /** The standard starting point. */
  x0: readonly number[];
  /** The global minimum value f*. */
  fStar: number;
  /** A global minimiser where one is known and isolated (Box 3-D and the trigonometric function have several or none listed). */
  xStar?: readonly number[];
  /** Other minima the paper (or, for the trigonometric function, later studies) list, to name where a run ended. */
  others?: readonly { name: string; f: number; x?: readonly number[] }[];
  /** Writes the residuals into r and their Jacobian (row j: ∂rⱼ/∂xᵢ at j·n + i) into jac. */
  residuals(x: Float64Array, r: Float64Array, jac: Float64Array): void;
  /** How many residuals. */
  m: number;
}

/** f and ∇f = 2Jᵀr of a least-squares problem, as minimize takes them. */
export function objective(p: MghProblem): Objective {
  const n = p.x0.length;
  const r = new Float64Array(p.m);
  const jac = new Float64Array(p.m * n);
  return (x, grad) => {
    jac.fill(0);
    p.residuals(x, r, jac);
    let f = 0;
    for (let j = 0; j < p.m; j++) {
      f += r[j]! * r[j]!;
      for (let i = 0; i < n; i++) grad[i] = grad[i]! + 2 * jac[j * n + i]! * r[j]!;
    }
    return f;
  };
}

/**
 * Per coordinate, how far xᵢ is from where ∂f/∂xᵢ vanishes: |∂f/∂xᵢ| over the Gauss–Newton
 * curvature 2Σⱼ Jⱼᵢ² (a Newton step along xᵢ alone). Unlike |∇f| itself this is in units of x, so a
 * point can be called stationary to so many digits of x whatever the problem's scale.
 */
export function newtonDistance(p: MghProblem, x: Float64Array): Float64Array {
  const n = p.x0.length;
  const r = new Float64Array(p.m);
  const jac = new Float64Array(p.m * n);
  p.residuals(x, r, jac);
  const distance = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let slope = 0;
    let curvature = 0;
    for (let j = 0; j < p.m; j++) {
      slope += 2 * jac[j * n + i]! * r[j]!;
      curvature += 2 * jac[j * n + i]! ** 2;
    }
    distance[i] = Math.abs(slope) / curvature;
  }
  return distance;
}

const freudensteinRoth: MghProblem = {
  name: 'Freudenstein–Roth (2)', number: 2, m: 2, x0: [0.5, -2], fStar: 0, xStar: [5, 4],
  others: [{ name: 'local minimum', f: 48.9842, x: [11.41, -0.8968] }], // as the paper gives them
  residuals(x, r, jac) {
    const [x1, x2] = [x[0]!, x[1]!];
    r[0] = -13 + x1 + ((5 - x2) * x2 - 2) * x2;
    r[1] = -29 + x1 + ((x2 + 1) * x2 - 14) * x2;
    jac[0] = 1; jac[1] = 10 * x2 - 3 * x2 * x2 - 2;
    jac[2] = 1; jac[3] = 3 * x2 * x2 + 2 * x2 - 14;
  },
};

const brownBadlyScaled: MghProblem = {
  name: 'Brown badly scaled (4)', number: 4, m: 3, x0: [1, 1], fStar: 0, xStar: [1e6, 2e-6],
  residuals(x, r, jac) {
    const [x1, x2] = [x[0]!, x[1]!];
    r[0] = x1 - 1e6;
    r[1] = x2 - 2e-6;
    r[2] = x1 * x2 - 2;
    jac[0] = 1;
    jac[3] = 1;
    jac[4] = x2; jac[5] = x1;
  },
};

const BEALE_Y = [1.5, 2.25, 2.625];
const beale: MghProblem = {
  name: 'Beale (5)', number: 5, m: 3, x0: [1, 1], fStar: 0, xStar: [3, 0.5],
  residuals(x, r, jac) {
    const [x1, x2] = [x[0]!, x[1]!];
    for (let j = 0; j < 3; j++) {
      const i = j + 1;
      r[j] = BEALE_Y[j]! - x1 * (1 - x2 ** i);
      jac[j * 2] = -(1 - x2 ** i);
      jac[j * 2 + 1] = x1 * i * x2 ** (i - 1);
    }
  },
};

const jennrichSampson: MghProblem = {
  name: 'Jennrich–Sampson (6), m = 10', number: 6, m: 10, x0: [0.3, 0.4], fStar: 124.362, xStar: [0.2578, 0.2578], // to the paper's digits
  residuals(x, r, jac) {
    const [x1, x2] = [x[0]!, x[1]!];
    for (let j = 0; j < 10; j++) {
      const i = j + 1;
      r[j] = 2 + 2 * i - (Math.exp(i * x1) + Math.exp(i * x2));
      jac[j * 2] = -i * Math.exp(i * x1);
      jac[j * 2 + 1] = -i * Math.exp(i * x2);
    }
  },
};

/** θ of the helical valley: the angle of (x1, x2) in turns, with the paper's branch cut at x1 = 0, x2 < 0. */
function helixAngle(x1: number, x2: number): number {
  if (x1 > 0) return Math.atan(x2 / x1) / (2 * Math.PI);
  if (x1 < 0) return Math.atan(x2 / x1) / (2 * Math.PI) + 0.5;
  return x2 >= 0 ? 0.25 : -0.25; // the paper leaves x1 = 0 undefined; the limit from x1 > 0
}

const helicalValley: MghProblem = {
  name: 'helical valley (7)', number: 7, m: 3, x0: [-1, 0, 0], fStar: 0, xStar: [1, 0, 0],
  residuals(x, r, jac) {
    const [x1, x2, x3] = [x[0]!, x[1]!, x[2]!];
    const rho2 = x1 * x1 + x2 * x2;
    const rho = Math.sqrt(rho2);
    r[0] = 10 * (x3 - 10 * helixAngle(x1, x2));
    r[1] = 10 * (rho - 1);
    r[2] = x3;
    // ∂θ/∂x1 = −x2 / (2πρ²), ∂θ/∂x2 = x1 / (2πρ²), on either branch.
    jac[0] = (100 * x2) / (2 * Math.PI * rho2);
    jac[1] = (-100 * x1) / (2 * Math.PI * rho2);
    jac[2] = 10;
    jac[3] = (10 * x1) / rho;
    jac[4] = (10 * x2) / rho;
    jac[8] = 1;
  },
};

const BOX_T = Array.from({ length: 10 }, (_, j) => 0.1 * (j + 1));
const box3d: MghProblem = {
  name: 'Box 3-D (12), m = 10', number: 12, m: 10, x0: [0, 10, 20], fStar: 0,
  others: [
    { name: '(1, 10, 1)', f: 0, x: [1, 10, 1] },
    { name: '(10, 1, −1)', f: 0, x: [10, 1, -1] },
    { name: 'x1 = x2, x3 = 0', f: 0 },
  ],
  residuals(x, r, jac) {
    const [x1, x2, x3] = [x[0]!, x[1]!, x[2]!];
    BOX_T.forEach((t, j) => {
      const c = Math.exp(-t) - Math.exp(-10 * t);
      r[j] = Math.exp(-t * x1) - Math.exp(-t * x2) - x3 * c;
      jac[j * 3] = -t * Math.exp(-t * x1);
      jac[j * 3 + 1] = t * Math.exp(-t * x2);
      jac[j * 3 + 2] = -c;
    });
  },
};

const powellSingular: MghProblem = {
  name: 'Powell singular (13)', number: 13, m: 4, x0: [3, -1, 0, 1], fStar: 0, xStar: [0, 0, 0, 0],
  residuals(x, r, jac) {
    const [x1, x2, x3, x4] = [x[0]!, x[1]!, x[2]!, x[3]!];
    const s5 = Math.sqrt(5);
    const s10 = Math.sqrt(10);
    r[0] = x1 + 10 * x2;
    r[1] = s5 * (x3 - x4);
    r[2] = (x2 - 2 * x3) ** 2;
    r[3] = s10 * (x1 - x4) ** 2;
    jac[0] = 1; jac[1] = 10;
    jac[6] = s5; jac[7] = -s5;
    jac[9] = 2 * (x2 - 2 * x3); jac[10] = -4 * (x2 - 2 * x3);
    jac[12] = 2 * s10 * (x1 - x4); jac[15] = -2 * s10 * (x1 - x4);
  },
};

const wood: MghProblem = {
  name: 'Wood (14)', number: 14, m: 6, x0: [-3, -1, -3, -1], fStar: 0, xStar: [1, 1, 1, 1],
  residuals(x, r, jac) {
    const [x1, x2, x3, x4] = [x[0]!, x[1]!, x[2]!, x[3]!];
    const s90 = Math.sqrt(90);
    const s10 = Math.sqrt(10);
    r[0] = 10 * (x2 - x1 * x1);
    r[1] = 1 - x1;
    r[2] = s90 * (x4 - x3 * x3);
    r[3] = 1 - x3;
    r[4] = s10 * (x2 + x4 - 2);
    r[5] = (x2 - x4) / s10;
    jac[0] = -20 * x1; jac[1] = 10;
    jac[4] = -1;
    jac[10] = -2 * s90 * x3; jac[11] = s90;
    jac[14] = -1;
    jac[17] = s10; jac[19] = s10;
    jac[21] = 1 / s10; jac[23] = -1 / s10;
  },
};

/** Extended Rosenbrock (21): r₂ᵢ₋₁ = 10(x₂ᵢ − x₂ᵢ₋₁²), r₂ᵢ = 1 − x₂ᵢ₋₁. */
function extendedRosenbrock(n: number): MghProblem {
  return {
    name: `extended Rosenbrock (21), n = ${n}`, number: 21, m: n,
    x0: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1.2 : 1)), fStar: 0, xStar: Array(n).fill(1),
    residuals(x, r, jac) {
      for (let k = 0; k < n; k += 2) {
        r[k] = 10 * (x[k + 1]! - x[k]! * x[k]!);
        r[k + 1] = 1 - x[k]!;
        jac[k * n + k] = -20 * x[k]!;
        jac[k * n + k + 1] = 10;
        jac[(k + 1) * n + k] = -1;
      }
    },
  };
}

/** Trigonometric (26): rⱼ = n − Σᵢ cos xᵢ + j(1 − cos xⱼ) − sin xⱼ. */
function trigonometric(n: number): MghProblem {
  return {
    name: `trigonometric (26), n = ${n}`, number: 26, m: n, x0: Array(n).fill(1 / n), fStar: 0,
    // MGH list f = 0; for n = 10 a local minimum at f ≈ 2.79506e-5 is the one most methods find.
    others: [{ name: 'local minimum', f: 2.79506e-5 }],
    residuals(x, r, jac) {
      let cosSum = 0;
      for (let i = 0; i < n; i++) cosSum += Math.cos(x[i]!);
      for (let j = 0; j < n; j++) {
        const k = j + 1;
        r[j] = n - cosSum + k * (1 - Math.cos(x[j]!)) - Math.sin(x[j]!);
        for (let i = 0; i < n; i++) jac[j * n + i] = Math.sin(x[i]!);
        jac[j * n + j] = jac[j * n + j]! + k * Math.sin(x[j]!) - Math.cos(x[j]!);
      }
    },
  };
}

/** The problems the minimize tests run, in the paper's order. */
export const MGH_PROBLEMS: readonly MghProblem[] = [
  freudensteinRoth,
  brownBadlyScaled,
  beale,
  jennrichSampson,
  helicalValley,
  box3d,
  powellSingular,
  wood,
  extendedRosenbrock(10),
  trigonometric(10),
];
