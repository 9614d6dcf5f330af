import { sign } from '../sign.js';
import { adaptedStepSize, isFloat32, type RpropBuffers, type RpropConstants } from './rprop-constants.js';
import { checkRpropBuffers } from './buffer-shape.js';
import { checkConstants, RPROP_CONSTANTS, RPROP_KIND } from './constants-check.js';

/**
 * Rprop− (Riedmiller 1994): Rprop without backtracking. The weight always moves by Δ against the
 * sign of its derivative, also right after a flip (with the already shrunk Δ). The reference loop.
 */
export function rpropMinus(b: RpropBuffers, c: RpropConstants): void {
  checkRpropBuffers('rpropMinus', b);
  checkConstants('rpropMinus', RPROP_KIND, c, RPROP_CONSTANTS);
  const { param, grad, prev, stepSize } = b;
  const n = param.length;
  const float32 = isFloat32(param);
  for (let i = 0; i < n; i++) {
    const g = c.maximize ? -grad[i]! : grad[i]!;
    const sg = sign(g);
    stepSize[i] = adaptedStepSize(stepSize[i]!, sg * sign(prev[i]!), c, float32);
    param[i] = param[i]! - sg * stepSize[i]!;
    prev[i] = g;
  }
}
