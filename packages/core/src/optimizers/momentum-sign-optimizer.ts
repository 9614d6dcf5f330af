import { StateOffsets } from '../kernels/state-offsets.js';
import { TensorBatch } from '../kernels/tensor-batch.js';
import { stateAvoiding } from '../kernels/kernel-state.js';
import type { Parameter } from '../types.js';
import { Optimizer, type ParamState } from './optimizer.js';

/**
 * What Signum and Lion share: one state buffer per parameter, `momentum`, kept in the kernels'
 * memory when they run (so a step copies only w and g through it), placed apart from the
 * parameter's other operands (see `cache-colors.ts`), and stepped a group at a time by a
 * `TensorBatch` of two operands (the gradient and the momentum).
 */
export abstract class MomentumSignOptimizer<O extends object> extends Optimizer<O> {
  protected override initState(p: Parameter): ParamState {
    return stateAvoiding(p.data, ['momentum'], this.operandOffsets(p));
  }

  /** The momentum buffers' offsets in the kernels' memory, by parameter index. */
  protected readonly stateOffsets = new StateOffsets(['momentum']);
  /** Operands: g, momentum. */
  protected readonly batch = new TensorBatch(2);

  protected override statesReplaced(): void {
    this.stateOffsets.clear();
  }
}
