import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { lossSeries, MAX_ITERATIONS, scaleRace, TOLERANCE } from '../src/demo/scales.js';
import { lineChart } from '../src/plot/svg-chart.js';
import { bin, root, rprop } from './run-cli.js';
import { tempFolder } from './temp-folder.js';

const out = tempFolder('rprop-demo-');

describe('rprop demo', () => {
  it('tells the seed\'s story: one SGD learning rate is too slow for 0.01x² and diverges on 100x²; every Rprop converges on both in the same steps', () => {
    const r = rprop(['demo']);
    expect(r.status).toBe(0);
    const row = (name: string) => r.stdout.split('\n').find((l) => l.trim().startsWith(name))!.trim().split(/\s{2,}/);
    expect(row('SGD').slice(1)).toEqual(['> 2000', 'diverged']);
    // The cap, said as such: SGD on 0.01x² is still on its way (x shrinks ×0.998 a step), not stalled.
    expect(r.stdout).toMatch(/^ {2}> 2000: not within 1e-6 after 2000 iterations, the cap \(SGD \(lr 0\.1\) on 0\.01x²: \|x\| = 0\.0547\)$/m);
    expect(r.stdout).not.toContain('stalled');
    for (const v of ['rprop-', 'irprop-', 'rprop+', 'irprop+']) {
      const [, small, large] = row(`Rprop ${v}`);
      expect(Number(small)).toBeGreaterThan(0);
      expect(small).toBe(large);
    }
    const losses = [...r.stdout.matchAll(/step +\d+ +loss ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(losses.length).toBeGreaterThan(3);
    expect(losses.at(-1)!).toBeLessThan(losses[0]!);
  });

  it('--out writes readable SVG plots drawn from scales: axes, labels, legend', () => {
    const r = rprop(['demo', '--out', out]);
    expect(r.status).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['loss-0.01x2.svg', 'loss-100x2.svg', 'loss-linear-mse.svg', 'trajectories.svg']);
    for (const f of files) {
      const svg = readFileSync(join(out, f), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
      expect(svg).toMatch(/<path d="M[\d.]+,[\d.]+L/); // a drawn series
      expect(svg).not.toMatch(/NaN|undefined/);
    }
    const trajectories = readFileSync(join(out, 'trajectories.svg'), 'utf8');
    expect(readFileSync(join(out, 'loss-0.01x2.svg'), 'utf8')).toContain('>SGD (lr 0.1) (not within 1e-6 after 2000)<');
    for (const label of ['SGD', 'Adam', 'Rprop irprop-', '>x<', '>y<']) expect(trajectories).toContain(label);
    expect(trajectories).toMatch(/<circle [^>]*\/><text [^>]*>start \(3, −2\)<\/text>/); // the paths' common start, marked
    expect(trajectories.match(/stroke-dashoffset=/g)).toHaveLength(4); // the Rprop variants' shared first steps, drawn in turns
  });

  it('is linked as `rprop` by npm ci, before anything is built', () => {
    const link = join(root, 'node_modules', '.bin', 'rprop');
    expect(existsSync(link)).toBe(true);
    expect(realpathSync(link)).toBe(join(root, 'packages', 'cli', 'bin', 'rprop.js'));
  });

  it('ends quietly when its reader stops early (`rprop demo | head -1`)', () => {
    // `set -o pipefail` is not in every sh: the demo's own exit code is written to a file instead.
    const status = join(out, 'status');
    const r = spawnSync('sh', ['-c', `{ ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} demo; echo $? > ${JSON.stringify(status)}; } | head -1`], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(r.stderr).toBe('');
    expect(readFileSync(status, 'utf8').trim()).toBe('0');
  });

  it('--help explains every command', () => {
    for (const args of [['--help'], ['demo', '--help'], ['train', '--help'], ['bench', '--help']]) {
      const r = rprop(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: rprop/);
    }
  });
});

describe('scaleRace', () => {
  it('counts as iterations the steps taken until |x| < 1e-6: the index of the first loss under c·1e-12', () => {
    for (const c of [0.01, 100]) {
      for (const r of scaleRace(c)) {
        r.losses.forEach(([t], k) => expect(t).toBe(k));
        const under = r.losses.findIndex(([, loss]) => loss < c * TOLERANCE * TOLERANCE);
        if (typeof r.outcome === 'number') {
          expect(r.outcome, `${r.optimizer} on ${c}x²`).toBe(under);
          expect(r.losses.length).toBe(r.outcome + 1);
        } else {
          expect(under).toBe(-1);
          if (r.outcome === 'capped') expect(r.losses.length).toBe(MAX_ITERATIONS);
        }
      }
    }
  });
});

describe('lossSeries', () => {
  it('has the Rprop curves, one curve for their first steps, drawn there in turns (was: only the last drawn showed)', () => {
    const results = scaleRace(0.01);
    const rprops = results.filter((r) => r.optimizer.startsWith('Rprop'));
    // Their first losses are the same: otherwise there is nothing to take turns on.
    expect(new Set(rprops.map((r) => r.losses[10]![1])).size).toBe(1);
    const svg = lineChart(lossSeries(results), { title: 't', xLabel: 'iteration', yLabel: 'f(x)', logY: true, domain: { x: [0, 300], y: [1e-16, 1e3] } });
    const offsets = [...svg.matchAll(/stroke-dasharray="\d+ \d+" stroke-dashoffset="(-?\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(offsets).size).toBe(rprops.length);
  });
});
