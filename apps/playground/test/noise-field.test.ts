import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');

// The page starts with exact gradients (EXACT, σ = 0) whatever the field shows, and reads the field only
// on a change. Firefox puts a static field's last value back on reload: the field would say σ = 2 while
// the runs had none, and typing 2 again fires no change. autocomplete="off" is what stops that.
describe('the gradient noise field', () => {
  it('is not refilled by the browser on reload: it starts at the σ the page starts with', () => {
    const field = html.match(/<input id="noise"[^>]*>/)?.[0];
    expect(field).toBeDefined();
    expect(field).toMatch(/\bvalue="0"/);
    expect(field).toMatch(/\bautocomplete="off"/);
  });
});
