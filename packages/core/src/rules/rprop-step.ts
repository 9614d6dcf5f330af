import { VARIANTS, type Variant } from '../types.js';
import { oneOf } from '../validate.js';
import { checkConstants, RPROP_CONSTANTS, RPROP_KIND } from './constants-check.js';
import { irpropMinus } from './irprop-minus.js';
import type { RpropBuffers, RpropConstants } from './rprop-constants.js';
import { rpropMinus } from './rprop-minus.js';
import { irpropPlus, rpropPlus } from './rprop-plus.js';

/**
 * One Rprop step of the given variant over one parameter's buffers: the single entry point the
 * optimizer class, `minimize` and the adapters share. `lossIncreased` (E > Ep) matters to iRprop+ only.
 */
export function rpropStep(variant: Variant, b: RpropBuffers, c: RpropConstants, lossIncreased: boolean): void {
  // Constants built by hand, not by rpropConstantsFor: the rule reads maximize as JS truthiness, the
  // kernel as a WebAssembly i32 ("true" maximized here and minimized there).
  checkConstants('rpropStep', RPROP_KIND, c, RPROP_CONSTANTS);
  switch (variant) {
    case 'irprop-':
      return irpropMinus(b, c);
    case 'rprop-':
      return rpropMinus(b, c);
    case 'rprop+':
      return rpropPlus(b, c);
    case 'irprop+':
      return irpropPlus(b, c, lossIncreased);
    default:
      // Callers of the rules give the variant directly: a misspelt one ('irprop', 'iRprop-') did nothing.
      oneOf('rpropStep', 'variant', variant, VARIANTS);
  }
}
