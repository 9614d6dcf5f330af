// `rprop/rules`: the pure update rules over flat typed arrays (the reference loops every fast path is
// proven equal to), their constants, and the option checks the optimizers run, for adapters that
// build their own optimizer on the rules (rprop-tfjs does). Kept out of the main entry so that
// `signum`/`lion` the rules do not sit beside `Signum`/`Lion` the optimizers (and rprop-tfjs's
// `signum()`/`lion()` factories).
export { rpropStep } from './rules/rprop-step.js';
export { irpropMinus } from './rules/irprop-minus.js';
export { rpropMinus } from './rules/rprop-minus.js';
export { irpropPlus, rpropPlus } from './rules/rprop-plus.js';
export { adaptedStepSize, isFloat32, rpropConstantsFor, type RpropBuffers, type RpropConstants } from './rules/rprop-constants.js';
export { signSgd } from './rules/sign-sgd.js';
export { signum } from './rules/signum.js';
export { lion, type LionConstants } from './rules/lion.js';
export { sgd } from './rules/sgd.js';
export { adam, type AdamConstants } from './rules/adam.js';
export { sign } from './sign.js';
export { isPlusVariant, validateRpropOptions } from './optimizers/rprop.js';
export { validateSignumOptions } from './optimizers/signum.js';
export { validateLionOptions } from './optimizers/lion.js';
export { validateLionFloat32, validateRpropFloat32, validateSignumFloat32, type Float32Context } from './optimizers/float32-options.js';
export { refuseUnknownOptions } from './unknown-options.js';
// A value as the option checks print it in their messages, for adapters' messages to match them.
export { describe as describeValue } from './errors.js';
