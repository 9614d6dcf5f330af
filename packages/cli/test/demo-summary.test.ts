import { describe, expect, it } from 'vitest';
import { runDemo } from '../src/demo/run-demo.js';

// The lines under the demo's table read it off: they must say what the table shows.
describe('rprop demo: the summary under the table', () => {
  const lines: string[] = [];
  runDemo(undefined, (line) => lines.push(line));
  const header = lines.findIndex((l) => l.trim().startsWith('optimizer'));
  // The table's rows: from its header to the first line that is no row (the notes under it).
  const after = lines.slice(header + 1);
  const end = after.findIndex((l) => l.trim() === '' || /^ {2}(> |the same|fewest)/.test(l));
  const rows = after.slice(0, end).map((l) => l.trim().split(/\s{2,}/));
  const counted = rows.filter(([, small]) => /^\d+$/.test(small!)).map(([name, small, large]) => ({ name: name!, small: Number(small), large }));

  it('names the optimizer with the fewest iterations on the first scale, and its count', () => {
    expect(counted.length).toBeGreaterThan(1);
    const fewest = Math.min(...counted.map((r) => r.small));
    const line = lines.find((l) => l.includes('fewest iterations on c = 0.01'));
    expect(line).toBe(`  fewest iterations on c = 0.01: ${counted.find((r) => r.small === fewest)!.name} (${fewest})`);
  });

  it('lists as scale-free exactly the optimizers with the same count on both scales', () => {
    const same = counted.filter((r) => String(r.small) === r.large).map((r) => r.name);
    expect(lines).toContain(`  the same count on both scales (the step ignores the gradient's scale): ${same.join(', ')}`);
  });
});
