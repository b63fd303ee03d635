/** Figures are pure data: bands, pinned overlays, skipped absent terms, sweep bars and the text tables. */
import { describe, expect, it } from 'vitest';
import {
  curvesFigure,
  viewFigure,
  figureTables,
  fitLayout,
  wrapText,
  legendEntries,
  placeEndLabels,
  sweepFigure,
  withLegend,
} from '../../src/lib/figures';
import { band, summarise } from '../../experiments/core/study';
import { getExperiment } from '../../experiments/registry';

const spec = getExperiment('contrastive');
const chart = spec.charts.find((c) => c.kind === 'curves' && c.id === 'loss') as Extract<
  (typeof spec.charts)[number],
  { kind: 'curves' }
>;
const hist = (v: number) =>
  [0, 50, 100].map((step, i) => ({
    step,
    metrics: { 'loss/infonce': v - i, 'loss/ce': NaN, 'loss/prediction': NaN, 'loss/sigreg': NaN },
  }));

describe('figures', () => {
  it('draws only the loss terms a setting has, bands over seeds and pinned runs dotted', () => {
    const fig = curvesFigure(chart, spec, hist(5), {
      bands: { 'loss/infonce': band([hist(5), hist(7)], 'loss/infonce') },
      bandRuns: 2,
      overlays: [{ name: 'run #3 (seed 1)', history: hist(9) }],
    });
    const names = fig.data.map((t) => String(t.name));
    expect(names.some((n) => n.startsWith('Cross-entropy') && !n.includes('·'))).toBe(false);
    expect(names).toContain('InfoNCE: mean ± sd of 2 runs');
    expect(names).toContain('InfoNCE (live run)');
    expect(names).toContain('InfoNCE · run #3 (seed 1)');
    const mean = fig.data.find((t) => t.name === 'InfoNCE: mean ± sd of 2 runs')!;
    expect(mean.y).toEqual([6, 5, 4]);
  });

  it('tells pinned runs apart by dash and caps their legend entries', () => {
    const overlays = Array.from({ length: 6 }, (_, i) => ({
      name: `run #${i} (seed 0): lr=0.0${i}`,
      history: hist(3 + i),
    }));
    const fig = curvesFigure(chart, spec, hist(5), { overlays });
    const pinned = fig.data.filter((t) => String(t.name).startsWith('InfoNCE · run #'));
    expect(pinned.map((t) => (t.line as { dash: string }).dash).slice(0, 4)).toEqual([
      'dot',
      'dash',
      'dashdot',
      'longdash',
    ]);
    expect(pinned.filter((t) => t.showlegend !== false)).toHaveLength(4);
    expect(fig.data.map((t) => t.name)).toContain('InfoNCE · 2 more pinned runs');
    expect(pinned[1].name).toBe('InfoNCE · run #1 (seed 0): lr=0.01');
  });

  it("draws a claim's threshold on the chart of its metric, not on others", () => {
    const recovery = spec.charts.find(
      (c) => c.kind === 'curves' && c.id === 'recovery',
    ) as typeof chart;
    const history = [0, 50].map((step) => ({
      step,
      metrics: { 'metric/r2': 0.5, 'metric/mcc': 0.4 },
    }));
    const claims = spec.claims.filter((c) => c.preset === 'sphere-vmf');
    const fig = curvesFigure(recovery, spec, history, { claims });
    const lines = fig.data.filter((t) => String(t.name).startsWith('claim'));
    expect(lines.map((t) => t.name)).toEqual(['claim: Linear R^2 ≥ 0.95']);
    expect(lines[0].y).toEqual([0.95, 0.95]);
    expect(lines[0].x).toEqual([0, 50]);
    expect(
      curvesFigure(chart, spec, hist(5), { claims }).data.some((t) =>
        String(t.name).startsWith('claim'),
      ),
    ).toBe(false);
  });

  it('labels each reference line and threshold at its right end, nudged apart so none overlaps', () => {
    const recovery = spec.charts.find(
      (c) => c.kind === 'curves' && c.id === 'recovery',
    ) as typeof chart;
    // raw x and untrained sit on the same value; the threshold just above them
    const history = [0, 50].map((step) => ({
      step,
      metrics: {
        'metric/r2': 0.5,
        'metric/mcc': 0.4,
        'metric/r2_raw': 0.9,
        'metric/r2_untrained': 0.9,
        'metric/mcc_raw': 0.3,
        'metric/mcc_untrained': 0.2,
        'metric/mcc_chance': 0.25,
      },
    }));
    const claims = spec.claims.filter((c) => c.preset === 'sphere-vmf');
    const fig = curvesFigure(recovery, spec, history, { claims });
    const labels = (fig.layout.annotations as { text: string; y: number }[]).map((a) => [
      a.text,
      a.y,
    ]);
    expect(labels).toEqual(
      expect.arrayContaining([
        ['raw x', 0.9],
        ['untrained', 0.9],
        ['chance', 0.25],
        ['claim ≥ 0.95', 0.95],
      ]),
    );
    const height = 360;
    const placed = placeEndLabels(fig, height);
    const L = placed.layout as {
      margin: { t: number; b: number; r: number };
      yaxis: { range: number[] };
      annotations: { y: number; yshift: number; text: string }[];
    };
    const plotPx = height - L.margin.t - L.margin.b;
    const [lo, hi] = L.yaxis.range;
    const px = L.annotations
      .map((a) => ((a.y - lo) / (hi - lo)) * plotPx + a.yshift)
      .sort((a, b) => a - b);
    for (let i = 1; i < px.length; i++) expect(px[i] - px[i - 1]).toBeGreaterThanOrEqual(16);
    // the right margin holds the longest label
    expect(L.margin.r).toBeGreaterThanOrEqual('claim ≥ 0.95'.length * 14 * 0.6);
  });

  it("lists the legend as Plotly would, and exports with Plotly's legend below the axis title", () => {
    const fig = curvesFigure(chart, spec, hist(5), {
      bands: { 'loss/infonce': band([hist(5), hist(7)], 'loss/infonce') },
      bandRuns: 2,
    });
    const entries = legendEntries(fig);
    expect(entries.map((e) => e.name)).toEqual([
      'InfoNCE: mean ± sd of 2 runs',
      'InfoNCE (live run)',
    ]);
    expect(entries[0]).toMatchObject({ kind: 'line', dash: 'solid' });
    const single = curvesFigure(chart, spec, hist(5));
    expect(legendEntries(single)).toEqual([]); // one trace: no legend
    const out = withLegend(fig, 1000);
    expect(out.layout).toMatchObject({
      showlegend: true,
      legend: { yref: 'container', y: 0, yanchor: 'bottom' },
    });
    expect((out.layout.margin as { b: number }).b).toBeGreaterThan(
      (fig.layout.margin as { b: number }).b,
    );
  });

  it('labels a log axis at decades only', () => {
    const fig = sweepFigure(
      'samples',
      'Training pairs',
      [{ key: 'metric/mcc', label: 'MCC', points: [] }],
      true,
    );
    expect(fig.layout.xaxis).toMatchObject({ type: 'log', dtick: 1 });
    const lin = sweepFigure('lr', 'lr', [{ key: 'metric/mcc', label: 'MCC', points: [] }], false);
    expect((lin.layout.xaxis as { dtick?: number }).dtick).toBeUndefined();
  });

  it('gives every chart a text table: sampled points, heat maps as matrices, sd for sweeps', () => {
    const long = Array.from({ length: 500 }, (_, i) => ({
      step: i,
      metrics: { 'loss/infonce': i },
    }));
    const [t] = figureTables(curvesFigure(chart, spec, long), 60);
    expect(t.columns).toEqual(['x', 'y']);
    expect(t.rows.length).toBeLessThanOrEqual(61);
    expect(t.rows.at(-1)).toEqual([499, 499]);
    const sweep = sweepFigure(
      'lr',
      'Learning rate',
      [
        {
          key: 'metric/mcc',
          label: 'MCC',
          points: [
            { value: 0.001, summary: summarise([0.8, 0.9]) },
            { value: 0.01, summary: summarise([0.95, 0.97]) },
          ],
        },
      ],
      true,
    );
    const [s] = figureTables(sweep);
    expect(s.columns).toEqual(['x', 'y', 'sd']);
    expect(s.rows[1][1]).toBeCloseTo(0.96, 6);
    expect((sweep.layout.xaxis as { type: string }).type).toBe('log');
    const heat = figureTables({
      data: [
        {
          type: 'heatmap',
          name: 'corr',
          z: [
            [1, 0],
            [0, 1],
          ],
          x: ['a', 'b'],
          y: ['c', 'd'],
        },
      ],
      layout: {},
    });
    expect(heat[0].rows).toEqual([
      ['c', 1, 0],
      ['d', 0, 1],
    ]);
  });

  it('fits text to the drawn size: titles wrapped, bar names wrapped or upright, heat maps thinned', () => {
    const measure = (t: string, size: number) => t.length * size * 0.6;
    expect(wrapText('Pseudo-inverse, oracle', 60, 10, measure)).toEqual([
      'Pseudo-',
      'inverse,',
      'oracle',
    ]);
    expect(wrapText('one two three', 1000, 10, measure)).toEqual(['one two three']);
    const title = 'A rather long chart title that cannot fit on a phone screen in one line';
    const fig = fitLayout(
      {
        data: [{ type: 'bar', x: ['Linear probe (supervised)', 'SAE encoder'], y: [1, 2] }],
        layout: {
          title: { text: title, font: { size: 18 } },
          font: { size: 14 },
          margin: { t: 56, b: 56 },
        },
      },
      360,
      380,
      measure,
    );
    const L = fig.layout as {
      title: { text: string; yanchor: string };
      margin: { t: number; b: number };
      xaxis: { ticktext: string[]; tickangle: number };
    };
    const lines = L.title.text.split('<br>');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(measure(l, 18)).toBeLessThanOrEqual(360 - 24);
    expect(L.margin.t).toBeGreaterThanOrEqual(10 + lines.length * Math.ceil(18 * 1.25));
    expect(L.xaxis.tickangle).toBe(0);
    expect(L.xaxis.ticktext[0]).toContain('<br>');
    expect(L.margin.b).toBeGreaterThan(56);
    // 64 heat-map columns on a narrow chart: every k-th label, and the left margin fits the rows
    const cats = Array.from({ length: 64 }, (_, i) => `a${i}`);
    const heat = fitLayout(
      {
        data: [{ type: 'heatmap', z: [[0]], x: cats, y: ['z0 (laplace)', 'z1 (laplace)'] }],
        layout: {
          font: { size: 14 },
          margin: { l: 80 },
          yaxis: { title: { text: 'true source' } },
        },
      },
      500,
      380,
      measure,
    ).layout as { xaxis: { dtick: number }; margin: { l: number } };
    expect(heat.xaxis.dtick).toBeGreaterThan(1);
    expect(heat.margin.l).toBeGreaterThan(measure('z0 (laplace)', 14));
  });

  it('places bar categories that read as numbers on a category axis, titled as the spec says', () => {
    const fig = viewFigure(
      { kind: 'view', id: 'dims', view: 'bars', title: 'Accuracy', xTitle: 'subspace dimension d' },
      { kind: 'bars', categories: ['16', '32', '256'], series: [{ name: 'a', values: [1, 2, 3] }] },
      {},
    );
    const x = fig.layout.xaxis as { type: string; title: { text: string } };
    expect(x.type).toBe('category');
    expect(x.title.text).toBe('subspace dimension d');
  });
});
