import { describe, expect, it } from 'vitest';
import { lineChart } from '../src/plot/svg-chart.js';

// A title or a legend name comes from the user (the data file's path, `--target` names): `&` and `<`
// in it must reach the SVG as entities, or the file is not well-formed XML and no viewer shows it.
describe('lineChart escapes the text it is given', () => {
  it('writes &, < and > in the title, the axis labels and the legend as entities', () => {
    const svg = lineChart([{ name: 'fit <a&b>', points: [[0, 1], [1, 0.5]] }], { title: 'R&D <data>.csv', xLabel: 'x & t', yLabel: 'y<1', logY: true });
    expect(svg).toContain('>R&amp;D &lt;data&gt;.csv</text>');
    expect(svg).toContain('>x &amp; t</text>');
    expect(svg).toContain('>y&lt;1</text>');
    expect(svg).toContain('>fit &lt;a&amp;b&gt;</text>');
    // Every & left in the picture starts an entity.
    expect(svg.match(/&(?!amp;|lt;|gt;|quot;|#)/g)).toBeNull();
  });
});
