/** What the webgl page reports (read by webgl.e2e.test.ts). */

/** One value where the webgl run and the core's reference rules differ. */
export interface Mismatch {
  readonly seed: number;
  /** 0-based step after which it was read. */
  readonly step: number;
  /** 'w0', 'w1' (the variables) or 'w0/prev', 'w1/stepSize', … (their slots). */
  readonly tensor: string;
  readonly index: number;
  readonly webgl: number;
  readonly core: number;
  /** Distance in float32 units in the last place (+0 and −0 are 0 apart; NaN is Infinity). */
  readonly ulps: number;
}

/** One optimizer's results over every seed and step. */
export interface CaseReport {
  readonly name: string;
  /** Values compared (variables and slots, after every step). */
  readonly compared: number;
  /** Of those, how many were not Object.is-identical to the core's. */
  readonly differing: number;
  /** Of those, how many were at elements without planted subnormals (all of them when none were planted). */
  readonly differingElsewhere: number;
  readonly maxUlps: number;
  readonly first: Mismatch | null;
  readonly worst: Mismatch | null;
  /** numTensors after each step minus after the first, when not 0 (should be empty). */
  readonly leaks: readonly number[];
  /** Problems with refusing a NaN or ±Infinity gradient (should be empty). */
  readonly refusals: readonly string[];
}

export interface WebglReport {
  readonly backend: string;
  readonly webglVersion: number;
  readonly float32Textures: boolean;
  /** On inputs of normal float32 values, signed zeros included. */
  readonly cases: readonly CaseReport[];
  /** The same with subnormals planted in one element in five (see plantSubnormals). */
  readonly subnormalCases: readonly CaseReport[];
  /** Set instead of cases when the page failed. */
  readonly error?: string;
}

declare global {
  interface Window {
    /** Set by page.ts once every case has run. */
    webglReport?: WebglReport;
  }
}
