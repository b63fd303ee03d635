/**
 * Live canvas frames: ticks, colours, and what a frame draws for the app's own figures, through
 * a context that records the calls instead of painting.
 */
import { describe, expect, it } from 'vitest';
import {
  drawFigure,
  logTicks,
  niceTicks,
  tickLabel,
  viridis,
  type Ctx,
} from '../../src/lib/canvas-chart';
import { curvesFigure, viewFigure, type Figure } from '../../src/lib/figures';
import { getExperiment } from '../../experiments/registry';

interface Recorded {
  texts: { text: string; x: number; y: number }[];
  /** one entry per stroke or fill: the points of the path and the style at that moment */
  paths: {
    op: 'stroke' | 'fill';
    style: string;
    dash: number[];
    points: [number, number][];
    moves: number;
  }[];
  rects: { x: number; y: number; w: number; h: number; style: string }[];
}

function recorder(): { ctx: Ctx; rec: Recorded } {
  const rec: Recorded = { texts: [], paths: [], rects: [] };
  let points: [number, number][] = [];
  let moves = 0;
  let dash: number[] = [];
  const ctx = {
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    font: '',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    globalAlpha: 1,
    save() {},
    restore() {},
    translate() {},
    rotate() {},
    clip() {},
    clearRect() {},
    beginPath() {
      points = [];
      moves = 0;
    },
    moveTo(x: number, y: number) {
      points.push([x, y]);
      moves++;
    },
    lineTo(x: number, y: number) {
      points.push([x, y]);
    },
    arc() {},
    rect() {},
    closePath() {},
    setLineDash(d: number[]) {
      dash = d;
    },
    stroke() {
      rec.paths.push({ op: 'stroke', style: String(ctx.strokeStyle), dash, points, moves });
    },
    fill() {
      rec.paths.push({ op: 'fill', style: String(ctx.fillStyle), dash, points, moves });
    },
    fillRect(x: number, y: number, w: number, h: number) {
      rec.rects.push({ x, y, w, h, style: String(ctx.fillStyle) });
    },
    fillText(text: string, x: number, y: number) {
      rec.texts.push({ text, x, y });
    },
    measureText(text: string) {
      return { width: 7 * text.length } as TextMetrics;
    },
  };
  return { ctx: ctx as unknown as Ctx, rec };
}

const frame = { width: 600, height: 400, dark: false };

