import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const scratch = join(here, '.readme-examples');
const tsBlocks = (file: string) => [...readFileSync(file, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

// The repository README's TF.js example, and this package's README: its example, then "Saving", which
// continues it (it saves the `model` the first block trained).
const rootBlocks = tsBlocks(join(root, 'README.md')).filter((code) => code.includes("from 'rprop-tfjs'"));
const rootExample = rootBlocks[0]!;
// Its "Mini-batches: Signum and Lion" example, found by what makes it one.
const miniBatchExample = rootBlocks.find((code) => code.includes('batchSize: 32'))!;
const [packageExample, packageSaving] = tsBlocks(join(here, '..', 'README.md'));
const examples = [
  { name: 'README.md', file: 'root-example.ts', code: rootExample },
  { name: 'README.md (Mini-batches)', file: 'root-mini-batch.ts', code: miniBatchExample },
  { name: 'packages/tfjs/README.md (example and Saving)', file: 'package-example.ts', code: `${packageExample}\n${packageSaving}` },
];

// The TSDoc `@example` blocks of this package's sources. One without imports is a fragment that
// compiles a `model` it does not define: it gets one, and the package's exports, from a preamble.
const tsdocBlocks = (text: string) =>
  [...text.matchAll(/@example\s*\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)].map((m) => m[1]!.split('\n').map((line) => line.replace(/^\s*\* ?/, '')).join('\n'));
const fragmentPreamble = `import * as tf from '@tensorflow/tfjs';
import { lion, rprop, signum } from 'rprop-tfjs';
const model = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2], activation: 'softmax' })] });
void [lion, rprop, signum];
`;
const srcDir = join(here, '..', 'src');
const tsdocExamples = readdirSync(srcDir)
  .filter((name) => name.endsWith('.ts'))
  .flatMap((name) =>
    tsdocBlocks(readFileSync(join(srcDir, name), 'utf8')).map((code, k) => ({
      name: `${relative(root, join(srcDir, name))} @example ${k + 1}`,
      file: `tsdoc-${name.replace(/\.ts$/, '')}-${k + 1}.ts`,
      code: /^import /m.test(code) ? code : `${fragmentPreamble}${code}`,
    })),
  );
examples.push(...tsdocExamples);

/** The example's top-level `const` names, to export them. */
const topLevelNames = (code: string) => [...code.matchAll(/^const (\w+)/gm)].map((m) => m[1]!);

/** Weights of a model, as plain numbers, in order. */
const weightsOf = (model: tf.LayersModel) => model.getWeights().map((w) => Array.from(w.dataSync()));

describe('the README examples that use rprop-tfjs, and the TSDoc examples in its sources, run as written', () => {
  beforeAll(() => {
    mkdirSync(scratch, { recursive: true });
    for (const { file, code } of examples) {
      // The examples write model.json and model.weights.bin to the working folder: here, to scratch.
      const placed = code.replaceAll(/'(model\.json|model\.weights\.bin)'/g, (_, name: string) => JSON.stringify(join(scratch, `${file}.${name}`)));
      writeFileSync(join(scratch, file), `${placed}\nexport { ${topLevelNames(code).join(', ')} };\n`);
    }
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('found them', () => {
    expect(rootExample).toContain('model.fit');
    expect(packageExample).toContain('new RpropOptimizer');
    expect(packageSaving).toContain('includeOptimizer: true');
    expect(miniBatchExample).toContain('lion(');
  });

  it("has the sources' TSDoc examples", () => expect(tsdocExamples.length).toBeGreaterThanOrEqual(3));

  it.each(tsdocExamples)('$name runs', async ({ file }) => {
    const module = await import(join(scratch, file));
    expect(module.model).toBeInstanceOf(tf.LayersModel);
  });

  it("type-check under the repository's settings (strict, noUncheckedIndexedAccess)", () => {
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({ extends: '../../../../tsconfig.base.json', compilerOptions: { noEmit: true, types: ['node'] }, include: ['*.ts'] }),
    );
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', scratch], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('README.md: the resumed model has the optimizer, and continues exactly where model left off', async () => {
    const { x, y, model, resumed } = await import(join(scratch, 'root-example.ts'));
    expect(existsSync(join(scratch, 'root-example.ts.model.json'))).toBe(true);
    expect(resumed.optimizer.getClassName()).toBe('Rprop');
    expect(resumed.optimizer.iterations).toBe(400); // 200 saved with the model, 200 after loading
    await model.fit(x, y, { epochs: 200, batchSize: x.shape[0], verbose: 0 });
    expect(weightsOf(resumed)).toEqual(weightsOf(model));
  });

  it('README.md Mini-batches: Lion trains the model, a step per batch of 32', async () => {
    const { x, model } = await import(join(scratch, 'root-mini-batch.ts'));
    expect(model.optimizer.getClassName()).toBe('Lion');
    expect(model.optimizer.iterations).toBe(4 * Math.ceil(x.shape[0] / 32));
  });

  it('packages/tfjs/README.md: what Saving saves is the optimizer too, and training resumes bit for bit', async () => {
    const { x, y, model, optimizer, resumed } = await import(join(scratch, 'package-example.ts'));
    expect(resumed.optimizer.getClassName()).toBe('Rprop');
    expect(resumed.optimizer.iterations).toBe(200);
    expect(weightsOf(resumed)).toEqual(weightsOf(model));
    const slots = async (o: tf.Optimizer) => Promise.all((await o.getWeights()).map(async (w) => Array.from(await w.tensor.data())));
    expect(await slots(resumed.optimizer)).toEqual(await slots(optimizer));
    const loss = (m: tf.LayersModel) => () => tf.losses.meanSquaredError(y, m.predict(x) as tf.Tensor2D) as tf.Scalar;
    for (let step = 0; step < 5; step++) {
      optimizer.minimize(loss(model));
      resumed.optimizer.minimize(loss(resumed));
    }
    expect(weightsOf(resumed)).toEqual(weightsOf(model));
  });
});
