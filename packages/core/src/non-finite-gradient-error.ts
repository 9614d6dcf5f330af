/**
 * A step refused because a gradient holds NaN or ±Infinity, thrown before anything was written: the
 * parameters and the optimizer's state are as they were. A subclass of RangeError (what a step also
 * throws for a gradient of the wrong length; one of the wrong type is a TypeError), so code that catches
 * RangeError keeps working; catch this one to tell a diverging model (retry with a smaller step, skip
 * the batch, stop) from a programming error.
 *
 * @example
 * ```ts
 * import { NonFiniteGradientError, Rprop } from 'rprop';
 * const w = { data: new Float32Array(2), grad: Float32Array.of(1, NaN) };
 * try {
 *   new Rprop([w]).step();
 * } catch (e) {
 *   if (e instanceof NonFiniteGradientError) console.log(e.parameter, e.index, e.value); // 'parameter 0' 1 NaN
 * }
 * ```
 */
export class NonFiniteGradientError extends RangeError {
  override readonly name = 'NonFiniteGradientError';

  /**
   * @param message the whole message.
   * @param parameter which parameter, as messages name it (e.g. `parameter 1 ("bias")`, or a variable's name).
   * @param index the gradient's first non-finite element.
   * @param value that element: NaN, Infinity or -Infinity.
   */
  constructor(
    message: string,
    readonly parameter: string,
    readonly index: number,
    readonly value: number,
  ) {
    super(message);
  }
}
