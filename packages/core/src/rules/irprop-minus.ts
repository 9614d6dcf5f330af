import { sign } from '../sign.js';
import { adaptedStepSize, isFloat32, type RpropBuffers, type RpropConstants } from './rprop-constants.js';
import { checkRpropBuffers } from './buffer-shape.js';
import { checkConstants, RPROP_CONSTANTS, RPROP_KIND } from './constants-check.js';

/**
 * iRprop− (Igel & Hüsken 2000), the algorithm of `torch.optim.Rprop`: after a sign flip the weight
 * does not move and the stored derivative is zeroed, so the next step neither grows nor shrinks Δ.
 * The reference loop: every fast path must equal it bit for bit.
 */
export function irpropMinus(b: RpropBuffers, c: RpropConstants): void {
  checkRpropBuffers('irpropMinus', b);
  checkConstants('irpropMinus', RPROP_KIND, c, RPROP_CONSTANTS);
  const { param, grad, prev, stepSize } = b;
  const n = param.length;
  const float32 = isFloat32(param);
  for (let i = 0; i < n; i++) {
    const g = c.maximize ? -grad[i]! : grad[i]!;
    const sg = sign(g);
    const s = sg * sign(prev[i]!);
    stepSize[i] = adaptedStepSize(stepSize[i]!, s, c, float32);
    if (s < 0) {
      prev[i] = 0;
    } else {
      param[i] = param[i]! - sg * stepSize[i]!;
      prev[i] = g;
    }
  }
}
