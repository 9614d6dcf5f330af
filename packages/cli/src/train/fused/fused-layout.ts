import type { FusedLayerShape } from './fused-mlp.js';
import { runsAcrossInputs } from './fused-orientation.js';
import { FUSED_ACTIVATIONS } from './fused-shapes.js';

/** Byte offsets of one layer's arrays in the kernel's memory. */
export interface LayerPlacement {
  readonly kernel: number;
  readonly bias: number;
  readonly kernelGrad: number;
  readonly biasGrad: number;
  /** Scratch for one sample's activations. */
  readonly output: number;
  /** Scratch for one sample's f′(z), which the forward pass computes from z for the backward pass. */
  readonly slopes: number;
  /**
   * For a layer that runs across its inputs (fused-orientation.ts): scratch for its kernel transposed,
   * [units × inputs rounded up to a multiple of 4]; 0 for a layer that runs across its units.
   */
  readonly kernelT: number;
  /** Scratch for the kernel gradient, in the same transposed layout; 0 with `kernelT`. */
  readonly kernelGradT: number;
}

/** Where everything the kernel reads and writes lies in its memory (byte offsets). */
export interface FusedLayout {
  /** The layer table (assembly/layer-table.ts): LAYER_BYTES per layer. */
  readonly table: number;
  readonly layers: readonly LayerPlacement[];
  readonly x: number;
  readonly y: number;
  /** The two backward-pass scratch buffers, each for the widest layer. */
  readonly g: number;
  readonly spare: number;
  /** Where `evaluate` stores the bit-fail count (an i32). */
  readonly bitFail: number;
  /** The first byte past the layout: the memory must be at least this large. */
  readonly end: number;
}

/** Bytes per layer table record; assembly/layer-table.ts reads the same eleven i32 fields. */
const LAYER_BYTES = 44;
/**
 * Space left after every array, each of which starts 16-byte aligned. The kernel works in whole
 * 4-float vectors, so for a layer whose width is not a multiple of 4 it touches up to 12 bytes past an
 * array's last element (see assembly/mlp-epoch.ts). For a bias or a bias gradient (one row) the
 * alignment alone keeps that inside the array's own slack; a kernel's last row can reach past it, and
 * the pad keeps those lanes — read, or for the gradient written back with the bits they had — off
 * the next array. Not observable in one thread (no test can tell it is there), but no array is ever
 * touched by the code that works on another, and the kernel never reaches past the layout's end.
 */
const PAD = 16;

const align = (n: number): number => Math.ceil(n / 16) * 16;

/** Lays out the kernel's memory from `base` (its heap base) for `layers` and `count` samples. */
export function planLayout(base: number, layers: readonly FusedLayerShape[], count: number): FusedLayout {
  let top = align(base);
  const take = (bytes: number): number => {
    const at = top;
    top = align(top + bytes + PAD);
    return at;
  };
  const table = take(LAYER_BYTES * layers.length);
  // Weights first and together, then their gradients: the order the caller's views are listed in.
  const weights = layers.map((l) => ({ kernel: take(4 * l.inputs * l.units), bias: take(4 * l.units) }));
  const grads = layers.map((l) => ({ kernelGrad: take(4 * l.inputs * l.units), biasGrad: take(4 * l.units) }));
  const outputs = layers.map((l) => take(16 * Math.ceil(l.units / 4)));
  const slopes = layers.map((l) => take(16 * Math.ceil(l.units / 4)));
  const transposed = layers.map((l, k) => {
    if (!runsAcrossInputs(l, k > 0)) return { kernelT: 0, kernelGradT: 0 };
    const bytes = 4 * l.units * 4 * Math.ceil(l.inputs / 4);
    return { kernelT: take(bytes), kernelGradT: take(bytes) };
  });
  const widest = Math.max(...layers.map((l) => l.units));
  const first = layers[0]!;
  const last = layers.at(-1)!;
  return {
    table,
    layers: layers.map((_, k) => ({ ...weights[k]!, ...grads[k]!, output: outputs[k]!, slopes: slopes[k]!, ...transposed[k]! })),
    x: take(4 * count * first.inputs),
    y: take(4 * count * last.units),
    g: take(16 * Math.ceil(widest / 4)),
    spare: take(16 * Math.ceil(widest / 4)),
    bitFail: take(4),
    end: top,
  };
}

/** Writes the layer table the kernel reads (field order: assembly/layer-table.ts). */
export function writeLayerTable(buffer: ArrayBuffer, layout: FusedLayout, layers: readonly FusedLayerShape[]): void {
  const fields = new Uint32Array(buffer, layout.table, (LAYER_BYTES / 4) * layers.length);
  layers.forEach((l, k) => {
    const p = layout.layers[k]!;
    fields.set([l.inputs, l.units, FUSED_ACTIVATIONS.indexOf(l.activation), p.kernel, p.bias, p.kernelGrad, p.biasGrad, p.output, p.kernelT, p.kernelGradT, p.slopes], k * (LAYER_BYTES / 4));
  });
}
