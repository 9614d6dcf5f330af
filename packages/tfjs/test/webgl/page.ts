import * as tf from '@tensorflow/tfjs';
import { CASES } from './cases.js';
import type { WebglReport } from './report.js';
import { runCase } from './run-case.js';

/**
 * Every optimizer on TF.js's webgl backend against the core's reference rules. The report is put on
 * window.webglReport (for webgl.e2e.test.ts) and shown on the page.
 */
async function main(): Promise<WebglReport> {
  // Every op in a shader: by default webgl runs ops on small tensors still on the CPU with the cpu
  // backend's kernels, which would test those instead.
  tf.env().set('WEBGL_CPU_FORWARD', false);
  if (!(await tf.setBackend('webgl'))) throw new Error('tf.setBackend("webgl") failed');
  const head = { backend: tf.getBackend(), webglVersion: tf.env().getNumber('WEBGL_VERSION'), float32Textures: tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') };
  const cases = [];
  const subnormalCases = [];
  for (const c of CASES) cases.push(await runCase(c));
  for (const c of CASES) subnormalCases.push(await runCase(c, true));
  return { ...head, cases, subnormalCases };
}

main()
  .catch((e: unknown): WebglReport => ({ backend: tf.getBackend(), webglVersion: 0, float32Textures: false, cases: [], subnormalCases: [], error: String((e as Error)?.stack ?? e) }))
  .then((report) => {
    window.webglReport = report;
    document.getElementById('report')!.textContent = JSON.stringify(report, null, 1);
  });
