import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';

/** An origin that exists only in the test: the page's files are served from memory by route. */
export const ORIGIN = 'http://webgl.test';

const root = join(dirname(fileURLToPath(import.meta.url)), 'webgl');
const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', wasm: 'application/wasm' };

/** Builds test/webgl (index.html and its script, bundled by Vite) into memory: file name → contents. */
export async function buildWebglPage(): Promise<Map<string, string | Uint8Array>> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    base: './',
    build: { write: false, target: 'es2022', modulePreload: false, minify: false, reportCompressedSize: false, chunkSizeWarningLimit: 1e9 },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Array<{ output: Array<{ fileName: string; type: string; code?: string; source?: string | Uint8Array }> }>;
  return new Map(outputs.flatMap((o) => o.output).map((f) => [f.fileName, f.type === 'chunk' ? f.code! : f.source!]));
}

/** Serves `files` to `page` under ORIGIN; anything else is refused (the page must need nothing more). */
export async function servePage(page: Page, files: Map<string, string | Uint8Array>): Promise<void> {
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const name = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    const body = url.origin === ORIGIN ? files.get(name) : undefined;
    if (body === undefined) return route.fulfill({ status: 404 });
    return route.fulfill({ status: 200, contentType: TYPES[name.split('.').pop()!] ?? 'application/octet-stream', body: typeof body === 'string' ? body : Buffer.from(body) });
  });
}
