export { RpropOptimizer, rprop, type RpropConfig } from './rprop-optimizer.js';
export { LionOptimizer, SignumOptimizer, lionOptimizer as lion, signum } from './sign-optimizers.js';
export { SlotOptimizer, type SlotUpdate } from './slot-optimizer.js';
export { backendArrays, type BackendArrays } from './backend-arrays.js';
