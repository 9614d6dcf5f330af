import { describe, parameterLabel } from '../errors.js';
import { firstNonFinite } from '../kernels/first-non-finite.js';
import type { StagedGradients } from '../kernels/gradient-stage.js';
import { NonFiniteGradientError } from '../non-finite-gradient-error.js';
import type { FloatArray, Parameter } from '../types.js';
import { isFloatArray } from './float-arrays.js';
import { shapeCode, shapeName } from './shape-code.js';

// The checks of a step's gradients that run before anything is written, which makes a step atomic:
// a refused step leaves parameters and state exactly as they were. `owner` starts every message;
// parameters are indexed over all groups, in order.

/** What the checks read of a parameter group. */
type Group = { readonly params: readonly Parameter[] };

/** Every parameter's gradient (null where it has none), each checked for type and length. */
export function checkedGradients(owner: string, groups: readonly Group[], stateShapes: ReadonlyArray<number | undefined>): Array<FloatArray | null> {
  const grads: Array<FloatArray | null> = [];
  let index = 0;
  for (const group of groups) {
    for (const p of group.params) {
      const g = p.grad;
      if (g !== null) {
        if (!isFloatArray(p.data)) {
          throw new TypeError(`${owner}.step: ${parameterLabel(index, p.name)} must have data: Float32Array | Float64Array, got ${describe(p.data)}; nothing was changed`);
        }
        if (g === undefined || !isFloatArray(g) || g.constructor !== p.data.constructor) {
          // A TypeError, as the constructor throws for a parameter of the wrong type; a wrong length is a RangeError.
          throw new TypeError(refusal(owner, index, p, `must be a ${p.data.constructor.name} like the parameter (or null), got ${describe(g)}`));
        }
        if (g.length !== p.data.length) throw refuse(owner, index, p, `has length ${g.length}, but the parameter has length ${p.data.length}`);
        const made = stateShapes[index];
        if (made !== undefined && made !== shapeCode(p.data)) {
          throw new RangeError(
            `${owner}.step: ${parameterLabel(index, p.name)} is now a ${p.data.constructor.name} of length ${p.data.length}, ` +
              `but its optimizer state was made for a ${shapeName(made)}: a stepped parameter's array must keep its length and type ` +
              `(make a new optimizer for the new shape); nothing was changed`,
          );
        }
      }
      grads.push(g);
      index++;
    }
  }
  return grads;
}

/**
 * Refuses the step if any gradient holds NaN or ±Infinity — before anything is written, which
 * makes a step atomic. Staged gradients were checked while being staged; the others are checked
 * by `firstNonFinite` (SIMD too where the kernels run).
 */
export function checkFinite(owner: string, groups: readonly Group[], grads: ReadonlyArray<FloatArray | null>, staged: StagedGradients): void {
  let index = 0;
  for (const group of groups) {
    for (const p of group.params) {
      if (grads[index] !== null) {
        // A staged gradient is an ordinary array; any other is read afresh, as a resident one may
        // have moved while the staging region grew.
        const g = staged.at[index]! >= 0 ? grads[index]! : p.grad!;
        const bad = staged.at[index]! >= 0 ? staged.firstNonFinite[index]! : firstNonFinite(g);
        if (bad >= 0) {
          const value = g[bad]!;
          throw new NonFiniteGradientError(refusal(owner, index, p, `is ${describe(value)} at index ${bad}`), parameterLabel(index, p.name), bad, value);
        }
      }
      index++;
    }
  }
}

function refuse(owner: string, index: number, p: Parameter, what: string): RangeError {
  return new RangeError(refusal(owner, index, p, what));
}

/** The message of a step refused for parameter `index`'s gradient. */
function refusal(owner: string, index: number, p: Parameter, what: string): string {
  return `${owner}.step: the gradient of ${parameterLabel(index, p.name)} ${what}; nothing was changed`;
}