describe('canvas chart frames', () => {
  it('picks 1-2-5 ticks, log decades and Plotly-like labels', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 2300, 5)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceTicks(-0.3, 0.3, 3)).toEqual([-0.2, 0, 0.2]);
    expect(logTicks(-3, 0)).toEqual([-3, -2, -1, 0]);
    expect(logTicks(-1, 0.5).map((u) => Number((10 ** u).toPrecision(3)))).toEqual([
      0.1, 0.2, 0.5, 1, 2,
    ]);
    expect([0.5, 1, 1.5].map((v) => tickLabel(v, 0.5))).toEqual(['0.5', '1', '1.5']);
    expect(tickLabel(20000, 5000)).toBe('20k');
    expect(tickLabel(1e-6, 1e-6)).toBe('1e-6');
    expect(viridis(0)).toBe('rgb(68,1,84)');
    expect(viridis(1)).toBe('rgb(253,231,37)');
    expect(viridis(-3)).toBe(viridis(0));
  });

  it('draws a curves chart: title, legend, one stroke per trace with a point per step, gaps not bridged', () => {
    const spec = getExperiment('contrastive');
    const chart = spec.charts.find((c) => c.kind === 'curves' && c.id === 'recovery') as Extract<
      (typeof spec.charts)[number],
      { kind: 'curves' }
    >;
    const history = [0, 50, 100, 150].map((step, i) => ({
      step,
      metrics: Object.fromEntries(
        chart.metrics
          .concat(chart.references ?? [])
          .map((k) => [k, i === 2 && k === chart.metrics[0] ? NaN : 0.2 + 0.2 * i]),
      ),
    }));
    const fig = curvesFigure(chart, spec, history);
    const { ctx, rec } = recorder();
    drawFigure(ctx, fig, frame);
    const texts = rec.texts.map((t) => t.text);
    expect(texts).toContain(chart.title);
    expect(texts).toContain('step');
    for (const t of fig.data) expect(texts).toContain(t.name); // legend entries
    const colour = (fig.data[0].line as { color: string }).color;
    const first = rec.paths.find(
      (p) => p.op === 'stroke' && p.style === colour && p.points.length > 2,
    )!;
    expect(first.points.length).toBe(3); // the NaN step is left out...
    expect(first.moves).toBe(2); // ...and the line restarts after it
    // every point inside the plot area (margins from the figure's layout)
    const m = fig.layout.margin as { l: number; r: number; t: number; b: number };
    for (const [x, y] of first.points) {
      expect(x).toBeGreaterThanOrEqual(m.l - 1e-6);
      expect(x).toBeLessThanOrEqual(frame.width - m.r + 1e-6);
      expect(y).toBeGreaterThanOrEqual(m.t - 1e-6);
      expect(y).toBeLessThanOrEqual(frame.height - m.b + 1e-6);
    }
    // later steps are further right; a higher value is higher up
    const pts = first.points;
    expect(pts[1][0]).toBeGreaterThan(pts[0][0]);
    expect(pts[1][1]).toBeLessThan(pts[0][1]);
    // dashed references stay dashed
    expect(
      rec.paths.some((p) => p.op === 'stroke' && p.dash.length > 0 && p.points.length === 4),
    ).toBe(true);
  });

  it('keeps a long legend inside the frame by giving up plot height, as Plotly does', () => {
    const names = [
      'Linear R^2',
      'MCC',
      'R^2, untrained encoder',
      'MCC, untrained encoder',
      'MCC of a random rotation',
    ];
    const fig: Figure = {
      data: names.map((name, i) => ({
        type: 'scatter',
        mode: 'lines',
        name,
        x: [0, 1],
        y: [i, i + 1],
        line: { color: `#00000${i}` },
      })),
      layout: {
        title: { text: 'Recovery', font: { size: 28 } },
        font: { size: 22 },
        margin: { l: 64, r: 16, t: 56, b: 138 },
      },
    };
    const { ctx, rec } = recorder();
    drawFigure(ctx, fig, { width: 500, height: 500, dark: false });
    const legend = rec.texts.filter((t) => names.includes(t.text));
    expect(legend.length).toBe(5);
    for (const t of legend) expect(t.y).toBeLessThanOrEqual(500 - 4);
    // and the curves (not the legend's flat samples) end above the legend
    const lowest = Math.max(
      ...rec.paths
        .filter(
          (p) =>
            p.op === 'stroke' &&
            p.points.length === 2 &&
            p.style.startsWith('#00000') &&
            p.points[0]![1] !== p.points[1]![1],
        )
        .flatMap((p) => p.points.map(([, y]) => y)),
    );
    expect(lowest).toBeLessThan(Math.min(...legend.map((t) => t.y)));
  });

  it('skips what a log axis cannot show and keeps dark text on dark', () => {
    const fig: Figure = {
      data: [
        {
          type: 'scatter',
          mode: 'lines',
          name: 'loss',
          x: [0, 1, 2, 3],
          y: [1, 0.1, -1, 0.01],
          line: { color: '#0072B2' },
        },
      ],
      layout: { title: { text: 'Loss' }, yaxis: { type: 'log' } },
    };
    const { ctx, rec } = recorder();
    drawFigure(ctx, fig, { ...frame, dark: true });
    const line = rec.paths.find((p) => p.style === '#0072B2')!;
    expect(line.points.length).toBe(3);
    expect(line.moves).toBe(2);
    expect(rec.texts.map((t) => t.text)).toEqual(
      expect.arrayContaining(['0.01', '0.1', '1', 'Loss']),
    );
    expect(rec.texts.map((t) => t.text)).not.toContain('loss'); // one trace: no legend, as Plotly
  });

  it('draws a heat map cell by cell in Viridis, with its colour bar, first row on top when reversed', () => {
    const z = [
      [0, 0.5],
      [1, 0.25],
      [0.75, 0],
    ];
    const fig = viewFigure(
      { kind: 'view', id: 'h', view: 'heatmap', title: 'cos', xTitle: 'atom', yTitle: 'feature' },
      { kind: 'heatmap', z, xLabels: ['a0', 'a1'], yLabels: ['f0', 'f1', 'f2'] },
      {},
    );
    const { ctx, rec } = recorder();
    drawFigure(ctx, fig, frame);
    const cells = rec.rects.filter((r) => r.w > 20);
    expect(cells.length).toBe(6);
    const yellow = cells.find((c) => c.style === viridis(1))!;
    const purple = cells.filter((c) => c.style === viridis(0));
    expect(purple.length).toBe(2);
    // z[1][0] = 1: second row from the top, first column
    const top = Math.min(...cells.map((c) => c.y));
    expect(yellow.y).toBeGreaterThan(top);
    expect(yellow.x).toBe(Math.min(...cells.map((c) => c.x)));
    expect(rec.rects.length - cells.length).toBe(40); // the colour bar
    expect(rec.texts.map((t) => t.text)).toEqual(
      expect.arrayContaining(['f0', 'f2', 'a0', 'a1', 'cos', 'atom', 'feature']),
    );
  });

  it('gives scatter panels with scaleanchor equal units on both axes', () => {
    const fig = viewFigure(
      { kind: 'view', id: 's', view: 'scatter-grid', title: 'latents' },
      {
        kind: 'scatter-grid',
        panels: [{ title: 'p', x: [0, 4], y: [0, 1], xLabel: 'x', yLabel: 'y' }],
      },
      {},
    );
    const { ctx, rec } = recorder();
    const calls: [number, number][] = [];
    const arc = ctx.arc;
    (ctx as unknown as { arc: (x: number, y: number) => void }).arc = (x: number, y: number) => {
      calls.push([x, y]);
      arc.call(ctx, x, y, 1, 0, 1);
    };
    drawFigure(ctx, fig, frame);
    expect(calls.length).toBe(2);
    const [[x0, y0], [x1, y1]] = calls;
    // 4 units across and 1 up: the same pixels per unit
    expect(Math.abs(x1 - x0) / 4).toBeCloseTo(Math.abs(y1 - y0) / 1, 6);
    // by widening the narrow range, not by pushing points out of the plot
    const m = fig.layout.margin as { l: number; r: number; t: number; b: number };
    for (const [x, y] of calls) {
      expect(x).toBeGreaterThanOrEqual(m.l);
      expect(x).toBeLessThanOrEqual(frame.width - m.r);
      expect(y).toBeGreaterThanOrEqual(m.t);
      expect(y).toBeLessThanOrEqual(frame.height - m.b);
    }
    expect(rec.texts.map((t) => t.text)).toContain('p');
  });
});
