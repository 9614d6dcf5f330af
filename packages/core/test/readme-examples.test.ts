import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The examples import 'rprop' (the built package); so does this test, for the same classes.
import { NonFiniteGradientError, Rprop, SignSGD, type Parameter } from 'rprop';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const coreReadme = readFileSync(join(here, '..', 'README.md'), 'utf8');
const tsBlocks = (text: string) => [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => code.includes("from 'rprop'"));
const examples = [
  ...tsBlocks(readme).map((code, k) => ({ name: `README.md example ${k + 1}`, file: `example-${k + 1}.ts`, code })),
  ...tsBlocks(coreReadme).map((code, k) => ({ name: `packages/core/README.md example ${k + 1}`, file: `core-example-${k + 1}.ts`, code })),
];
const scratch = join(here, '.readme-examples');

/** The example's top-level names (`const a`, `const { b, c }`, `function f`), to export them. */
function topLevelNames(code: string): string[] {
  const names = [...code.matchAll(/^(?:const|let|function) (\w+)/gm)].map((m) => m[1]!);
  const destructured = [...code.matchAll(/^(?:const|let) \{([^}]*)\}/gm)].flatMap((m) => m[1]!.split(',').map((s) => s.trim()));
  return [...names, ...destructured].filter((n) => n !== '');
}

/** The prose around the examples, one space for every line break, so quotes can span lines. */
const prose = readme.replace(/\s*\n\s*/g, ' ');

describe('the README examples that use rprop run as written', () => {
  beforeAll(() => {
    mkdirSync(scratch, { recursive: true });
    // Expose the example's top-level names so the test can look at what it computed.
    for (const e of examples) writeFileSync(join(scratch, e.file), `${e.code}\nexport { ${topLevelNames(e.code).join(', ')} };\nexport const done = true;\n`);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('has examples', () => expect(examples.length).toBeGreaterThanOrEqual(3));

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
});
