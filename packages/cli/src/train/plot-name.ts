import { basename, extname } from 'node:path';
import { InputError } from '../errors/input-error.js';

/**
 * The extension a --plot name says: as `extname`, except that a name which is nothing but one
 * (`.png`, `out/.pdf`) says it too — `extname` calls `.png` a hidden file with no extension, and
 * an SVG written there would still be taken for a PNG.
 */
function formatExtension(path: string): string {
  const ext = extname(path);
  if (ext !== '') return ext;
  const base = basename(path);
  return base.length > 1 && base.startsWith('.') && base.indexOf('.', 1) === -1 ? base : '';
}

/**
 * Refuses a --plot file whose name says another format (`curve.png`, `.png`): the chart is SVG, and a
 * `.png` holding SVG text opens nowhere as a picture. A name without an extension is taken as it is.
 */
export function checkPlotName(path: string): void {
  const ext = formatExtension(path);
  if (ext !== '' && ext.toLowerCase() !== '.svg') {
    throw new InputError(`${path}: --plot writes the curve as SVG, but the name ends in ${ext}; name it .svg`);
  }
}
