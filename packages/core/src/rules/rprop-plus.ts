import { sign } from '../sign.js';
import { adaptedStepSize, isFloat32, type RpropBuffers, type RpropConstants } from './rprop-constants.js';
import { checkPrevUpdate, checkRpropBuffers } from './buffer-shape.js';
import { checkConstants, RPROP_CONSTANTS, RPROP_KIND } from './constants-check.js';

/**
 * The + variants' rule. Same sign or no information: dw = −sign(g)·Δ, w += dw. Sign flip: take the
 * last change back (w −= dw) when `revertOnFlip`, then dw = 0 and the stored derivative is zeroed.
 * Rprop+ always reverts; iRprop+ reverts only when the loss went up.
 */
function plusRule(owner: string, b: RpropBuffers, c: RpropConstants, revertOnFlip: boolean): void {
  const { param, grad, prev, stepSize } = b;
  checkPrevUpdate(owner, b.prevUpdate);
  checkConstants(owner, RPROP_KIND, c, RPROP_CONSTANTS);
  const prevUpdate = b.prevUpdate!;
  const n = param.length;
  const float32 = isFloat32(param);
  for (let i = 0; i < n; i++) {
    const g = c.maximize ? -grad[i]! : grad[i]!;
    const sg = sign(g);
    const s = sg * sign(prev[i]!);
    stepSize[i] = adaptedStepSize(stepSize[i]!, s, c, float32);
    if (s < 0) {
      if (revertOnFlip) param[i] = param[i]! - prevUpdate[i]!;
      prevUpdate[i] = 0;
      prev[i] = 0;
    } else {
      prevUpdate[i] = -sg * stepSize[i]!;
      param[i] = param[i]! + prevUpdate[i]!;
      prev[i] = g;
    }
  }
}

/** Rprop+ (Riedmiller & Braun 1993): Rprop with weight backtracking on every sign flip. The reference loop. */
export function rpropPlus(b: RpropBuffers, c: RpropConstants): void {
  checkRpropBuffers('rpropPlus', b);
  plusRule('rpropPlus', b, c, true);
}

/**
 * iRprop+ (Igel & Hüsken 2000): backtrack on a sign flip only if the loss increased (E > Ep).
 * The reference loop.
 */
export function irpropPlus(b: RpropBuffers, c: RpropConstants, lossIncreased: boolean): void {
  checkRpropBuffers('irpropPlus', b);
  plusRule('irpropPlus', b, c, lossIncreased);
}
