import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownFiles } from './markdown-files.js';

// Every relative link in the repository's Markdown reaches a file, and every #fragment a heading of
// the file it points into: a renamed heading or a moved file otherwise breaks the docs silently.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Text outside fenced code blocks (a `](x)` in a code sample is not a link). */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** GitHub's anchors for a file's headings: lower case, punctuation dropped, spaces to '-', repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = m[1]!.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

const files = markdownFiles(root);
const links = files.flatMap((file) =>
  [...prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z]+:/i.test(target)) // http:, https:, mailto:
    .map((target) => ({ file, target })),
);

describe("the repository's Markdown links", () => {
  it('has links to check', () => expect(links.length).toBeGreaterThan(10));

  it.each(links.map((l) => [`${relative(root, l.file)} → ${l.target}`, l] as const))('%s', (_name, { file, target }) => {
    const [path, fragment] = target.split('#') as [string, string | undefined];
    const into = path === '' ? file : join(dirname(file), decodeURIComponent(path));
    expect(existsSync(into), `${target} from ${relative(root, file)}: no such file`).toBe(true);
    if (fragment !== undefined && fragment !== '') {
      expect(statSync(into).isFile(), `${target}: a fragment into a folder`).toBe(true);
      expect([...anchors(readFileSync(into, 'utf8'))], `${target}: no such heading in ${relative(root, into)}`).toContain(fragment);
    }
  });
});
