/** A flat buffer of parameter values or derivatives. Float32 buffers are computed as PyTorch computes float32. */
export type FloatArray = Float32Array | Float64Array;

/**
 * One optimised tensor, flattened: its values and the derivative of the loss with respect to them.
 * `grad: null` means "no gradient this step": the parameter and its optimizer state are left alone
 * (PyTorch's `p.grad is None`). `grad` must have the same type and length as `data`.
 */
export interface Parameter {
  data: FloatArray;
  grad: FloatArray | null;
  /** Optional name, used in error messages. */
  name?: string | undefined;
}

/** The four Rprop variants (the README's "The four variants" gives each rule and its paper). */
export type Variant = 'rprop-' | 'irprop-' | 'rprop+' | 'irprop+';

/** All Rprop variants, in the order of the semantics table. */
export const VARIANTS: readonly Variant[] = ['rprop-', 'irprop-', 'rprop+', 'irprop+'];

/** Returns the loss at the current point (and may fill the gradients), as PyTorch's `step(closure)`. */
export type Closure = () => number;

/**
 * A parameter group: its parameters, options that override the optimizer-wide defaults, and any keys
 * of the caller's own (a `name`, say), kept with the group and in `stateDict()` as PyTorch's groups
 * keep theirs. A key that looks like a misspelt option (`learningRate`, `step_sizes`) is refused when
 * the group is given, since its option would otherwise be left at the default without a word.
 */
export type ParamGroup<O> = { params: Parameter[] } & Partial<O> & { [key: string]: unknown };

/** A JSON-serialisable snapshot of one parameter's optimizer state. */
export type SerializedParamState = Record<string, number[] | number>;

/** A JSON-serialisable snapshot of an optimizer, as PyTorch's `state_dict()`. */
export interface StateDict<O> {
  /** Per-parameter state, keyed by the parameter's index over all groups in order. */
  state: Record<string, SerializedParamState>;
  /** Each group's options, and the indices of its parameters. */
  paramGroups: Array<{ params: number[] } & O>;
  /**
   * Optimizer-wide scalars sit beside `state` and `paramGroups` as keys of their own — Rprop's
   * `prevLoss`, the + variants' previous loss (`null`: none yet).
   */
  prevLoss?: number | null;
}
