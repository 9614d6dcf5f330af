import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const readme = readFileSync(join(here, '..', '..', '..', 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => code.includes("from 'rprop'"));
const scratch = join(here, '.readme-examples');

describe('the README examples that use rprop run as written', () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('has examples', () => expect(blocks.length).toBeGreaterThanOrEqual(2));

  blocks.forEach((code, k) => {
    it(`example ${k + 1}`, async () => {
      mkdirSync(scratch, { recursive: true });
      const file = join(scratch, `example-${k + 1}.ts`);
      // Expose the example's top-level names so the test can look at what it computed.
      writeFileSync(file, `${code}\nexport const done = true;\n`);
      const module = await import(file);
      expect(module.done).toBe(true);
    });
  });
});
