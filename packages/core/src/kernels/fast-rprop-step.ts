import type { RpropBuffers, RpropConstants } from '../rules/rprop-constants.js';
import { rpropStep } from '../rules/rprop-step.js';
import { VARIANTS, type Variant } from '../types.js';
import { oneOf } from '../validate.js';
import { checkConstants, RPROP_CONSTANTS, RPROP_KIND } from '../rules/constants-check.js';
import { kernelHeapFor } from './kernel-heap.js';
import { rpropKernelStep, VARIANT_CODE } from './rprop-kernel.js';
import { checkPrevUpdate, checkRpropBuffers } from '../rules/buffer-shape.js';

/**
 * One Rprop step, on the fastest path available: the WebAssembly SIMD kernel, else the reference
 * rule. Both give identical results (tested bit for bit).
 */
export function fastRpropStep(variant: Variant, b: RpropBuffers, c: RpropConstants, lossIncreased: boolean): void {
  // A misspelt variant ('irprop') ran as Rprop− on the kernels and did nothing on the rule: refused on both.
  oneOf('fastRpropStep', 'variant', variant, VARIANTS);
  checkConstants('fastRpropStep', RPROP_KIND, c, RPROP_CONSTANTS); // as rpropStep and rpropKernelStep check them
  checkRpropBuffers('fastRpropStep', b);
  if (VARIANT_CODE[variant] >= 2) checkPrevUpdate('fastRpropStep', b.prevUpdate); // the + variants keep dw
  if (kernelHeapFor(b.param) !== null && rpropKernelStep(variant, b, c, lossIncreased)) return;
  rpropStep(variant, b, c, lossIncreased);
}
