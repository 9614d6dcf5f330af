import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { optimizerSpecs } from '../src/optimizers.js';
import { axNodes } from './accessibility-tree.js';
import { playgroundForSuite } from './browser.js';

const CONTROLS = ['combobox', 'button', 'spinbutton', 'checkbox'];

describe('each control\'s name and description, as Chromium gives them to a screen reader', () => {
  const playground = playgroundForSuite();
  let page: Page;

  beforeAll(async () => {
    page = await playground().open();
  }, 60_000);

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

  it('describes the noise field with what its label\'s hover text says, and a σ not taken with why', async () => {
    const title = await page.locator('label.noise').getAttribute('title');
    expect(title).toContain('54 %');
    const noise = async () => (await axNodes(page, ['spinbutton'])).find((c) => c.name === 'Gradient noise σ')!.description;
    expect(await noise()).toBe(title);
    await page.fill('#noise', '-1');
    await page.dispatchEvent('#noise', 'change');
    expect(await noise()).toBe(`${title} noise: below 0; still 0.`);
    await page.fill('#noise', '0');
    await page.dispatchEvent('#noise', 'change');
  });

  it('names the landmark that holds the optimizers\' controls', async () => {
    const regions = await axNodes(page, ['complementary']);
    expect(regions.map((r) => r.name)).toEqual(['Optimizers']);
  });
});
