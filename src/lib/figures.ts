/**
 * Chart specs and run data -> plain Plotly figure objects. Pure (no Plotly import), so it is
 * testable in Node; LiveChart is the only code that hands these to Plotly.
 */
import type { Claim } from '../../experiments/core/claims';
import {
  labelAt,
  type ChartSpec,
  type ExperimentSpec,
  type MetricPoint,
  type Params,
  type ParamValue,
  type ViewData,
  type ViewLimits,
} from '../../experiments/core/spec';
import type { Band, SweepPoint } from '../../experiments/core/study';

export interface Figure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
}

/** Okabe & Ito's colour-blind-safe palette. */
export const PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#F0E442',
  '#000000',
];
const MAX_POINTS = 2000;

/**
 * How much the app draws of a view: scatter panels of 300 points (drawn on every live frame, and as
 * SVG markers once Plotly takes over) and heat maps of at most 64 x 64 cells. The trainers read it.
 */
export const VIEW_LIMITS: ViewLimits = { points: 300, cells: 64 };

const baseLayout = (title: string): Record<string, unknown> => ({
  title: { text: title, font: { size: 18 } },
  font: { size: 14 },
  margin: { l: 64, r: 16, t: 56, b: 56 },
  paper_bgcolor: 'rgba(0,0,0,0)',
  plot_bgcolor: 'rgba(0,0,0,0)',
  legend: { orientation: 'h', y: -0.28, x: 0 },
});

function decimate(points: MetricPoint[]): MetricPoint[] {
  if (points.length <= MAX_POINTS) return points;
  const stride = Math.ceil(points.length / MAX_POINTS);
  const out = points.filter((_, i) => i % stride === 0);
  if (out.at(-1) !== points.at(-1)) out.push(points.at(-1)!);
  return out;
}

/** What a curves chart can show besides the live run. */
export interface CurveExtras {
  /** Mean ± sd over finished seeds, per metric. */
  bands?: Record<string, Band>;
  bandRuns?: number;
  /** Pinned runs from the history, drawn dotted. */
  overlays?: { name: string; history: MetricPoint[] }[];
  /** What the run on screen is called beside a band (default "live run"). */
  current?: string;
  /** The preset's claims: each one on a drawn metric gets its threshold as a line. */
  claims?: readonly Claim[];
}

const rgba = (hex: string, a: number) =>
  `rgba(${parseInt(hex.slice(1, 3), 16)},${parseInt(hex.slice(3, 5), 16)},${parseInt(hex.slice(5, 7), 16)},${a})`;

/** Pinned runs, told apart by their dash; the legend names at most this many per metric. */
const OVERLAY_DASHES = ['dot', 'dash', 'dashdot', 'longdash'] as const;
const MAX_OVERLAY_LEGEND = 4;

const OP_TEXT: Record<string, string> = { '>=': '≥', '<=': '≤' };

/** Marks an annotation as a line's end label (Plotly accepts `name` on annotations). */
const END_LABEL = 'end-label';

/** The few words at a reference line's end: what kind of baseline it is, or the metric's short name. */
export function shortLabel(key: string, spec: ExperimentSpec): string {
  const short = spec.metrics[key]?.short;
  if (short) return short;
  if (key.endsWith('_raw')) return 'raw x';
  if (key.endsWith('_untrained')) return 'untrained';
  if (key.endsWith('_chance')) return 'chance';
  return spec.metrics[key]?.label ?? key;
}

/**
 * Lay out a figure's end labels for a chart `height` px tall: nudged apart vertically so none
 * overlaps another (at least one line of text between centres), and the right margin widened to
 * hold the longest. Pure; the canvas frame and Plotly both read the result.
 */
