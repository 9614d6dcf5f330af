import { Adam, Lion, Rprop, SGD, Signum, SignSGD, type Optimizer, type Parameter } from 'rprop';

/** One hyperparameter control. */
export interface Knob {
  key: string;
  label: string;
  value: number;
  step: number;
  min: number;
}

/** An optimizer the page can run, its colour, and its hyperparameters as controls. */
export interface OptimizerSpec {
  id: string;
  name: string;
  color: string;
  enabled: boolean;
  knobs: Knob[];
  make(params: Parameter[], v: Record<string, number>): Optimizer<object>;
}

// An input's arrows step from its min: η−'s and η+'s mins are on the defaults' 0.05 grid (with 0.01 and
// 1.01, 0.5 went up to 0.51 and never back), and above the values the library refuses (0 and 1).
const rpropKnobs = (): Knob[] => [
  { key: 'lr', label: 'Δ₀', value: 0.1, step: 0.01, min: 0 },
  { key: 'etaMinus', label: 'η−', value: 0.5, step: 0.05, min: 0.05 },
  { key: 'etaPlus', label: 'η+', value: 1.2, step: 0.05, min: 1.05 },
  { key: 'stepMin', label: 'Δmin', value: 1e-6, step: 1e-6, min: 0 },
  { key: 'stepMax', label: 'Δmax', value: 1, step: 0.1, min: 0 },
];

const rprop = (variant: 'rprop-' | 'irprop-' | 'rprop+' | 'irprop+', name: string, color: string, enabled: boolean): OptimizerSpec => ({
  id: variant,
  name,
  color,
  enabled,
  knobs: rpropKnobs(),
  make: (p, v) =>
    new Rprop(p, { variant, lr: v.lr!, etas: [v.etaMinus!, v.etaPlus!], stepSizes: [v.stepMin!, v.stepMax!] }),
});

/** The line-up, in legend order. Colours: matplotlib's Tableau 10, told apart by hue; the map draws each line on a dark casing. */
export function optimizerSpecs(): OptimizerSpec[] {
  return [
    rprop('irprop-', 'iRprop−', '#d62728', true),
    rprop('irprop+', 'iRprop+', '#ff7f0e', false),
    rprop('rprop-', 'Rprop−', '#8c564b', false),
    rprop('rprop+', 'Rprop+', '#e377c2', false),
    {
      id: 'sgd',
      name: 'SGD',
      color: '#1f77b4',
      enabled: true,
      knobs: [
        { key: 'lr', label: 'lr', value: 0.004, step: 0.001, min: 0 },
        { key: 'momentum', label: 'momentum', value: 0, step: 0.1, min: 0 },
      ],
      make: (p, v) => new SGD(p, { lr: v.lr!, momentum: v.momentum! }),
    },
    {
      id: 'adam',
      name: 'Adam',
      color: '#2ca02c',
      enabled: true,
      knobs: [
        { key: 'lr', label: 'lr', value: 0.1, step: 0.01, min: 0 },
        { key: 'beta1', label: 'β1', value: 0.9, step: 0.01, min: 0 },
        { key: 'beta2', label: 'β2', value: 0.999, step: 0.001, min: 0 },
      ],
      make: (p, v) => new Adam(p, { lr: v.lr!, betas: [v.beta1!, v.beta2!] }),
    },
    {
      id: 'signsgd',
      name: 'signSGD',
      color: '#17becf',
      enabled: false,
      knobs: [{ key: 'lr', label: 'lr', value: 0.05, step: 0.01, min: 0 }],
      make: (p, v) => new SignSGD(p, { lr: v.lr! }),
    },
    {
      id: 'signum',
      name: 'Signum',
      color: '#9467bd',
      enabled: false,
      knobs: [
        { key: 'lr', label: 'lr', value: 0.05, step: 0.01, min: 0 },
        { key: 'beta', label: 'β', value: 0.9, step: 0.01, min: 0 },
      ],
      make: (p, v) => new Signum(p, { lr: v.lr!, beta: v.beta! }),
    },
    {
      id: 'lion',
      name: 'Lion',
      color: '#bcbd22',
      enabled: false,
      knobs: [
        { key: 'lr', label: 'lr', value: 0.05, step: 0.01, min: 0 },
        { key: 'beta1', label: 'β1', value: 0.9, step: 0.01, min: 0 },
        { key: 'beta2', label: 'β2', value: 0.99, step: 0.01, min: 0 },
        { key: 'weightDecay', label: 'λ', value: 0, step: 0.01, min: 0 },
      ],
      make: (p, v) =>
        new Lion(p, { lr: v.lr!, betas: [v.beta1!, v.beta2!], weightDecay: v.weightDecay! }),
    },
  ];
}
