export { RpropOptimizer, rprop, type RpropConfig } from './rprop-optimizer.js';
export { SignumOptimizer, signum } from './signum-optimizer.js';
export { LionOptimizer, lionOptimizer as lion } from './lion-optimizer.js';
export { SlotOptimizer, type SlotUpdate } from './slot-optimizer.js';
export { backendArrays, type BackendArrays } from './backend-arrays.js';