export function placeEndLabels(fig: Figure, height: number): Figure {
  const L = fig.layout;
  const labels = ((L.annotations as Record<string, unknown>[] | undefined) ?? []).filter(
    (a) => a.name === END_LABEL,
  );
  if (!labels.length) return fig;
  const font = Number((L.font as { size?: number } | undefined)?.size ?? 14);
  const margin = { l: 64, r: 16, t: 56, b: 56, ...((L.margin as object) ?? {}) } as Record<
    'l' | 'r' | 't' | 'b',
    number
  >;
  const plotPx = Math.max(40, height - margin.t - margin.b);
  const yaxis = (L.yaxis as { range?: number[]; type?: string } | undefined) ?? {};
  const log = yaxis.type === 'log';
  let [lo, hi] = yaxis.range ?? [Infinity, -Infinity];
  if (!yaxis.range) {
    for (const t of fig.data)
      for (const v of (t.y as unknown[] | undefined) ?? []) {
        if (typeof v !== 'number' || !Number.isFinite(v) || (log && v <= 0)) continue;
        const u = log ? Math.log10(v) : v;
        lo = Math.min(lo, u);
        hi = Math.max(hi, u);
      }
    for (const a of labels) {
      lo = Math.min(lo, a.y as number);
      hi = Math.max(hi, a.y as number);
    }
  }
  const span = hi > lo ? hi - lo : 1;
  const gap = (font * 1.4) / plotPx; // in fractions of the plot's height (a line box and a little)
  const order = labels
    .map((a, i) => ({ i, f: ((a.y as number) - lo) / span }))
    .sort((a, b) => a.f - b.f);
  // Kept half a line inside the plot (clear of the x tick labels below and the title above),
  // pushed upwards past each lower neighbour, then back down from the top if that left the plot.
  const placed = order.map((o) => Math.min(Math.max(o.f, gap / 2), 1 - gap / 2));
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + gap);
  const top = Math.max(1 - gap / 2, Math.min(order.at(-1)!.f, 1 - gap / 2));
  if (placed.at(-1)! > top) {
    placed[placed.length - 1] = top;
    for (let k = placed.length - 2; k >= 0; k--)
      placed[k] = Math.min(placed[k], placed[k + 1] - gap);
  }
  const shifts = new Map(order.map((o, k) => [o.i, (placed[k] - o.f) * plotPx]));
  let i = 0;
  const longest = Math.max(...labels.map((a) => String(a.text).length));
  return {
    data: fig.data,
    layout: {
      ...L,
      margin: { ...margin, r: Math.max(margin.r, Math.ceil(longest * font * 0.6) + 12) },
      annotations: ((L.annotations as Record<string, unknown>[]) ?? []).map((a) =>
        a.name === END_LABEL ? { ...a, yshift: Math.round(shifts.get(i++) ?? 0) } : a,
      ),
    },
  };
}

/** One entry of a chart's legend, as the page draws it below the chart. */
export interface LegendEntry {
  name: string;
  color: string;
  dash: string;
  kind: 'line' | 'bar' | 'marker';
}

/** The legend of a figure: the traces that have an entry, as Plotly would list them (none for a single trace). */
export function legendEntries(fig: Figure): LegendEntry[] {
  if (fig.layout.showlegend === false) return [];
  const entries = fig.data
    .filter((t) => t.showlegend !== false && t.type !== 'heatmap' && t.name)
    .map((t) => {
      const line = (t.line as { color?: string; dash?: string } | undefined) ?? {};
      const marker = (t.marker as { color?: string } | undefined) ?? {};
      return {
        name: String(t.name),
        color: String(line.color ?? marker.color ?? '#777777'),
        dash: String(line.dash ?? 'solid'),
        kind: t.type === 'bar' ? 'bar' : String(t.mode ?? '') === 'markers' ? 'marker' : 'line',
      } satisfies LegendEntry;
    });
  return entries.length > 1 ? entries : [];
}

/**
 * A figure as exported (PNG, SVG): Plotly's own legend at the bottom of the image, in a margin
 * sized for its rows, below the x axis title. On screen the page draws the legend instead.
 */
export function withLegend(fig: Figure, width: number): Figure {
  const entries = legendEntries(fig);
  if (!entries.length) return fig;
  const font = Number((fig.layout.font as { size?: number } | undefined)?.size ?? 14);
  const perRow = Math.max(1, Math.floor(width / (font * 18)));
  const rows = Math.ceil(entries.length / perRow);
  const margin = (fig.layout.margin as { b?: number } | undefined) ?? {};
  return {
    data: fig.data,
    layout: {
      ...fig.layout,
      showlegend: true,
      legend: {
        orientation: 'h',
        x: 0,
        xanchor: 'left',
        y: 0,
        yref: 'container',
        yanchor: 'bottom',
      },
      margin: { ...margin, b: (margin.b ?? 56) + Math.ceil(rows * font * 1.6) + 8 },
    },
  };
}

/** A log axis labelled at decades only (1, 10, 100), not at Plotly's 2 and 5 in between. */
const DECADES = { dtick: 1, exponentformat: 'power' } as const;

