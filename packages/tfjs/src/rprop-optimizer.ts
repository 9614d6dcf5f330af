import * as tf from '@tensorflow/tfjs-core';
import { RPROP_DEFAULTS, VARIANTS, type RpropOptions, type Variant } from 'rprop';
import { isPlusVariant, rpropConstantsFor, validateRpropFloat32, validateRpropOptions } from 'rprop/rules';
import { fastRpropStep } from 'rprop/kernels';
import { configOptions } from './config-options.js';
import { describeValue, isTensorLike } from './describe-value.js';
import { frozenCopy } from './frozen-copy.js';
import { rpropOps } from './rprop-ops.js';
import type { SlotRule } from './saved-weights.js';
import { SlotOptimizer, type SlotUpdate } from './slot-optimizer.js';
import { withDefaults } from './with-defaults.js';

const STEP_SIZE_RULES: Readonly<Record<string, SlotRule>> = Object.freeze({
  stepSize: { problem: (v: number) => (v < 0 ? 'must hold step sizes ≥ 0' : null), normalize: (v: number) => v + 0 },
});

/** The serialisable configuration of an {@link RpropOptimizer}. */
export interface RpropConfig extends tf.serialization.ConfigDict {
  lr: number;
  etas: [number, number];
  stepSizes: [number, number];
  variant: Variant;
  maximize: boolean;
}

/**
 * Rprop as a TensorFlow.js optimizer, in all four variants; with the default options it is
 * `torch.optim.Rprop` (iRprop−). Use it full batch: Rprop compares successive gradients' signs, which
 * mini-batch noise fools (use {@link SignumOptimizer} or {@link LionOptimizer} there).
 *
 * The + variants need the loss: `minimize()` (which `model.fit` calls) captures it (with `maximize`,
 * the negated cost: f is then the objective); calling `applyGradients` yourself on a + variant needs
 * `setLoss(loss)` first.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { RpropOptimizer } from 'rprop-tfjs';
 * const x = tf.randomNormal([64, 3], 0, 1, 'float32', 1);
 * const y = tf.matMul(x, tf.tensor2d([[1, -2], [0.5, 1], [-1, 0]]));
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
 * model.compile({ optimizer: new RpropOptimizer({ lr: 0.01, etas: [0.5, 1.2], stepSizes: [1e-6, 50] }), loss: 'meanSquaredError' });
 * await model.fit(x, y, { epochs: 100, batchSize: x.shape[0] });   // full batch
 * ```
 */
export class RpropOptimizer extends SlotOptimizer {
  /** @nocollapse */
  static get className(): string {
    return 'Rprop';
  }

  readonly options: Readonly<RpropOptions>;
  protected override readonly displayName = 'RpropOptimizer';
  /** The loss of the last step (+ variants); null before the first. */
  private prevLoss: number | null = null;
  /** The loss of the point the coming step starts from, set by `minimize` or `setLoss`. */
  private pendingLoss: number | null = null;

  /**
   * @param options override the core's `RPROP_DEFAULTS` (`torch.optim.Rprop`'s: lr 0.01, etas [0.5, 1.2],
   * stepSizes [1e-6, 50], variant 'irprop-', maximize false); null or undefined (or an option left
   * undefined) means the defaults, as in the core.
   * @throws RangeError (TypeError for a wrong type) naming the option and the value, for an option
   * out of range: `RpropOptimizer: etas[0] (η−) must satisfy 0 < η− < 1, got 1.5` — also once rounded to
   * float32 (TF.js variables' type), as the core checks float32 groups: an η+ of 1 + 1e-10 is refused.
   */
  constructor(options?: Partial<RpropOptions>) {
    super();
    const given = withDefaults('RpropOptimizer', RPROP_DEFAULTS, options);
    // The arrays are copied (then checked) and frozen: options are read at every step.
    const o = { ...given, etas: frozenCopy(given.etas), stepSizes: frozenCopy(given.stepSizes) };
    validateRpropOptions(o, '', 'RpropOptimizer');
    validateRpropFloat32(o, { owner: 'RpropOptimizer', whose: 'TF.js variables' });
    this.options = Object.freeze(o);
  }

  /**
   * Gives the + variants the loss at the current point, for the next `applyGradients`, which uses it up
   * whether it runs or is refused. Throws, changing nothing, a TypeError for a loss that is not a number
   * (a tf.Tensor included: pass its value), or NaN, and a
   * RangeError for −∞ (as the core's `Rprop.step` does: no later loss could be below it). The loss is
   * used rounded to float32, as TF.js computes losses and as `getWeights` saves it, so a run resumed from
   * saved weights compares losses exactly as the uninterrupted run did.
   */
  setLoss(loss: number): void {
    if (typeof loss !== 'number' || Number.isNaN(loss)) {
      // A tensor is the likely slip (minimize's cost, a TF.js loss): say how to pass its value.
      const hint = isTensorLike(loss) ? ' (pass its value: loss.dataSync()[0])' : '';
      throw new TypeError(`RpropOptimizer.setLoss: the loss must be a number, got ${describeValue(loss)}${hint}; nothing was changed`);
    }
    const rounded = Math.fround(loss);
    if (rounded === -Infinity) {
      const what = loss === -Infinity ? '-Infinity' : `${loss}, -Infinity in float32`;
      throw new RangeError(`RpropOptimizer.setLoss: the loss is ${what}, which the + variants cannot compare; nothing was changed`);
    }
    this.pendingLoss = rounded;
  }

