import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The examples import 'rprop' (the built package); so does this test, for the same classes.
import { minimize, NonFiniteGradientError, RPROP_DEFAULTS, Rprop, SignSGD, VARIANTS, type Objective, type Parameter } from 'rprop';
import { irpropMinus, rpropConstantsFor } from 'rprop/rules';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const coreReadme = readFileSync(join(here, '..', 'README.md'), 'utf8');
/** The topic files the README's fine print moved to (docs/api.md, …), in name order. */
const docs = readdirSync(join(root, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(root, 'docs', name), 'utf8') }));
const tsBlocks = (text: string) => [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => code.includes("from 'rprop'"));

/** The core's sources, for their TSDoc `@example` blocks. */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
/** An `@example` block's code, without the comment's leading `*`s. */
const tsdocBlocks = (text: string) =>
  [...text.matchAll(/@example\s*\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)].map((m) => m[1]!.split('\n').map((line) => line.replace(/^\s*\* ?/, '')).join('\n'));
// A TSDoc example without imports is a fragment: it uses the optimizers and a `param` (an `encoder`, a
// `head`, a `gradient`) it does not define. This gives it them, so that it compiles and runs as shown.
const fragmentPreamble = `import { Adam, Lion, Rprop, SGD, SignSGD, Signum, type Parameter } from 'rprop';
const param: Parameter = { data: new Float32Array(4), grad: Float32Array.of(1, -1, 0.5, 0) };
const encoder: Parameter = { data: new Float32Array(3), grad: new Float32Array(3) };
const head: Parameter = { data: new Float32Array(2), grad: new Float32Array(2) };
const gradient = new Float32Array(1_000_000).fill(1);
void [Adam, Lion, Rprop, SGD, SignSGD, Signum, param, encoder, head, gradient];
`;
const tsdocExamples = sources(join(here, '..', 'src')).flatMap((file) =>
  tsdocBlocks(readFileSync(file, 'utf8')).map((code, k) => ({ name: `${relative(root, file)} @example ${k + 1}`, code: /^import /m.test(code) ? code : `${fragmentPreamble}${code}` })),
);
const docsExamples = docs.flatMap(({ name, text }) =>
  tsBlocks(text).map((code, k) => ({ name: `docs/${name} example ${k + 1}`, file: `docs-${name.replace(/\.md$/, '')}-example-${k + 1}.ts`, code })),
);
const examples = [
  ...tsBlocks(readme).map((code, k) => ({ name: `README.md example ${k + 1}`, file: `example-${k + 1}.ts`, code })),
  ...docsExamples,
  ...tsBlocks(coreReadme).map((code, k) => ({ name: `packages/core/README.md example ${k + 1}`, file: `core-example-${k + 1}.ts`, code })),
  ...tsdocExamples.map((e, k) => ({ ...e, file: `tsdoc-example-${k + 1}.ts` })),
];
const scratch = join(here, '.readme-examples');

/** The example's top-level names (`const a`, `const { b, c }`, `function f`), to export them. */
function topLevelNames(code: string): string[] {
  const names = [...code.matchAll(/^(?:const|let|function) (\w+)/gm)].map((m) => m[1]!);
  const destructured = [...code.matchAll(/^(?:const|let) \{([^}]*)\}/gm)].flatMap((m) => m[1]!.split(',').map((s) => s.trim()));
  return [...names, ...destructured].filter((n) => n !== '');
}

/**
 * The prose around the examples — the README's and docs/'s, where its fine print (the exact refusal
 * messages among it) moved — one space for every line break, so quotes can span lines.
 */
const prose = [readme, ...docs.map((d) => d.text)].join('\n').replace(/\s*\n\s*/g, ' ');