export function curvesFigure(
  chart: Extract<ChartSpec, { kind: 'curves' }>,
  spec: ExperimentSpec,
  history: MetricPoint[],
  extras: CurveExtras = {},
): Figure {
  const pts = decimate(history);
  const x = pts.map((p) => p.step);
  const label = (key: string) => spec.metrics[key]?.label ?? key;
  const data: Record<string, unknown>[] = [];
  const annotations: Record<string, unknown>[] = [];
  /** The last drawn value of each metric (live run, else the band's mean), for its end label. */
  const ends: { key: string; y: number; color: string }[] = [];
  const lastOf = (ys: readonly unknown[]) =>
    [...ys].reverse().find((v): v is number => typeof v === 'number' && Number.isFinite(v));
  chart.metrics.forEach((key, i) => {
    const color = PALETTE[i % PALETTE.length];
    const b = extras.bands?.[key];
    if (b && b.step.length) {
      data.push({
        type: 'scatter',
        mode: 'lines',
        x: b.step,
        y: b.hi,
        line: { width: 0, color },
        hoverinfo: 'skip',
        showlegend: false,
        legendgroup: `band:${key}`,
        name: `${label(key)} +1 sd`,
      });
      data.push({
        type: 'scatter',
        mode: 'lines',
        x: b.step,
        y: b.lo,
        line: { width: 0, color },
        fill: 'tonexty',
        fillcolor: rgba(color, 0.22),
        hoverinfo: 'skip',
        showlegend: false,
        legendgroup: `band:${key}`,
        name: `${label(key)} -1 sd`,
      });
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: `${label(key)}: mean ± sd of ${extras.bandRuns ?? ''} runs`.replace(' of  runs', ''),
        legendgroup: `band:${key}`,
        x: b.step,
        y: b.mean,
        line: { color, width: 2 },
      });
    }
    // A loss term this setting does not have (NaN throughout) gets no trace and no legend entry.
    const present = pts.some((p) => Number.isFinite(p.metrics[key]));
    const end = present ? lastOf(pts.map((p) => p.metrics[key])) : b ? lastOf(b.mean) : undefined;
    if (end !== undefined) ends.push({ key, y: end, color });
    if (present) {
      data.push({
        type: 'scatter',
        mode: pts.length < 3 ? 'lines+markers' : 'lines',
        name: b ? `${label(key)} (${extras.current ?? 'live run'})` : label(key),
        x,
        y: pts.map((p) => p.metrics[key] ?? null),
        line: { color, width: 3 },
      });
    }
    // Each pinned run its own dash; past MAX_OVERLAY_LEGEND runs the legend counts the rest.
    const overlays = extras.overlays ?? [];
    overlays.forEach((o, j) => {
      const op = decimate(o.history);
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: `${label(key)} · ${o.name}`,
        x: op.map((p) => p.step),
        y: op.map((p) => p.metrics[key] ?? null),
        line: { color, width: 2, dash: OVERLAY_DASHES[j % OVERLAY_DASHES.length] },
        ...(j >= MAX_OVERLAY_LEGEND ? { showlegend: false } : {}),
      });
    });
    if (overlays.length > MAX_OVERLAY_LEGEND)
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: `${label(key)} · ${overlays.length - MAX_OVERLAY_LEGEND} more pinned runs`,
        x: [],
        y: [],
        line: { color, width: 2, dash: 'dot' },
      });
  });
  /** A line's name at its right end, in the line's colour (placed by placeEndLabels). */
  const endLabel = (text: string, y: number, color: string) => {
    const u = chart.logY ? (y > 0 ? Math.log10(y) : NaN) : y;
    if (Number.isFinite(u))
      annotations.push({
        name: END_LABEL,
        text,
        xref: 'paper',
        x: 1,
        xanchor: 'left',
        xshift: 6,
        yref: 'y',
        y: u,
        yanchor: 'middle',
        showarrow: false,
        font: { color },
      });
  };
  /** References that are no drawn metric's baseline: grey, each its own dash. */
  let other = 0;
  const OTHER_DASHES = ['dash', 'dot', 'dashdot', 'longdash'] as const;
  for (const key of chart.references ?? []) {
    // A baseline of a drawn metric (metric/r2_raw of metric/r2) takes that metric's colour, dotted
    // for the raw observations and dashed for the untrained encoder; any other reference is grey.
    const of = chart.metrics.findIndex((m) => key.startsWith(`${m}_`));
    const kind = key.endsWith('_raw') ? 'dot' : key.endsWith('_untrained') ? 'dash' : 'dashdot';
    const color = of >= 0 ? PALETTE[of % PALETTE.length] : '#777777';
    const y = pts.map((p) => p.metrics[key] ?? null);
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: label(key),
      x,
      y,
      line: {
        color,
        width: 2,
        dash: of >= 0 ? kind : OTHER_DASHES[other++ % OTHER_DASHES.length],
      },
    });
    const last = [...y].reverse().find((v): v is number => v !== null && Number.isFinite(v));
    if (last !== undefined) endLabel(shortLabel(key, spec), last, color);
  }
  // A claim's threshold on the chart of its metric, in the metric's colour, long-dashed.
  if (x.length)
    for (const c of extras.claims ?? []) {
      const i = chart.metrics.indexOf(c.metric);
      if (i < 0) continue;
      const values = Array.isArray(c.value) ? c.value : [c.value];
      const color = PALETTE[i % PALETTE.length];
      values.forEach((v, k) => {
        const bound = `${c.op === 'between' ? (k === 0 ? '≥' : '≤') : (OP_TEXT[c.op] ?? c.op)} ${v}`;
        data.push({
          type: 'scatter',
          mode: 'lines',
          name: `claim: ${label(c.metric)} ${bound}`,
          x: [x[0], x.at(-1)],
          y: [v, v],
          line: { color, width: 1.5, dash: 'longdash' },
          hoverinfo: 'name',
        });
        endLabel(`claim ${bound}`, v, color);
      });
    }
  // The metrics' own lines are named at their end too once a chart has more than one line.
  if (data.filter((t) => t.showlegend !== false).length > 1)
    for (const e of ends) endLabel(shortLabel(e.key, spec), e.y, e.color);
  return {
    data,
    layout: {
      ...baseLayout(chart.title),
      margin: { l: 64, r: 16, t: 56, b: 56 },
      annotations,
      xaxis: { title: { text: 'step', standoff: 4 }, zeroline: false, rangemode: 'tozero' },
      yaxis: {
        range: chart.yRange,
        type: chart.logY ? 'log' : 'linear',
        zeroline: false,
        ...(chart.logY ? logTicks(data) : {}),
      },
    },
  };
}

