import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { VARIANTS } from 'rprop';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseReport, WebglReport } from './webgl/report.js';
import { buildWebglPage, ORIGIN, servePage } from './webgl-page.js';

// The composed-ops path is what webgl runs; elsewhere it is tested only on cpu (forceComposedOps).
// Here test/webgl's page runs every optimizer on TF.js's real webgl backend in headless Chromium
// (software WebGL 2: SwiftShader) against the core's reference rules, on seeded inputs.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const found = existsSync(CHROMIUM);
const NAMES = [...VARIANTS.map((v) => `Rprop ${v}`), 'Signum', 'Lion'];

let browser: Browser;
let report: WebglReport;
const problems: string[] = [];

const caseOf = (cases: readonly CaseReport[], name: string) => cases.find((c) => c.name === name)!;

(found ? describe : describe.skip)(
  found ? 'rprop-tfjs on the webgl backend in headless Chromium' : `rprop-tfjs on webgl: SKIPPED, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
  () => {
    beforeAll(async () => {
      const files = await buildWebglPage();
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        // With --disable-gpu, WebGL runs on SwiftShader, Chromium's software renderer (as on CI).
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
      });
      const page = await browser.newPage();
      page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      await servePage(page, files);
      await page.goto(`${ORIGIN}/`);
      await page.waitForFunction(() => window.webglReport !== undefined, null, { timeout: 50_000 });
      report = (await page.evaluate(() => window.webglReport))!;
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('ran every case on webgl 2 with float32 textures (half floats would change every result)', () => {
      expect(report.error).toBeUndefined();
      expect(problems).toEqual([]);
      expect(report).toMatchObject({ backend: 'webgl', webglVersion: 2, float32Textures: true });
      expect(report.cases.map((c) => c.name)).toEqual(NAMES);
      expect(report.subnormalCases.map((c) => c.name)).toEqual(NAMES);
    });

    it.each(NAMES)('%s: variables and slots equal the core bit for bit after every step (normal values and signed zeros)', (name) => {
      const c = caseOf(report.cases, name);
      expect(c.compared).toBeGreaterThan(30_000);
      expect(c.differing, `first: ${JSON.stringify(c.first)}; worst: ${JSON.stringify(c.worst)}`).toBe(0);
    });

    it.each(NAMES)('%s: no tensor leaks from step to step; a NaN or ±Infinity gradient is refused, changing nothing', (name) => {
      for (const c of [caseOf(report.cases, name), caseOf(report.subnormalCases, name)]) {
        expect(c.leaks).toEqual([]);
        expect(c.refusals).toEqual([]);
      }
    });

    // WebGL shaders may flush subnormals (|x| < 1.18e-38) to zero, as SwiftShader does, in arithmetic and
    // comparisons alike: a subnormal gradient has sign 0 there, and a subnormal weight minus 0 is 0.
    // No composition of tf ops can see them, so docs/tfjs.md states it as the one limit. The rules are
    // elementwise, so the difference stays in the elements that held a subnormal.
    it.each(NAMES)('%s: with subnormals in the inputs, values differ from the core only where a subnormal was', (name) => {
      const c = caseOf(report.subnormalCases, name);
      expect(c.differingElsewhere, `first: ${JSON.stringify(c.first)}`).toBe(0);
    });
  },
);
