import { describe } from '../errors.js';
import { isFloatArray } from '../optimizers/float-arrays.js';
import type { FloatArray } from '../types.js';
import type { RpropBuffers } from './rprop-constants.js';

/**
 * Refuses a buffer of another type or length than `param`, for the rules and kernels that callers
 * give buffers to directly. The loops index every buffer by the parameter's length and trust its
 * type: a short gradient made NaN in the rules (a state no step can make) and, in the kernels, was
 * read past its end from whatever an earlier call left in their scratch memory; a Float64Array
 * gradient beside a Float32Array parameter was rounded by the kernels and not by the rules. A byte
 * offset (a number: a buffer already in the kernels' memory, as the optimizers pass one) passes only
 * where `offset` says the caller takes one (a kernel, which checks its bounds): the reference rules
 * read a number as an array of undefined and wrote NaN into the weights and state without a word.
 * Nor is an absent buffer checked (null, undefined) where it is `optional` (a − variant's dw, SGD's
 * momentum without momentum). A required one absent is refused: the loops met it only when they
 * first read it, after writing (Adam's m before its missing v), with "Cannot read properties of null".
 * `param` itself must be a Float32Array or Float64Array: the buffers were only compared with it, so
 * an Int32Array param with Int32Array buffers (or plain objects alike) ran the loops on them without
 * a word, and a null one failed with "Cannot read properties of null (reading 'constructor')".
 * O(1), allocates nothing.
 */
export function checkBuffer(
  owner: string, name: string, param: FloatArray, buffer: FloatArray | number | null | undefined, optional = false, offset = false,
): void {
  if (!isFloatArray(param)) throw new TypeError(`${owner}: param must be a Float32Array or Float64Array, got ${describe(param)}`);
  if ((buffer === null || buffer === undefined) && optional) return;
  if (typeof buffer === 'number' && offset) return;
  if (typeof buffer !== 'object' || buffer === null || buffer.constructor !== param.constructor) {
    throw new TypeError(`${owner}: ${name} must be a ${param.constructor.name} like param, got ${describe(buffer)}`);
  }
  if (buffer.length !== param.length) throw new RangeError(`${owner}: ${name} has length ${buffer.length}, but param has length ${param.length}`);
}

/** `checkBuffer` for every buffer of an Rprop step. */
export function checkRpropBuffers(owner: string, b: RpropBuffers): void {
  if (typeof b !== 'object' || b === null) throw new TypeError(`${owner}: the buffers must be { param, grad, prev, stepSize, prevUpdate? }, got ${describe(b)}`);
  checkBuffer(owner, 'grad', b.param, b.grad);
  checkBuffer(owner, 'prev', b.param, b.prev);
  checkBuffer(owner, 'stepSize', b.param, b.stepSize);
  checkBuffer(owner, 'prevUpdate', b.param, b.prevUpdate, true);
}

/**
 * Refuses a + variant's step without its dw buffer, before anything is written. `checkBuffer` lets
 * null pass as "no buffer" (a − variant's dw, SGD's momentum without momentum), and the + rules met
 * a null dw only after writing the first step size, then threw "Cannot set properties of null".
 */
export function checkPrevUpdate(owner: string, prevUpdate: unknown): void {
  if (prevUpdate === undefined || prevUpdate === null) {
    throw new TypeError(`${owner}: the + variants need a prevUpdate buffer (dw, the last weight change) like param, got ${describe(prevUpdate)}`);
  }
}