/**
 * Decades on a log axis; when the curves span less than two of them, Plotly's small 2 and 5
 * digits between them too, so the axis is not left with a single label.
 */
function logTicks(data: Record<string, unknown>[]): Record<string, unknown> {
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of data)
    for (const v of (t.y as unknown[] | undefined) ?? [])
      if (typeof v === 'number' && v > 0) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  const decades = hi >= lo ? Math.floor(Math.log10(hi)) - Math.ceil(Math.log10(lo)) + 1 : 0;
  return decades >= 2 ? DECADES : { dtick: 'D2', exponentformat: 'power' };
}

/** Final metrics against a swept value: mean over seeds with ±1 sd bars. */
export function sweepFigure(
  key: string,
  label: string,
  metrics: { key: string; label: string; points: SweepPoint[] }[],
  logX = false,
): Figure {
  const numeric = metrics[0]?.points.every((p) => typeof p.value === 'number') ?? false;
  const xs = (pts: SweepPoint[]) =>
    pts.map((p) => (numeric ? p.value : String(p.value))) as ParamValue[];
  return {
    data: metrics.map((m, i) => ({
      type: 'scatter',
      mode: 'lines+markers',
      name: m.label,
      x: xs(m.points),
      y: m.points.map((p) => (Number.isFinite(p.summary.mean) ? p.summary.mean : null)),
      error_y: {
        type: 'data',
        array: m.points.map((p) => (Number.isFinite(p.summary.sd) ? p.summary.sd : 0)),
        visible: true,
      },
      line: { color: PALETTE[i % PALETTE.length], width: 3 },
      marker: { size: 9 },
    })),
    layout: {
      ...baseLayout(`Final metrics against ${label}`),
      margin: { l: 64, r: 16, t: 56, b: 96 },
      xaxis: {
        title: { text: label.includes(key) ? label : `${label} (${key})` },
        type: numeric ? (logX ? 'log' : 'linear') : 'category',
        ...(numeric && logX ? DECADES : {}),
        ...(numeric ? { tickvals: metrics[0]?.points.map((p) => p.value) } : {}),
      },
      yaxis: { title: { text: 'mean ± sd over seeds' }, zeroline: false },
    },
  };
}

