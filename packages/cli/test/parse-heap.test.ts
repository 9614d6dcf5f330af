import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { root } from './run-cli.js';

// A parser that keeps every value of the file as a string until the end needs many times the file's
// size in heap: a 38 MB CSV peaked at 400 MB, a FANN file at 660 MB. Reading each line's values
// straight into the typed arrays keeps the heap near the text itself. Measured in bytes, not time:
// a child process whose heap is capped runs out of memory (and exits non-zero) where a parser keeps
// too much. For this 9.5 MB text, the old parsers needed over 64 MB (FANN over 128 MB), these under
// 32 MB, with the text and its making counted.
const HEAP_MB = 48;
const ROWS = 50_000;
const COLUMNS = 20;

/** Parses ROWS × COLUMNS values as `kind`, then the line `tail`, in a child whose heap is capped at HEAP_MB. */
function parseCapped(kind: 'csv' | 'fann', tail = '') {
  const module = pathToFileURL(join(root, 'packages', 'cli', 'dist', 'data', `${kind}.js`)).href;
  const script = `
    const { parseCsv, parseFann } = await import(${JSON.stringify(module)});
    const values = Array.from({ length: ${COLUMNS} }, (_, c) => (c / ${COLUMNS} - 0.5).toFixed(6));
    const text = ${kind === 'csv'}
      ? values.map((_, c) => 'c' + c).join(',') + '\\n' + (values.join(',') + '\\n').repeat(${ROWS}) + ${JSON.stringify(tail)}
      : '${ROWS} ${COLUMNS - 1} 1\\n' + (values.slice(0, -1).join(' ') + '\\n' + values.at(-1) + '\\n').repeat(${ROWS}) + ${JSON.stringify(tail)};
    const d = ${kind === 'csv'} ? parseCsv(text, 'f', undefined) : parseFann(text, 'f');
    console.log(JSON.stringify({ textBytes: text.length, count: d.count, inputs: d.inputs, lastY: d.y.at(-1) }));
  `;
  return spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
}

describe('parsing a large data file keeps the heap a small multiple of the text', () => {
  it.each(['csv', 'fann'] as const)('%s: 9.5 MB of text parses in a 48 MB heap', (kind) => {
    const r = parseCapped(kind);
    expect(r.stderr).not.toMatch(/heap out of memory/);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as { textBytes: number; count: number; inputs: number; lastY: number };
    // The text really is large against the cap, and every row was read.
    expect(result.textBytes).toBeGreaterThan((HEAP_MB / 6) * 1e6);
    expect(result).toMatchObject({ count: ROWS, inputs: COLUMNS - 1 });
    expect(result.lastY).toBeCloseTo((COLUMNS - 1) / COLUMNS - 0.5, 6);
  });

  it('fann: a line too many at the end of 9.5 MB is reported in the same heap, naming the line', () => {
    // Finding which line disagrees once kept every line's values as strings, as the old parse did.
    const r = parseCapped('fann', '0.5\n');
    expect(r.stderr).not.toMatch(/heap out of memory/);
    expect(r.stderr).toContain(`f:${2 * ROWS + 2}: the header says ${ROWS} pairs (${2 * ROWS} lines), the file has ${2 * ROWS + 1} data lines`);
  });
});
