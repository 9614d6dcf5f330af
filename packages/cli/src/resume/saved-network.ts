import type { Variant } from 'rprop';
import { VARIANTS } from 'rprop';
import { InputError } from '../errors/input-error.js';
import { ACTIVATIONS, type Activation, type OptimizerName } from '../train/choices.js';
import type { SavedManifest } from './saved-model-files.js';

/** What a saved model fixes of a run: the network and the optimizer, as the flags would name them. */
export interface SavedNetwork {
  inputs: number;
  hidden: number[];
  /** The hidden layers' activation (--activation); null for a network without hidden layers. */
  activation: Activation | null;
  outputs: number;
  /** The output layer's activation, which `buildMlp` chose from the training targets. */
  output: 'sigmoid' | 'tanh' | 'linear';
  optimizer: OptimizerName;
  /** --variant, for Rprop; null for the others. */
  variant: Variant | null;
  /** --lr as the run took it (Rprop: the initial step size). */
  lr: number;
}

/** TF.js's and rprop-tfjs's class names of the optimizers `--optimizer` names. */
const OPTIMIZER_CLASSES: Record<string, OptimizerName> = { Rprop: 'rprop', Adam: 'adam', SGD: 'sgd', Signum: 'signum', Lion: 'lion' };
const HIDDEN_ACTIVATIONS: readonly string[] = ACTIVATIONS;
const OUTPUT_ACTIVATIONS: readonly string[] = ['sigmoid', 'tanh', 'linear'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads off a saved model's manifest what `rprop train` built and compiled: a Sequential of Dense
 * layers (the hidden ones of one activation, the output one sigmoid, tanh or linear) and one of the
 * optimizers `--optimizer` names. Anything else was not saved by `rprop train`, and `--resume` could
 * not train it as one of its own networks: an InputError naming `dir` and what does not fit.
 */
export function savedNetwork(manifest: SavedManifest, dir: string): SavedNetwork {
  const fail = (what: string): never => {
    throw new InputError(`--resume ${dir}: ${what}; --resume takes a model rprop train --save wrote`);
  };
  const topology = manifest.modelTopology as Record<string, unknown>;
  const config = topology.config as Record<string, unknown> | undefined;
  const layers = (config?.layers ?? []) as unknown[];
  if (topology.class_name !== 'Sequential' || !Array.isArray(layers) || layers.length === 0) fail('model.json holds no Sequential model');
  const dense = layers.map((layer, i) => {
    if (!isObject(layer) || layer.class_name !== 'Dense' || !isObject(layer.config)) return fail(`layer ${i + 1} of model.json is not a Dense layer`);
    const { units, activation, use_bias: useBias } = layer.config;
    if (!Number.isSafeInteger(units) || (units as number) < 1 || useBias !== true || typeof activation !== 'string') return fail(`layer ${i + 1} of model.json is not a Dense layer with units and a bias`);
    return { units: units as number, activation, inputShape: layer.config.batch_input_shape };
  });
  const inputShape = dense[0]!.inputShape;
  const inputs = Array.isArray(inputShape) && inputShape.length === 2 ? inputShape[1] : undefined;
  if (!Number.isSafeInteger(inputs) || inputs < 1) fail("model.json's first layer has no input shape [null, inputs]");
  const hiddenLayers = dense.slice(0, -1);
  const activation = hiddenLayers[0]?.activation ?? null;
  if (hiddenLayers.some((l) => l.activation !== activation) || (activation !== null && !HIDDEN_ACTIVATIONS.includes(activation))) {
    fail(`the hidden layers' activations (${hiddenLayers.map((l) => l.activation).join(', ')}) are not one of ${HIDDEN_ACTIVATIONS.join(', ')}`);
  }
  const last = dense.at(-1)!;
  if (!OUTPUT_ACTIVATIONS.includes(last.activation)) fail(`the output layer's activation ${last.activation} is not one of ${OUTPUT_ACTIVATIONS.join(', ')}`);
  const optimizerConfig = manifest.trainingConfig.optimizer_config;
  const className = String(optimizerConfig?.class_name);
  const optimizer = Object.hasOwn(OPTIMIZER_CLASSES, className) ? OPTIMIZER_CLASSES[className]! : fail(`the optimizer ${className} is not one of --optimizer's`);
  const options = isObject(optimizerConfig?.config) ? optimizerConfig.config : {};
  const lr = optimizer === 'adam' || optimizer === 'sgd' ? options.learningRate : options.lr;
  if (typeof lr !== 'number' || !(lr > 0)) fail(`the optimizer's learning rate is ${JSON.stringify(lr)}`);
  let variant: Variant | null = null;
  if (optimizer === 'rprop') {
    variant = VARIANTS.find((v) => v === options.variant) ?? fail(`the Rprop variant ${JSON.stringify(options.variant)} is not one of ${VARIANTS.join(', ')}`);
  }
  return {
    inputs: inputs as number,
    hidden: hiddenLayers.map((l) => l.units),
    activation: activation as Activation | null,
    outputs: last.units,
    output: last.activation as SavedNetwork['output'],
    optimizer,
    variant,
    lr: lr as number,
  };
}