/**
 * The empty frame of a chart (title, no data): drawn when the page opens, so Plotly builds each
 * chart's DOM while the page is read instead of in the middle of a run.
 */
export function skeletonFigure(title: string): Figure {
  return {
    data: [],
    layout: {
      ...baseLayout(title),
      xaxis: { showticklabels: false, zeroline: false },
      yaxis: { showticklabels: false, zeroline: false },
    },
  };
}

/** The figure of a view chart: the spec's titles at this setting, the trainer's data. */
export function viewFigure(
  chart: Extract<ChartSpec, { kind: 'view' }>,
  view: ViewData,
  params: Params,
): Figure {
  const title = labelAt(chart.title, params) + (view.of ? `: ${view.of}` : '');
  const xTitle = labelAt(chart.xTitle, params);
  const yTitle = labelAt(chart.yTitle, params);
  if (view.kind === 'bars') {
    return {
      data: view.series.map((s, i) => ({
        type: 'bar',
        name: s.name,
        x: view.categories,
        y: s.values,
        marker: { color: i === 0 ? '#555555' : PALETTE[(i - 1) % PALETTE.length] },
      })),
      layout: {
        ...baseLayout(title),
        barmode: 'group',
        // Category names such as "16" or "32" would otherwise be read as numbers and placed on
        // a linear axis, their labels crowding each other.
        xaxis: { type: 'category', title: { text: xTitle } },
        yaxis: { title: { text: yTitle }, zeroline: true },
        margin: { l: 64, r: 16, t: 56, b: 96 },
      },
    };
  }
  if (view.kind === 'lines') {
    return {
      data: view.series.map((s, i) => ({
        type: 'scatter',
        mode: 'lines+markers',
        name: s.name,
        x: view.x,
        y: s.y,
        line: { color: PALETTE[i % PALETTE.length], width: 3 },
      })),
      layout: {
        ...baseLayout(title),
        margin: { l: 64, r: 16, t: 56, b: 96 },
        xaxis: {
          title: { text: xTitle },
          type: chart.logX ? 'log' : 'linear',
          ...(chart.logX ? DECADES : {}),
        },
        yaxis: { title: { text: yTitle }, rangemode: 'tozero' },
      },
    };
  }
  if (view.kind === 'heatmap') {
    const small = view.z.length <= 10;
    return {
      data: [
        {
          type: 'heatmap',
          z: view.z,
          x: view.xLabels,
          y: view.yLabels,
          zmin: (chart.zRange ?? [0, 1])[0],
          zmax: (chart.zRange ?? [0, 1])[1],
          colorscale: 'Viridis',
          ...(small ? { texttemplate: '%{z:.2f}', textfont: { size: 13 } } : {}),
          hovertemplate: '%{y} vs %{x}: %{z:.3f}<extra></extra>',
        },
      ],
      // Fixed margins, not automargin: with dozens of category labels automargin measures them
      // and lays the chart out again, which made this the slowest draw of a live run.
      layout: {
        ...baseLayout(title),
        margin: { l: 80, r: 16, t: 56, b: 80 },
        xaxis: { title: { text: xTitle }, type: 'category' },
        yaxis: { title: { text: yTitle }, type: 'category', autorange: 'reversed' },
      },
    };
  }
  const n = view.panels.length;
  const layout: Record<string, unknown> = {
    ...baseLayout(title),
    margin: { l: 64, r: 16, t: 80, b: 56 },
    grid: { rows: 1, columns: n, pattern: 'independent', xgap: 0.12 },
    showlegend: false,
    annotations: [],
  };
  const data = view.panels.map((p, i) => {
    const ax = i === 0 ? '' : String(i + 1);
    layout[`xaxis${ax}`] = { title: { text: p.xLabel }, zeroline: false };
    layout[`yaxis${ax}`] = { title: { text: p.yLabel }, zeroline: false, scaleanchor: `x${ax}` };
    (layout.annotations as unknown[]).push({
      text: p.title,
      xref: `x${ax} domain`,
      yref: `y${ax} domain`,
      x: 0.5,
      y: 1.08,
      showarrow: false,
      font: { size: 14 },
    });
    return {
      type: 'scatter',
      mode: 'markers',
      x: p.x,
      y: p.y,
      xaxis: `x${ax}`,
      yaxis: `y${ax}`,
      marker: { size: 4, opacity: 0.5, color: PALETTE[i % PALETTE.length] },
      hoverinfo: 'skip',
    };
  });
  return { data, layout };
}

