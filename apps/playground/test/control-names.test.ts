import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimizerSpecs } from '../src/optimizers.js';
import { axNodes } from './accessibility-tree.js';
import { startPlayground, type Playground } from './browser.js';

const CONTROLS = ['combobox', 'button', 'spinbutton', 'checkbox'];

describe('the accessible name of every control, as Chromium gives it to a screen reader', () => {
  let playground: Playground;
  let page: Page;

  beforeAll(async () => {
    playground = await startPlayground();
    page = await playground.open();
  }, 60_000);

  afterAll(async () => {
    await playground?.close();
  });

  it('names the toolbar\'s controls by what they do', async () => {
    const names = (await axNodes(page, CONTROLS)).map((c) => `${c.role} ${c.name}`);
    expect(names).toEqual(expect.arrayContaining(['combobox Function', 'button Step', 'button Reset start', 'spinbutton Gradient noise σ']));
    expect(names.filter((n) => n === 'button Pause' || n === 'button Play')).toHaveLength(1);
  });

  it('names each hyperparameter field with its optimizer and its hyperparameter, and each checkbox with its optimizer', async () => {
    const controls = await axNodes(page, CONTROLS);
    const names = controls.map((c) => `${c.role} ${c.name}`);
    for (const spec of optimizerSpecs()) {
      expect(names).toContain(`checkbox ${spec.name}`);
      for (const knob of spec.knobs) expect(names).toContain(`spinbutton ${spec.name} ${knob.label}`);
    }
  });

  it('gives no two controls the same name, and none an empty one', async () => {
    const names = (await axNodes(page, CONTROLS)).map((c) => `${c.role} ${c.name}`);
    // The page's own count: a control lost from the tree would pass the rest unnoticed.
    expect(names).toHaveLength(await page.locator('select, button, input').count());
    expect(names.filter((n) => n.trim().split(' ').length < 2)).toEqual([]);
    expect(names.filter((n, k) => names.indexOf(n) !== k)).toEqual([]);
  });

  it('names the landmark that holds the optimizers\' controls', async () => {
    const regions = await axNodes(page, ['complementary']);
    expect(regions.map((r) => r.name)).toEqual(['Optimizers']);
  });
});
