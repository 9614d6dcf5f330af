/**
 * The smallest mean squared error an affine map can reach on (x, y): the normal equations
 * [X 1]ᵀ[X 1] β = [X 1]ᵀ y solved per output by Gaussian elimination with partial pivoting. The demo
 * prints it beside Rprop's loss, so a loss that stops falling reads as "at the optimum", not "stuck".
 *
 * `x` holds `rows` samples of `inputs` values, `y` the same samples' `outputs` values (row-major).
 */
export function leastSquaresMse(x: Float64Array, y: Float64Array, rows: number, inputs: number, outputs: number): number {
  const k = inputs + 1; // the weights and the bias
  const row = (r: number, i: number) => (i < inputs ? x[r * inputs + i]! : 1);
  let total = 0;
  for (let o = 0; o < outputs; o++) {
    // The augmented system [AᵀA | Aᵀy] for this output.
    const m = Array.from({ length: k }, (_, i) => Array.from({ length: k + 1 }, (_, j) => {
      let s = 0;
      for (let r = 0; r < rows; r++) s += row(r, i) * (j < k ? row(r, j) : y[r * outputs + o]!);
      return s;
    }));
    for (let c = 0; c < k; c++) {
      let pivot = c;
      for (let r = c + 1; r < k; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
      [m[c], m[pivot]] = [m[pivot]!, m[c]!];
      if (m[c]![c] === 0) throw new RangeError('leastSquaresMse: the inputs do not determine an affine map (singular normal equations)');
      for (let r = 0; r < k; r++) {
        if (r === c) continue;
        const f = m[r]![c]! / m[c]![c]!;
        for (let j = c; j <= k; j++) m[r]![j] = m[r]![j]! - f * m[c]![j]!;
      }
    }
    const beta = m.map((r, i) => r[k]! / r[i]!);
    for (let r = 0; r < rows; r++) {
      let e = -y[r * outputs + o]!;
      for (let i = 0; i < k; i++) e += beta[i]! * row(r, i);
      total += e * e;
    }
  }
  return total / (rows * outputs);
}