export interface DataTableView {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
  /** Rows left out (the table shows an even sample of long series). */
  omitted: number;
}

const cellOf = (v: unknown): string | number =>
  typeof v === 'number'
    ? Number.isFinite(v)
      ? Number(v.toPrecision(4))
      : 'n/a'
    : v === null || v === undefined
      ? 'n/a'
      : String(v);

/** A text alternative for a figure: one table per trace (x, y; or a heat map's matrix). */
export function figureTables(fig: Figure, maxRows = 60): DataTableView[] {
  const out: DataTableView[] = [];
  for (const t of fig.data) {
    const name = String(t.name ?? (t.type === 'heatmap' ? 'values' : 'series'));
    if (t.showlegend === false && t.hoverinfo === 'skip' && String(t.name ?? '').includes('sd'))
      continue; // band edges
    if (t.type === 'heatmap') {
      const z = t.z as number[][];
      const xs = (t.x as string[]) ?? z[0]?.map((_, j) => String(j));
      const ys = (t.y as string[]) ?? z.map((_, i) => String(i));
      out.push({
        caption: name,
        columns: ['', ...xs.map(String)],
        rows: z.slice(0, maxRows).map((row, i) => [String(ys[i]), ...row.map(cellOf)]),
        omitted: Math.max(0, z.length - maxRows),
      });
      continue;
    }
    const x = (t.x as unknown[]) ?? [];
    const y = (t.y as unknown[]) ?? [];
    const n = Math.min(x.length, y.length);
    const stride = Math.max(1, Math.ceil(n / maxRows));
    const idx: number[] = [];
    for (let i = 0; i < n; i += stride) idx.push(i);
    if (n && idx.at(-1) !== n - 1) idx.push(n - 1);
    const err = (t.error_y as { array?: number[] } | undefined)?.array;
    const rows = idx.map((i) => [cellOf(x[i]), cellOf(y[i]), ...(err ? [cellOf(err[i])] : [])]);
    out.push({
      caption: name,
      columns: ['x', 'y', ...(err ? ['sd'] : [])],
      rows,
      omitted: n - rows.length,
    });
  }
  return out;
}

/** Width in px of a text at a font size (the page measures with a canvas; tests estimate). */
export type Measure = (text: string, size: number) => number;