describe('the README examples that use rprop, and the TSDoc examples in its sources, run as written', () => {
  beforeAll(() => {
    mkdirSync(scratch, { recursive: true });
    // Expose the example's top-level names so the test can look at what it computed.
    for (const e of examples) writeFileSync(join(scratch, e.file), `${e.code}\nexport { ${topLevelNames(e.code).join(', ')} };\nexport const done = true;\n`);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('has examples', () => expect(examples.length).toBeGreaterThanOrEqual(3));
  // A block moved out of the README must still be found, wherever in docs/ it went.
  it("has docs/'s examples, Continuing from PyTorch's among them", () => {
    expect(docs.map((d) => d.name)).toContain('api.md');
    expect(docsExamples.some((e) => e.code.includes('fromTorchStateDict('))).toBe(true);
  });
  it("has the sources' TSDoc examples", () => expect(tsdocExamples.length).toBeGreaterThanOrEqual(10));

  // Threads must come before the kernels' memory is first used, so an example that starts them runs
  // in a fresh Node process (written without type annotations for that), the others in this one.
  const threaded = (code: string) => code.includes("from 'rprop/threads'");

  it.each(examples.filter((e) => !threaded(e.code)))('$name', async ({ file }) => {
    const module = await import(join(scratch, file));
    expect(module.done).toBe(true);
  });

  it.each(examples.filter((e) => threaded(e.code)))('$name (in a process of its own)', ({ code }) => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `${code}\nconsole.log('done');`], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('done');
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

  it('minimize returns what the README says it does', async () => {
    const k = examples.findIndex((e) => e.code.includes('minimize(') && e.file.startsWith('example-'));
    const code = examples[k]!.code;
    const { result } = await import(join(scratch, examples[k]!.file));
    expect(result.iterations).toBe(Number(/iterations: (\d+)/.exec(code)![1]));
    expect(result.converged).toBe(/converged: (true|false)/.exec(code)![1] === 'true');
    expect(result.message).toBe(/message: '([^']*)'/.exec(code)![1]);
    // x: [≈1e-17, ≈1e-18]
    expect(Math.abs(result.x[0])).toBeLessThan(1e-16);
    expect(Math.abs(result.x[1])).toBeLessThan(1e-17);
  });

  it("MinimizeOptions.bounds' TSDoc example returns what its comments say", async () => {
    const k = examples.findIndex((e) => e.file.startsWith('tsdoc-') && e.code.includes('bounds:'));
    const code = examples[k]!.code;
    const { x, converged, message } = await import(join(scratch, examples[k]!.file));
    const said = /x;\s*\/\/ \[(\S+), (\S+)\],[\s\S]*converged;\s*\/\/ (true|false)[\s\S]*message;\s*\/\/ '([^']*)'/.exec(code)!;
    expect([...x]).toEqual([Number(said[1]!.replace('−', '-')), Number(said[2]!.replace('−', '-'))]);
    expect(converged).toBe(said[3] === 'true');
    expect(message).toBe(said[4]);
  });

  it('minimize with bounds returns what the README says it does', async () => {
    const k = examples.findIndex((e) => e.code.includes('bounds:') && e.file.startsWith('example-'));
    const code = examples[k]!.code;
    const { fit } = await import(join(scratch, examples[k]!.file));
    const said = /x: \[(\d+), ≈([\d.]+)\], converged: (true|false),\s*\/\/\s*message: '([^']*)'/.exec(code)!;
    expect(fit.x[0]).toBe(Number(said[1]));
    expect(fit.x[1]).toBeCloseTo(Number(said[2]), 3);
    expect(fit.converged).toBe(said[3] === 'true');
    expect(fit.message).toBe(said[4]);
  });

  it('the rprop/rules example ends where an Rprop optimizer on the same objective does, and where its comment says', async () => {
    const k = examples.findIndex((e) => e.code.includes("from 'rprop/rules'"));
    const { param } = (await import(join(scratch, examples[k]!.file))) as { param: Float64Array };
    const w: Parameter = { data: new Float64Array([3, -2]), grad: new Float64Array(2) };
    const optimizer = new Rprop([w]);
    for (let t = 0; t < 2; t++) {
      w.grad![0] = 0.02 * w.data[0]!;
      w.grad![1] = 200 * w.data[1]!;
      optimizer.step();
    }
    expect([...param]).toEqual([...w.data]);
    const said = /param ≈ \[([\d.]+), −([\d.]+)\]/.exec(examples[k]!.code)!;
    expect(param[0]).toBeCloseTo(Number(said[1]), 12);
    expect(param[1]).toBeCloseTo(-Number(said[2]), 12);
  });

  it('the Usage example finds the W and b it made its data from, as its last comment says', async () => {
    const k = examples.findIndex((e) => e.code.includes('mseLoss'));
    const said = /\/\/ weight\.data ≈ W and bias\.data ≈ b, within about (\S+) \(.*\); mseLoss\(\) ≈ (\S+)$/m.exec(examples[k]!.code)!;
    expect(said).not.toBeNull();
    const { weight, bias, W, b, mseLoss } = (await import(join(scratch, examples[k]!.file))) as { weight: Parameter; bias: Parameter; W: number[]; b: number[]; mseLoss: () => number };
    // Its x is Math.random()'s: over 300 draws the farthest weight was 5.3e-6 off and the largest loss
    // 2.9e-12, so twice the stated figures leaves room without letting a non-converging fit pass.
    weight.data.forEach((v, i) => expect(Math.abs(v - W[i]!)).toBeLessThan(2 * Number(said[1])));
    bias.data.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThan(2 * Number(said[1])));
    expect(mseLoss()).toBeLessThan(10 * Number(said[2]));
  });

  it("the bad-input messages it quotes are the real ones, for the Usage example's parameters", async () => {
    const k = examples.findIndex((e) => e.code.includes('mseLoss'));
    const { weight, bias, optimizer } = (await import(join(scratch, examples[k]!.file))) as { weight: Parameter; bias: Parameter; optimizer: Rprop };
    const options = /`(Rprop: etas\[0\] \(η−\) must satisfy [^`]*)`/.exec(prose)![1]!;
    expect(() => new Rprop([weight, bias], { etas: [1.5, 1.2] })).toThrow(options);
    const unknown = /`(Rprop: unknown option "step_sizes"[^`]*)`/.exec(prose)![1]!;
    expect(() => new Rprop([weight, bias], { step_sizes: [1e-6, 50] } as never)).toThrow(unknown);
    const foreign = /`(SignSGD\.loadStateDict: [^`]*)`/.exec(prose)![1]!;
    expect(() => new SignSGD([weight, bias]).loadStateDict(JSON.parse(JSON.stringify(optimizer.stateDict())))).toThrow(foreign);
    const step = /`(Rprop\.step: the gradient of [^`]*)`/.exec(prose)![1]!;
    const index = Number(/at index (\d+)/.exec(step)![1]);
    bias.grad![index] = NaN;
    let error: unknown;
    try {
      optimizer.step();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NonFiniteGradientError);
    expect((error as Error).message).toBe(step);
  });

  it("the rules' refusal it quotes is the real one", () => {
    const said = /`(irpropMinus: grad has length (\d+), but param has length (\d+))`/.exec(prose)!;
    const param = new Float64Array(Number(said[3]));
    const buffers = { param, grad: new Float64Array(Number(said[2])), prev: new Float64Array(param.length), stepSize: new Float64Array(param.length) };
    expect(() => irpropMinus(buffers, rpropConstantsFor(param, RPROP_DEFAULTS.etas, RPROP_DEFAULTS.stepSizes, false))).toThrow(said[1]);
  });

  it('the size it gives the WebAssembly module is the built one', () => {
    const kb = Number(/compilation of an? (\d+) KB module/.exec(prose)![1]);
    for (const name of ['rprop-kernels.wasm', 'rprop-kernels-shared.wasm']) {
      expect(Math.round(statSync(join(here, '..', 'dist', 'kernels', name)).size / 1000)).toBe(kb);
    }
  });

  it("minimize's measured iterations are what it says", () => {
    const said = /converge to \|x\| < 1e-15 in (\d+)–(\d+) iterations for every variant; 2-D Rosenbrock from \(−1\.2, 1\) to within (\S+) in ≈([\d ]+) iterations with iRprop±/.exec(prose)!;
    const quadratic = (c: number): Objective => (x, grad) => {
      grad[0] = 2 * c * x[0]!;
      return c * x[0]! ** 2;
    };
    const both: Objective = (x, grad) => {
      grad[0] = 0.02 * x[0]!;
      grad[1] = 200 * x[1]!;
      return 0.01 * x[0]! ** 2 + 100 * x[1]! ** 2;
    };
    const iterations: number[] = [];
    for (const variant of VARIANTS) {
      for (const [f, x0] of [[quadratic(0.01), [3]], [quadratic(0.01), [-2]], [quadratic(100), [3]], [quadratic(100), [-2]], [both, [3, -2]]] as const) {
        const r = minimize(f, x0, { variant });
        expect(r.converged).toBe(true);
        for (const v of r.x) expect(Math.abs(v)).toBeLessThan(1e-15);
        iterations.push(r.iterations);
      }
    }
    expect([Math.min(...iterations), Math.max(...iterations)]).toEqual([Number(said[1]), Number(said[2])]);
    const rosenbrock: Objective = (x, grad) => {
      const a = x[1]! - x[0]! ** 2;
      grad[0] = -400 * a * x[0]! - 2 * (1 - x[0]!);
      grad[1] = 200 * a;
      return 100 * a * a + (1 - x[0]!) ** 2;
    };
    for (const variant of ['irprop-', 'irprop+'] as const) {
      const r = minimize(rosenbrock, [-1.2, 1], { variant });
      for (const v of r.x) expect(Math.abs(v - 1)).toBeLessThanOrEqual(Number(said[3]));
      expect(Math.abs(r.iterations / Number(said[4]!.replace(/ /g, '')) - 1)).toBeLessThan(0.05);
    }
  });

  it('every name the Entry points table gives an import is exported by it', async () => {
    const rows = [...readme.matchAll(/^\| `(rprop(?:\/\w+)?)` \| (.*) \|$/gm)];
    expect(rows.map((m) => m[1])).toEqual(['rprop', 'rprop/rules', 'rprop/kernels', 'rprop/threads']);
    for (const [, entry, holds] of rows) {
      const module = (await import(entry!)) as Record<string, unknown>;
      const names = [...holds!.matchAll(/`([A-Za-z_][\w.]*)`/g)].map((m) => m[1]!).filter((name) => !name.startsWith('rprop'));
      for (const name of names) {
        const [first, ...rest] = name.split('.');
        const found = rest.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], module[first!]);
        expect(found, `${name} from '${entry}'`).toBeDefined();
      }
    }
  });
});