  protected override takeLoss(cost: tf.Scalar): void {
    if (!isPlusVariant(this.options.variant)) return;
    const f = cost.dataSync()[0]!;
    // With maximize, minimize's f is the objective being ascended: its loss is −f (as the core's
    // `minimize` compares it), else iRprop+ would backtrack whenever f improved.
    const loss = this.options.maximize ? -f : f;
    // Refused here, not by setLoss: the caller of minimize gave f, not a loss, and with maximize a
    // loss of −∞ comes from an f of +∞, which the message must show to make sense.
    if (Number.isNaN(loss) || loss === -Infinity) {
      const negated = this.options.maximize && !Number.isNaN(loss) ? `, so the loss (−f, as maximize compares it) is ${loss}` : '';
      const message = `RpropOptimizer.minimize: f returned ${describeValue(f)}${negated}, which the + variants cannot compare; nothing was changed`;
      throw Number.isNaN(loss) ? new TypeError(message) : new RangeError(message);
    }
    this.setLoss(loss);
  }

  protected override dropStepInputs(): void {
    this.pendingLoss = null;
  }

  protected override checkStep(): void {
    if (isPlusVariant(this.options.variant) && this.pendingLoss === null) {
      throw new TypeError(
        `RpropOptimizer: the '${this.options.variant}' variant needs the loss: train with minimize() or model.fit, or call setLoss(loss) before applyGradients; nothing was changed`,
      );
    }
  }

  protected override slotNames(): readonly string[] {
    return isPlusVariant(this.options.variant) ? ['prev', 'stepSize', 'prevUpdate'] : ['prev', 'stepSize'];
  }

  protected override initialSlot(slot: string, value: tf.Variable): tf.Tensor {
    // + 0: an lr of −0 starts Δ at +0, as in the core (a Δ of −0 would flip the sign of a zero result).
    // float32 whatever the variable's dtype: one without a gradient gets slots too, and setWeights takes float32 slots only.
    return slot === 'stepSize' ? tf.fill(value.shape, this.options.lr + 0, 'float32') : tf.zeros(value.shape, 'float32');
  }

  private lossIncreased(): boolean {
    return this.pendingLoss !== null && this.prevLoss !== null && this.pendingLoss > this.prevLoss;
  }

  private constants() {
    return rpropConstantsFor(new Float32Array(0), this.options.etas, this.options.stepSizes, this.options.maximize);
  }

  protected override updateArrays(updates: Array<{ value: Float32Array; gradient: Float32Array; slots: Record<string, Float32Array> }>): void {
    const c = this.constants();
    const increased = this.lossIncreased();
    for (const u of updates) {
      const b = { param: u.value, grad: u.gradient, prev: u.slots.prev!, stepSize: u.slots.stepSize!, prevUpdate: u.slots.prevUpdate };
      fastRpropStep(this.options.variant, b, c, increased);
    }
  }

  protected override updateOps(updates: SlotUpdate[]): void {
    const c = this.constants();
    const increased = this.lossIncreased();
    for (const u of updates) rpropOps(this.options.variant, u, c, increased);
  }

  protected override afterStep(): void {
    if (isPlusVariant(this.options.variant)) this.prevLoss = this.pendingLoss;
  }

  /** As the core's Rprop checks a loaded state: step sizes ≥ 0, and a −0 kept as +0 (steps never make −0). */
  protected override slotRules(): Readonly<Record<string, SlotRule>> {
    return STEP_SIZE_RULES;
  }

  protected override extraWeights(): Array<{ name: string; value: number }> {
    // +Infinity stands for "no previous loss": Ep starts at +∞, so the first step never backtracks.
    return [{ name: 'prevLoss', value: this.prevLoss ?? Infinity }];
  }

  protected override setExtraWeights([prevLoss]: number[]): void {
    this.prevLoss = prevLoss === undefined || prevLoss === Infinity ? null : prevLoss;
  }

  override getConfig(): RpropConfig {
    const o = this.options;
    return { lr: o.lr, etas: [...o.etas] as [number, number], stepSizes: [...o.stepSizes] as [number, number], variant: o.variant, maximize: o.maximize };
  }

  /** @nocollapse */
  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    // The layers loader camelCases string values; a variant name has no '_' so survives, but accept
    // any spelling that differs only in case to be safe.
    const variant = VARIANTS.find((v) => v.toLowerCase() === String(config.variant).toLowerCase()) ?? config.variant;
    return new cls({ ...configOptions(config, RPROP_DEFAULTS), variant } as never);
  }
}

/** `new RpropOptimizer(options)`: Rprop for `model.compile({ optimizer: rprop() })`. */
export function rprop(options?: Partial<RpropOptions>): RpropOptimizer {
  return new RpropOptimizer(options);
}

tf.serialization.registerClass(RpropOptimizer);