/** Greedy word wrap into lines no wider than `max` px (a word longer than that gets its own line). */
export function wrapText(text: string, max: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  // Breaks at spaces, and after a hyphen or a comma inside a word ("Pseudo-|inverse").
  for (const word of text
    .split(/\s+/)
    .flatMap((w) => w.split(/(?<=[-,])(?=.)/))
    .filter(Boolean)) {
    const glue = line && !/[-]$/.test(line) ? ' ' : '';
    const next = line ? `${line}${glue}${word}` : word;
    if (line && measure(next, size) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const textOf = (t: unknown): string =>
  typeof t === 'string' ? t : String((t as { text?: unknown } | undefined)?.text ?? '');

/**
 * Fit a figure's text to the size it is drawn at, so no text overlaps other text or leaves the
 * chart: the title, panel titles and axis titles wrapped to their width (margins grown to hold the
 * lines); bar categories wrapped under their bar; heat-map categories thinned to every k-th and
 * the left margin widened to the longest; y tick labels kept off the x axis's first label; in
 * presenter sizes, margins grown with the type. Pure; `measure` gives text widths.
 */
export function fitLayout(
  fig: Figure,
  width: number,
  height: number,
  measureText: Measure,
): Figure {
  // Plotly's text comes out a little wider than the canvas measures it: fit with room to spare.
  const measure: Measure = (text, size) => measureText(text, size) * 1.08;
  const L: Record<string, unknown> = { ...fig.layout };
  const font = Number((L.font as { size?: number } | undefined)?.size ?? 14);
  const titleFont = Number(
    ((L.title as { font?: { size?: number } } | undefined)?.font?.size ?? font * 1.3) as number,
  );
  const scale = font / 14; // presenter sizes grow the type: the margins grow with it
  const m0 = { l: 64, r: 16, t: 56, b: 56, ...((L.margin as object) ?? {}) } as Record<
    'l' | 'r' | 't' | 'b',
    number
  >;
  const margin = {
    l: Math.round(m0.l * scale),
    r: m0.r,
    t: Math.round(m0.t * Math.max(1, scale * 0.9)),
    b: Math.round(m0.b * scale),
  };
  const lineH = (size: number) => Math.ceil(size * 1.25);
  // The title, wrapped to the chart's width.
  const title = textOf(L.title);
  if (title) {
    const lines = wrapText(title, width - 24, titleFont, measure);
    // Pinned to the top (not centred in the margin), so the panel titles below it have their room.
    L.title = {
      ...((L.title as object) ?? {}),
      text: lines.join('<br>'),
      yref: 'container',
      y: 1,
      yanchor: 'top',
      // Plotly centres the lines after the first about the anchor: the pad makes up for it.
      pad: { t: 10 + Math.round(((lines.length - 1) * lineH(titleFont)) / 2) },
    };
    // (the top y tick label reaches half a line above the plot)
    margin.t = Math.max(
      margin.t,
      10 + lines.length * lineH(titleFont) + Math.ceil(font * 0.7) + 12,
    );
  }
  const heat = fig.data.find((t) => t.type === 'heatmap');
  const bars = fig.data.some((t) => t.type === 'bar');
  const plotW = () => Math.max(40, width - margin.l - margin.r - (heat ? 22 + font * 3.2 : 0));
  const plotH = () => Math.max(40, height - margin.t - margin.b);
  const gridCols = Number((L.grid as { columns?: number } | undefined)?.columns ?? 1);
  // Heat maps: the longest y category sets the left margin (the labels are thinned at the end).
  if (heat) {
    const ys = ((heat.y as unknown[] | undefined) ?? []).map(String);
    const yTitle = textOf((L.yaxis as { title?: unknown } | undefined)?.title);
    const longest = Math.max(0, ...ys.map((s) => measure(s, font)));
    margin.l = Math.max(margin.l, Math.ceil(longest + 10 + (yTitle ? lineH(font * 1.15) + 6 : 0)));
  }
  // Bars: each category's name wrapped to its bar group's width, in smaller type if a word is
  // wider than that, and turned upright if even that does not fit.
  if (bars) {
    const cats = [...new Set(fig.data.flatMap((t) => ((t.x as unknown[]) ?? []).map(String)))];
    const per = plotW() / Math.max(1, cats.length) - 6;
    const widest = (ls: string[][], size: number) =>
      Math.max(0, ...ls.flat().map((l) => measure(l, size)));
    let size = font;
    let wrapped = cats.map((c) => wrapText(c, per, size, measure));
    if (widest(wrapped, size) > per) {
      size = Math.max(10, Math.floor((font * per) / widest(wrapped, font)));
      wrapped = cats.map((c) => wrapText(c, per, size, measure));
    }
    const upright = widest(wrapped, size) > per;
    const lines = Math.max(1, ...wrapped.map((w) => w.length));
    L.xaxis = {
      ...((L.xaxis as object) ?? {}),
      tickangle: upright ? -90 : 0,
      tickfont: { size },
      tickvals: cats,
      ticktext: upright ? cats : wrapped.map((w) => w.join('<br>')),
    };
    margin.b += upright
      ? Math.ceil(Math.max(0, ...cats.map((c) => measure(c, size))) - size)
      : (lines - 1) * lineH(size);
  }
  // A grid's gaps hold each panel's y tick labels and y title, clear of the panel to its left.
  if (gridCols > 1) {
    const titleLines = Math.max(
      1,
      ...Object.keys(L)
        .filter((k) => /^yaxis\d+$/.test(k))
        .map((k) => textOf((L[k] as { title?: unknown }).title).split('<br>').length),
    );
    const need = measure('−0.00', font) + 16 + titleLines * lineH(font * 1.15);
    const cell = plotW() / gridCols;
    const grid = L.grid as { xgap?: number };
    const xgap = Math.min(0.5, Math.max(grid.xgap ?? 0.1, need / cell));
    L.grid = { ...grid, xgap };
    // Narrow panels get fewer x ticks, so their labels stay apart.
    const nticks = Math.max(2, Math.floor((cell * (1 - xgap)) / (measure('−0.0', font) * 2.2)));
    for (const k of Object.keys(L).filter((key) => /^xaxis\d*$/.test(key)))
      L[k] = { ...(L[k] as object), nticks };
  }
  const panelW = () => {
    const xgap = Number((L.grid as { xgap?: number } | undefined)?.xgap ?? 0);
    return (plotW() / Math.max(1, gridCols)) * (1 - xgap) - 8;
  };
  // Panel titles (annotations on a subplot's domain), wrapped to the panel's width.
  // They sit just above their panel; the top margin holds the chart's title above them.
  if (Array.isArray(L.annotations)) {
    let need = 0;
    const titleLines = textOf(L.title).split('<br>').length;
    L.annotations = (L.annotations as Record<string, unknown>[]).map((a) => {
      if (!String(a.xref ?? '').endsWith('domain')) return a;
      const base = Number((a.font as { size?: number } | undefined)?.size ?? font) * scale;
      // A word wider than the panel sets smaller type (it cannot wrap).
      const widestWord = Math.max(
        1,
        ...textOf(a.text)
          .split(/\s+/)
          .map((w) => measure(w, base)),
      );
      const size = Math.max(10, Math.min(base, Math.floor((base * panelW()) / widestWord)));
      const lines = wrapText(textOf(a.text), panelW(), size, measure);
      need = Math.max(
        need,
        22 + titleLines * lineH(titleFont) + lines.length * lineH(size) + Math.ceil(font * 0.6) + 8,
      );
      return {
        ...a,
        text: lines.join('<br>'),
        y: 1,
        yanchor: 'bottom',
        yshift: Math.ceil(font * 0.6),
        font: { ...((a.font as object) ?? {}), size },
      };
    });
    margin.t = Math.max(margin.t, Math.ceil(need));
  }
  // Axis titles wrapped to their panel's width (x) or the plot's height (y).
  for (const key of Object.keys(L).filter((k) => /^[xy]axis\d*$/.test(k))) {
    const ax = L[key] as { title?: unknown } & Record<string, unknown>;
    const text = textOf(ax.title);
    if (!text) continue;
    const isX = key.startsWith('x');
    // An x title wraps downwards; a y title stays on one line (Plotly grows a wrapped one into
    // its tick labels) in smaller type if it must, clear of the panel titles above the plot.
    const room = isX ? plotW() / Math.max(1, gridCols) - 8 : plotH() * 0.8;
    const lines = isX ? wrapText(text, room, font * 1.15, measure) : [text];
    const size = isX
      ? undefined
      : Math.max(10, Math.min(font, Math.floor((font * room) / measure(text, font))));
    L[key] = {
      ...ax,
      title: {
        ...((ax.title as object) ?? {}),
        text: lines.join('<br>'),
        ...(size !== undefined && size < font ? { font: { size } } : {}),
      },
      // The y tick labels stand off the axis, clear of the x axis's first label.
      ...(!isX && !heat ? { ticklabelstandoff: Math.round(font * 0.5) } : {}),
    };
    if (isX) margin.b += (lines.length - 1) * lineH(font * 1.15);
    else margin.l += (lines.length - 1) * lineH(font * 1.15);
  }
  for (const key of Object.keys(L).filter((k) => /^yaxis\d*$/.test(k))) {
    const ax = L[key] as Record<string, unknown>;
    if (!heat && ax.ticklabelstandoff === undefined)
      L[key] = { ...ax, ticklabelstandoff: Math.round(font * 0.5) };
  }
  // A numeric x axis gets as many ticks as its labels have room for.
  for (const key of Object.keys(L).filter((k) => /^xaxis\d*$/.test(k))) {
    const ax = L[key] as Record<string, unknown>;
    if (ax.type === 'category' || ax.nticks !== undefined || heat || bars) continue;
    L[key] = {
      ...ax,
      nticks: Math.max(
        2,
        Math.floor(plotW() / Math.max(1, gridCols) / (measure('0000', font) * 2)),
      ),
    };
  }
  // Heat maps last, once every margin is final: crowded categories thinned to every k-th.
  if (heat) {
    const ys = ((heat.y as unknown[] | undefined) ?? []).map(String);
    const xs = ((heat.x as unknown[] | undefined) ?? []).map(String);
    const widest = Math.max(0, ...xs.map((s) => measure(s, font)));
    const kx = Math.max(1, Math.ceil((xs.length * (widest + 8)) / plotW()));
    const ky = Math.max(1, Math.ceil((ys.length * lineH(font) * 1.1) / plotH()));
    L.xaxis = { ...((L.xaxis as object) ?? {}), dtick: kx, tickangle: 0 };
    L.yaxis = { ...((L.yaxis as object) ?? {}), dtick: ky };
  }
  return { data: fig.data, layout: { ...L, margin } };
}
