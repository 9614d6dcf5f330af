import { extname } from 'node:path';
import { InputError } from '../errors/input-error.js';

/**
 * Refuses a --plot file whose name says another format (`curve.png`): the chart is SVG, and a `.png`
 * holding SVG text opens nowhere as a picture. A name without an extension is taken as it is.
 */
export function checkPlotName(path: string): void {
  const ext = extname(path);
  if (ext !== '' && ext.toLowerCase() !== '.svg') {
    throw new InputError(`${path}: --plot writes the curve as SVG, but the name ends in ${ext}; name it .svg`);
  }
}
