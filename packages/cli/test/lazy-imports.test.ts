import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `rprop --help`, a usage error or a refused `train` answer in a fraction of a second because nothing
// they load imports TensorFlow.js (about a second to load) or d3: those come in by dynamic import(),
// once a command needs them (bin.ts, run-train.ts). A static import added anywhere on the way would
// quietly bring the wait back; this walks the source's static imports and names the chain.

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const HEAVY = /^(@tensorflow\/|d3-|cli-progress$)/;

/** The static (not type-only) import specifiers of a TypeScript file. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^'";]*?\bfrom\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
    if (m[2] === undefined) specs.push((m[3] ?? m[4])!);
  }
  return specs;
}

/** Every chain of static imports from `entry` that ends in a heavy package. */
function heavyChains(entry: string): string[] {
  const seen = new Set<string>();
  const chains: string[] = [];
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) walk(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), [...chain, spec]);
      else if (HEAVY.test(spec)) chains.push([...chain, spec].join(' → '));
    }
  };
  walk(join(src, entry), [entry]);
  return chains;
}

describe('what the command loads before it needs TF.js', () => {
  it('bin.ts, and so --help and every flag check, imports no TF.js, d3 or progress bar statically', () => {
    expect(heavyChains('bin.ts')).toEqual([]);
  });

  it('run-train.ts makes its checks without them; train-and-report.ts, loaded after, has them', () => {
    expect(heavyChains('train/run-train.ts')).toEqual([]);
    // The walk sees imports at all: the module loaded after the checks does reach TF.js.
    expect(heavyChains('train/train-and-report.ts').some((chain) => chain.endsWith('@tensorflow/tfjs-core'))).toBe(true);
  });

  it('the walk reads type-only imports as erased, and side-effect imports and re-exports as loads', () => {
    expect(staticImports(join(src, 'train', 'train-and-report.ts'))).not.toContain('./run-train.js');
    expect(staticImports(join(src, 'tf.ts'))).toEqual(['@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-core', '@tensorflow/tfjs-layers']);
  });
});
