import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as rpropTfjs from 'rprop-tfjs';

// The repository README's TensorFlow.js section names the package's optimizers two ways: the classes
// (`new RpropOptimizer(options)`, …) and, as `tf.train.adam()` names Adam, the factories
// (`rprop(options)`, …), in the same order. A reader from Keras looks for the factory; a renamed
// export would leave the README naming a function that is not there.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const start = readme.indexOf('## TensorFlow.js');
const intro = readme.slice(start, readme.indexOf('```', start));
const classes = [...intro.matchAll(/`new (\w+)\(options\)`/g)].map((m) => m[1]!);
const factories = [...intro.matchAll(/`(\w+)\(options\)`/g)].map((m) => m[1]!);
const exported = rpropTfjs as unknown as Record<string, unknown>;

describe("the README's names for rprop-tfjs's optimizers", () => {
  it('names a class and a factory for each of Rprop, Signum and Lion', () => {
    expect(classes).toEqual(['RpropOptimizer', 'SignumOptimizer', 'LionOptimizer']);
    expect(factories).toHaveLength(classes.length);
  });

  it.each(factories.map((factory, k) => [factory, classes[k]!] as const))('%s(options) is exported and makes a %s', (factory, name) => {
    const make = exported[factory];
    const Class = exported[name];
    expect(typeof make, `rprop-tfjs exports ${factory}`).toBe('function');
    expect(typeof Class, `rprop-tfjs exports ${name}`).toBe('function');
    expect((make as (options?: object) => unknown)({})).toBeInstanceOf(Class as new () => unknown);
  });
});
