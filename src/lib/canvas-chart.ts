/**
 * Live frames of a chart on a 2D canvas, drawn from the same figure objects Plotly draws.
 *
 * Why: while a run trains, a chart changes several times a second. Plotly redraws an SVG chart
 * in one main-thread task of 20-150 ms on this project's 2-core test machine (npm run bench),
 * which is a long task and a stutter every time. A canvas frame of the same figure takes a few
 * milliseconds. LiveChart draws these frames while a run is live and hands the finished figure
 * to Plotly (hover, zoom, export) when the run stops or pauses.
 *
 * It reads the subset of Plotly's figure format that lib/figures.ts writes: scatter traces
 * (lines, markers, dashes, fill to the previous trace, error bars), grouped bars, heat maps with
 * a Viridis scale and optional cell text, linear / log / category axes with fixed or automatic
 * ranges (rangemode tozero, reversed, equal scales through scaleanchor), a one-row grid of
 * subplots, annotations placed on a subplot's domain, and a horizontal legend below the plot.
 * Layout follows Plotly's conventions (margins, title in the top margin, legend y as a fraction
 * of the plot height), so the frame and the final Plotly chart line up closely.
 *
 * Pure apart from the context it is handed, so it is tested in Node with a recording context.
 */
import type { Figure } from './figures';

/** The part of CanvasRenderingContext2D used here. */
export type Ctx = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'stroke'
  | 'fill'
  | 'rect'
  | 'clip'
  | 'arc'
  | 'fillRect'
  | 'clearRect'
  | 'fillText'
  | 'measureText'
  | 'setLineDash'
  | 'translate'
  | 'rotate'
  | 'strokeStyle'
  | 'fillStyle'
  | 'lineWidth'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'globalAlpha'
>;

export interface FrameOptions {
  width: number;
  height: number;
  dark: boolean;
}

type Rec = Record<string, unknown>;
type Trace = Rec & { type?: string };
export const FONT = '"Open Sans", verdana, arial, sans-serif';

/** Text with Plotly's <br> line breaks, drawn as lines centred on y. */
function fillLines(g: Ctx, text: string, x: number, y: number, lineH: number): void {
  const lines = text.split('<br>');
  lines.forEach((l, i) => g.fillText(l, x, y + (i - (lines.length - 1) / 2) * lineH));
}

/** Evenly spaced "nice" ticks (1, 2, 5 x 10^k) covering [lo, hi], about `target` of them. */
export function niceTicks(lo: number, hi: number, target: number): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi))
    return Number.isFinite(lo) ? [lo] : [];
  const raw = (hi - lo) / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return out;
}

/** Ticks of a log axis whose range is [lo, hi] in log10 units: decades, plus 2 and 5 on short ranges. */
export function logTicks(lo: number, hi: number, decadesOnly = false): number[] {
  const out: number[] = [];
  const span = hi - lo;
  const every = span > 12 ? Math.ceil(span / 6) : 1;
  for (let d = Math.floor(lo); d <= Math.ceil(hi); d++) {
    const mults = span < 2.5 && !decadesOnly ? [1, 2, 5] : [1];
    for (const m of mults) {
      const v = Math.log10(m) + d;
      if (v >= lo - 1e-9 && v <= hi + 1e-9 && (m !== 1 || d % every === 0)) out.push(v);
    }
  }
  return out;
}

/** Tick label of a value, with the decimals its tick spacing needs. */
export function tickLabel(v: number, step: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) return v.toExponential(0).replace('e+', 'e');
  if (a >= 1e4 && step >= 1000) return `${Number((v / 1000).toPrecision(6))}k`;
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step > 0 ? step : a) + 1e-9)));
  return String(Number(v.toFixed(decimals))); // no trailing zeros, as Plotly: 0.5, 1, 1.5
}

// Viridis at 11 stops (matplotlib's, as Plotly's 'Viridis').
const VIRIDIS = [
  '#440154',
  '#482878',
  '#3e4989',
  '#31688e',
  '#26828e',
  '#1f9e89',
  '#35b779',
  '#6ece58',
  '#b5de2b',
  '#fde725',
  '#fde725',
];
const VIRIDIS_RGB = VIRIDIS.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));

/** Viridis colour of t in [0, 1] (clamped), as rgb(). */
export function viridis(t: number): string {
  return VIRIDIS_LUT[Math.round(Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * 255)]!;
}

/** Viridis interpolated between the stops. */
function viridisAt(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * 9;
  const i = Math.min(8, Math.floor(x));
  const f = x - i;
  const [a, b] = [VIRIDIS_RGB[i], VIRIDIS_RGB[i + 1]];
  return `rgb(${a.map((c, k) => Math.round(c + (b[k] - c) * f)).join(',')})`;
}

// 256 colours made once: a live heat map of a few thousand cells asks for one per cell per frame.
const VIRIDIS_LUT = Array.from({ length: 256 }, (_, i) => viridisAt(i / 255));

interface Axis {
  type: 'linear' | 'log' | 'category';
  /** data range in axis units (log10 for log axes, index for categories) */
  lo: number;
  hi: number;
  reversed: boolean;
  categories: string[];
  title: string;
  /** pixel span */
  p0: number;
  p1: number;
  showLabels: boolean;
  /** A category axis's own tick texts (ticktext for tickvals) and its dtick (every k-th label). */
  ticktext?: Map<string, string>;
  every?: number;
  /** A log axis labelled at decades only (dtick 1, as the figures ask Plotly for). */
  decadesOnly?: boolean;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const textOf = (t: unknown): string =>
  typeof t === 'string'
    ? t
    : typeof (t as Rec)?.text === 'string'
      ? ((t as Rec).text as string)
      : '';

/** Axis position (px) of a data value; NaN when it has none (non-positive on log, unknown category). */
function toPx(ax: Axis, v: unknown): number {
  let u: number;
  if (ax.type === 'category') {
    const i = ax.categories.indexOf(String(v));
    if (i < 0) return NaN;
    u = i;
  } else {
    const n = num(v);
    if (n === null) return NaN;
    u = ax.type === 'log' ? (n > 0 ? Math.log10(n) : NaN) : n;
  }
  return toPxUnit(ax, u);
}

/** Build an axis from its layout entry and the values of the traces on it. */
function makeAxis(
  spec: Rec,
  values: unknown[],
  opts: { tozero: boolean; pad: boolean; categories?: string[] },
): Omit<Axis, 'p0' | 'p1'> {
  const title = textOf(spec.title);
  const showLabels = spec.showticklabels !== false;
  const reversed = spec.autorange === 'reversed';
  const declared = spec.type as string | undefined;
  const isCategory =
    declared === 'category' || (!declared && values.some((v) => typeof v === 'string'));
  if (isCategory) {
    const cats = opts.categories ?? [...new Set(values.map(String))];
    const vals = arr(spec.tickvals).map(String);
    const texts = arr(spec.ticktext).map(String);
    return {
      ...(vals.length && vals.length === texts.length
        ? { ticktext: new Map(vals.map((v, i) => [v, texts[i]])) }
        : {}),
      ...(num(spec.dtick) ? { every: num(spec.dtick)! } : {}),
      type: 'category',
      lo: -0.5,
      hi: Math.max(0.5, cats.length - 0.5),
      reversed,
      categories: cats,
      title,
      showLabels,
    };
  }
  const type = declared === 'log' ? 'log' : 'linear';
  const decadesOnly = type === 'log' && spec.dtick === 1;
  const range =
    Array.isArray(spec.range) &&
    spec.range.length === 2 &&
    spec.range.every((r) => Number.isFinite(r))
      ? (spec.range as number[])
      : null;
  if (range)
    return {
      type,
      lo: range[0],
      hi: range[1],
      reversed,
      categories: [],
      title,
      showLabels,
      decadesOnly,
    };
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    const n = num(v);
    if (n === null || (type === 'log' && n <= 0)) continue;
    const u = type === 'log' ? Math.log10(n) : n;
    if (u < lo) lo = u;
    if (u > hi) hi = u;
  }
  if (opts.tozero && type === 'linear') {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (!(hi >= lo)) [lo, hi] = type === 'log' ? [-1, 1] : [0, 1];
  if (hi === lo)
    [lo, hi] = [
      lo - (type === 'log' ? 0.5 : Math.abs(lo) * 0.1 || 1),
      hi + (type === 'log' ? 0.5 : Math.abs(hi) * 0.1 || 1),
    ];
  else if (opts.pad) {
    const p = (hi - lo) * 0.05;
    lo = opts.tozero && lo === 0 ? 0 : lo - p;
    hi += p;
  }
  return { type, lo, hi, reversed, categories: [], title, showLabels, decadesOnly };
}

function dashOf(dash: unknown, width: number): number[] {
  if (dash === 'dot') return [width, width * 2];
  if (dash === 'dash') return [width * 3, width * 2];
  if (dash === 'dashdot') return [width * 4, width * 2, width, width * 2];
  if (dash === 'longdash') return [width * 6, width * 3];
  return [];
}

/** Draw one frame of `fig` on the context, over a cleared canvas of the given size. */
export function drawFigure(g: Ctx, fig: Figure, o: FrameOptions): void {
  const L = fig.layout as Rec;
  const text = o.dark ? '#e6e8eb' : '#444444';
  const grid = o.dark ? '#3a4148' : '#eeeeee';
  const fontSize = num((L.font as Rec | undefined)?.size) ?? 12;
  const titleSize =
    num(((L.title as Rec | undefined)?.font as Rec | undefined)?.size) ?? fontSize * 1.4;
  const margin = { l: 80, r: 80, t: 100, b: 80, ...((L.margin as Rec) ?? {}) } as Record<
    'l' | 'r' | 't' | 'b',
    number
  >;
  // A trace switched off in the legend is not drawn (Plotly's visible: 'legendonly').
  const traces = (fig.data as Trace[]).filter(
    (t) => t.visible !== false && t.visible !== 'legendonly',
  );
  const heat = traces.find((t) => t.type === 'heatmap');
  const colorbarW = heat ? 22 + fontSize * 3.2 : 0;
  const plot = {
    x0: margin.l,
    x1: Math.max(margin.l + 10, o.width - margin.r - colorbarW),
    y0: margin.t,
    y1: Math.max(margin.t + 10, o.height - margin.b),
  };

  // The legend (horizontal, below the plot; Plotly shows one when more than one trace has an
  // entry) is laid out first: like Plotly's automargin, the plot gives up height if it does not fit.
  g.font = `${fontSize}px ${FONT}`;
  const entries = traces.filter(
    (t) => t.showlegend !== false && t.type !== 'heatmap' && typeof t.name === 'string' && t.name,
  );
  const legendItems: { t: Trace; x: number; row: number }[] = [];
  const rowH = fontSize * 1.6;
  const legendGap = fontSize * 3.3; // below the tick labels and the x axis title
  if (L.showlegend !== false && entries.length > 1) {
    const startX = plot.x0 + (num(((L.legend as Rec) ?? {}).x) ?? 0) * (plot.x1 - plot.x0);
    let x = startX;
    let row = 0;
    for (const t of entries) {
      const w = 40 + g.measureText(t.name as string).width + 16;
      if (x + w > o.width - 8 && x > startX) {
        x = startX;
        row++;
      }
      legendItems.push({ t, x, row });
      x += w;
    }
    const need = legendGap + (row + 1) * rowH;
    if (plot.y1 + need > o.height - 4) plot.y1 = Math.max(plot.y0 + 40, o.height - 4 - need);
  }

  g.clearRect(0, 0, o.width, o.height);
  g.textBaseline = 'middle';

  // Subplots: one per x axis named by the traces (a one-row grid splits the width).
  const gridSpec = L.grid as Rec | undefined;
  const columns = num(gridSpec?.columns) ?? 1;
  const xgap = num(gridSpec?.xgap) ?? 0.1;
  const names = [...new Set(traces.map((t) => (typeof t.xaxis === 'string' ? t.xaxis : 'x')))];
  if (!names.length) names.push('x');
  const cell = 1 / Math.max(1, columns);
  const subplots = names.map((xName) => {
    const col = columns > 1 ? Number(xName.slice(1) || '1') - 1 : 0;
    const d0 = col * cell + (col > 0 ? (xgap * cell) / 2 : 0);
    const d1 = (col + 1) * cell - (col < columns - 1 ? (xgap * cell) / 2 : 0);
    const on = traces.filter((t) => (typeof t.xaxis === 'string' ? t.xaxis : 'x') === xName);
    const yName = (on[0]?.yaxis as string | undefined) ?? `y${xName.slice(1)}`;
    const xSpec = (L[`xaxis${xName.slice(1)}`] as Rec) ?? {};
    const ySpec = (L[`yaxis${yName.slice(1)}`] as Rec) ?? {};
    const xs: unknown[] = [];
    const ys: unknown[] = [];
    let bars = false;
    let markers = false;
    let xCats: string[] | undefined;
    let yCats: string[] | undefined;
    for (const t of on) {
      if (t.type === 'heatmap') {
        const z = arr(t.z) as unknown[][];
        xCats = arr(t.x).length ? arr(t.x).map(String) : (z[0] ?? []).map((_, j) => String(j));
        yCats = arr(t.y).length ? arr(t.y).map(String) : z.map((_, j) => String(j));
        continue;
      }
      if (t.type === 'bar') bars = true;
      if (String(t.mode ?? '').includes('markers')) markers = true;
      xs.push(...arr(t.x));
      const err = arr((t.error_y as Rec | undefined)?.array);
      arr(t.y).forEach((v, j) => {
        ys.push(v);
        const e = num(err[j]);
        const n = num(v);
        if (e !== null && n !== null) ys.push(n - e, n + e);
      });
    }
    const xa = makeAxis(xSpec, xs, {
      tozero: xSpec.rangemode === 'tozero',
      pad: markers || bars,
      categories: xCats ?? (bars ? [...new Set(xs.map(String))] : undefined),
    });
    const ya = makeAxis(ySpec, ys, {
      tozero: ySpec.rangemode === 'tozero' || bars,
      pad: markers || bars || !ySpec.range,
      categories: yCats,
    });
    const X: Axis = {
      ...xa,
      p0: plot.x0 + d0 * (plot.x1 - plot.x0),
      p1: plot.x0 + d1 * (plot.x1 - plot.x0),
    };
    const Y: Axis = { ...ya, p0: plot.y1, p1: plot.y0 }; // y grows upwards: p0 is the bottom
    if (ySpec.scaleanchor && X.type === 'linear' && Y.type === 'linear') {
      // equal units on both axes: widen the range that is too narrow (Plotly's constrain: range)
      const sx = (X.p1 - X.p0) / (X.hi - X.lo);
      const sy = (Y.p0 - Y.p1) / (Y.hi - Y.lo);
      const s = Math.min(sx, sy);
      const widen = (a: Axis, span: number) => {
        const c = (a.lo + a.hi) / 2;
        a.lo = c - span / 2 / s;
        a.hi = c + span / 2 / s;
      };
      widen(X, X.p1 - X.p0);
      widen(Y, Y.p0 - Y.p1);
    }
    return { X, Y, on };
  });

  for (const { X, Y, on } of subplots) {
    const yTicks = ticksOf(Y, Math.abs(Y.p0 - Y.p1) / (fontSize * 3.2));
    const xTicks = ticksOf(X, Math.abs(X.p1 - X.p0) / (fontSize * 6));
    const heatOnly = on.every((t) => t.type === 'heatmap');
    // grid lines
    if (!heatOnly) {
      g.strokeStyle = grid;
      g.lineWidth = 1;
      g.setLineDash([]);
      g.beginPath();
      for (const t of yTicks) {
        const y = Math.round(toPxUnit(Y, t.u)) + 0.5;
        g.moveTo(X.p0, y);
        g.lineTo(X.p1, y);
      }
      if (X.type !== 'category')
        for (const t of xTicks) {
          const x = Math.round(toPxUnit(X, t.u)) + 0.5;
          g.moveTo(x, Y.p1);
          g.lineTo(x, Y.p0);
        }
      g.stroke();
    }
    // traces, clipped to the subplot
    g.save();
    g.beginPath();
    g.rect(X.p0, Math.min(Y.p0, Y.p1), X.p1 - X.p0, Math.abs(Y.p0 - Y.p1));
    g.clip();
    const barTraces = on.filter((t) => t.type === 'bar');
    on.forEach((t, ti) => {
      if (t.type === 'heatmap') drawHeatmap(g, t, X, Y, fontSize);
      else if (t.type === 'bar') drawBars(g, t, X, Y, barTraces.indexOf(t), barTraces.length);
      else drawScatter(g, t, ti > 0 ? on[ti - 1] : undefined, X, Y);
    });
    g.restore();
    // tick labels and axis titles
    g.fillStyle = text;
    g.setLineDash([]);
    if (Y.showLabels) {
      g.textAlign = 'right';
      for (const t of yTicks) fillLines(g, t.label, X.p0 - 6, toPxUnit(Y, t.u), fontSize * 1.2);
    }
    if (X.showLabels) {
      g.textAlign = 'center';
      for (const t of xTicks) {
        const n = t.label.split('<br>').length;
        fillLines(
          g,
          t.label,
          toPxUnit(X, t.u),
          Y.p0 + fontSize * (0.9 + (n - 1) * 0.6),
          fontSize * 1.2,
        );
      }
    }
    g.font = `${Math.round(fontSize * 1.15)}px ${FONT}`; // axis titles a little larger, as Plotly's
    if (X.title) {
      g.textAlign = 'center';
      fillLines(g, X.title, (X.p0 + X.p1) / 2, Y.p0 + fontSize * 2.3, fontSize * 1.4);
    }
    if (Y.title) {
      g.save();
      g.translate(Math.max(fontSize * 0.7, X.p0 - fontSize * 3.6), (Y.p0 + Y.p1) / 2);
      g.rotate(-Math.PI / 2);
      g.textAlign = 'center';
      fillLines(g, Y.title, 0, 0, fontSize * 1.4);
      g.restore();
    }
    g.font = `${fontSize}px ${FONT}`;
  }
  if (heat) drawColorbar(g, heat, plot.x1 + 12, plot.y0, plot.y1, fontSize, text);

  // annotations: on a subplot's domain (panel titles), or at a y value beside the plot (end labels)
  for (const a of arr(L.annotations) as Rec[]) {
    const sp =
      subplots.find((s) => String(a.xref ?? '').split(' ')[0] === (s.on[0]?.xaxis ?? 'x')) ??
      subplots[0];
    const x =
      a.xref === 'paper'
        ? plot.x0 + (num(a.x) ?? 0.5) * (plot.x1 - plot.x0)
        : sp.X.p0 + (num(a.x) ?? 0.5) * (sp.X.p1 - sp.X.p0);
    // A y in data units is in axis units already (log10 on a log axis), as Plotly takes it.
    const y =
      a.yref === 'y'
        ? toPxUnit(sp.Y, num(a.y) ?? NaN)
        : plot.y1 - (num(a.y) ?? 1) * (plot.y1 - plot.y0);
    if (!Number.isFinite(y)) continue;
    const font = (a.font as Rec | undefined) ?? {};
    g.font = `${num(font.size) ?? fontSize}px ${FONT}`;
    g.fillStyle = typeof font.color === 'string' ? font.color : text;
    g.textAlign = a.xanchor === 'left' ? 'left' : a.xanchor === 'right' ? 'right' : 'center';
    fillLines(
      g,
      textOf(a.text),
      x + (num(a.xshift) ?? 0),
      y - (num(a.yshift) ?? 0),
      fontSize * 1.2,
    );
  }

  // title in the top margin
  const title = textOf(L.title);
  if (title) {
    g.font = `${titleSize}px ${FONT}`;
    g.fillStyle = text;
    g.textAlign = 'center';
    const spec = (L.title as Rec | undefined) ?? {};
    // Pinned to the top with a pad (yanchor top), or centred in the top margin, as Plotly does.
    const y =
      spec.yanchor === 'top'
        ? (num((spec.pad as Rec | undefined)?.t) ?? 0) + (titleSize * 1.25) / 2
        : Math.max(titleSize * 0.75, Math.min(margin.t / 2, 28));
    fillLines(g, title, o.width / 2, y, titleSize * 1.25);
  }

  // the legend laid out above
  g.font = `${fontSize}px ${FONT}`;
  for (const { t, x, row } of legendItems) {
    const y = plot.y1 + legendGap + row * rowH;
    const line = (t.line as Rec) ?? {};
    const marker = (t.marker as Rec) ?? {};
    const colour = (line.color as string) ?? (marker.color as string) ?? text;
    if (t.type === 'bar') {
      g.fillStyle = colour;
      g.fillRect(x + 6, y - fontSize * 0.4, 24, fontSize * 0.8);
    } else {
      const lw = Math.min(4, num(line.width) ?? 2);
      g.strokeStyle = colour;
      g.lineWidth = lw;
      g.setLineDash(dashOf(line.dash, lw));
      g.beginPath();
      g.moveTo(x + 4, y);
      g.lineTo(x + 34, y);
      g.stroke();
      g.setLineDash([]);
    }
    g.fillStyle = text;
    g.textAlign = 'left';
    g.fillText(t.name as string, x + 40, y);
  }
}

interface Tick {
  u: number; // axis units
  label: string;
}

function ticksOf(a: Axis, target: number): Tick[] {
  if (a.type === 'category') {
    const n = a.categories.length;
    const stride = Math.max(1, Math.ceil(n / Math.max(1, target * 1.5)));
    const every = Math.max(stride, a.every ?? 1);
    return a.categories.flatMap((c, i) =>
      i % every === 0 ? [{ u: i, label: a.ticktext?.get(c) ?? c }] : [],
    );
  }
  if (a.type === 'log') {
    const t = logTicks(Math.min(a.lo, a.hi), Math.max(a.lo, a.hi), a.decadesOnly);
    return t.map((u) => ({ u, label: tickLabel(10 ** u, 10 ** Math.floor(u + 1e-9)) }));
  }
  const t = niceTicks(Math.min(a.lo, a.hi), Math.max(a.lo, a.hi), Math.max(2, Math.round(target)));
  const step = t.length > 1 ? t[1] - t[0] : Math.abs(t[0] ?? 1);
  return t.map((u) => ({ u, label: tickLabel(u, step) }));
}

function toPxUnit(a: Axis, u: number): number {
  const f = (u - a.lo) / (a.hi - a.lo || 1);
  return a.reversed ? a.p1 - f * (a.p1 - a.p0) : a.p0 + f * (a.p1 - a.p0);
}

function drawScatter(g: Ctx, t: Trace, prev: Trace | undefined, X: Axis, Y: Axis): void {
  const xs = arr(t.x);
  const ys = arr(t.y);
  const mode = String(t.mode ?? 'lines');
  const line = (t.line as Rec) ?? {};
  const marker = (t.marker as Rec) ?? {};
  const colour = (line.color as string) ?? (marker.color as string) ?? '#0072B2';
  const pts: ([number, number] | null)[] = xs.map((x, i) => {
    const px = toPx(X, x);
    const py = toPx(Y, ys[i]);
    return Number.isFinite(px) && Number.isFinite(py) ? [px, py] : null;
  });
  if (t.fill === 'tonexty' && prev) {
    const px = arr(prev.x);
    const py = arr(prev.y);
    const lower: [number, number][] = [];
    px.forEach((x, i) => {
      const a = toPx(X, x);
      const b = toPx(Y, py[i]);
      if (Number.isFinite(a) && Number.isFinite(b)) lower.push([a, b]);
    });
    const upper = pts.filter((p): p is [number, number] => p !== null);
    if (upper.length && lower.length) {
      g.fillStyle = (t.fillcolor as string) ?? colour;
      g.beginPath();
      upper.forEach(([a, b], i) => (i ? g.lineTo(a, b) : g.moveTo(a, b)));
      for (let i = lower.length - 1; i >= 0; i--) g.lineTo(lower[i][0], lower[i][1]);
      g.closePath();
      g.fill();
    }
  }
  const width = num(line.width) ?? 2;
  if (mode.includes('lines') && width > 0) {
    g.strokeStyle = colour;
    g.lineWidth = width;
    g.setLineDash(dashOf(line.dash, width));
    g.beginPath();
    let pen = false;
    for (const p of pts) {
      if (!p) {
        pen = false; // a gap: Plotly does not connect across missing values
        continue;
      }
      if (pen) g.lineTo(p[0], p[1]);
      else g.moveTo(p[0], p[1]);
      pen = true;
    }
    g.stroke();
    g.setLineDash([]);
  }
  const err = t.error_y as Rec | undefined;
  if (err && err.visible !== false) {
    const e = arr(err.array);
    g.strokeStyle = colour;
    g.lineWidth = 1.5;
    g.beginPath();
    xs.forEach((x, i) => {
      const d = num(e[i]);
      const v = num(ys[i]);
      if (d === null || v === null) return;
      const px = toPx(X, x);
      const a = toPx(Y, v - d);
      const b = toPx(Y, v + d);
      if (![px, a, b].every(Number.isFinite)) return;
      g.moveTo(px, a);
      g.lineTo(px, b);
      g.moveTo(px - 4, a);
      g.lineTo(px + 4, a);
      g.moveTo(px - 4, b);
      g.lineTo(px + 4, b);
    });
    g.stroke();
  }
  if (mode.includes('markers')) {
    const r = (num(marker.size) ?? 6) / 2;
    g.fillStyle = (marker.color as string) ?? colour;
    g.globalAlpha = num(marker.opacity) ?? 1;
    g.beginPath();
    for (const p of pts) {
      if (!p) continue;
      g.moveTo(p[0] + r, p[1]);
      g.arc(p[0], p[1], r, 0, 2 * Math.PI);
    }
    g.fill();
    g.globalAlpha = 1;
  }
}

function drawBars(g: Ctx, t: Trace, X: Axis, Y: Axis, index: number, count: number): void {
  const xs = arr(t.x);
  const ys = arr(t.y);
  const slot = Math.abs(toPxUnit(X, 1) - toPxUnit(X, 0));
  const w = (slot * 0.8) / Math.max(1, count);
  const base = toPx(Y, Y.type === 'log' ? 10 ** Math.min(Y.lo, Y.hi) : 0);
  g.fillStyle = (((t.marker as Rec) ?? {}).color as string) ?? '#0072B2';
  xs.forEach((x, i) => {
    const c = toPx(X, x);
    const top = toPx(Y, ys[i]);
    if (!Number.isFinite(c) || !Number.isFinite(top)) return;
    const left = c - slot * 0.4 + index * w;
    g.fillRect(left, Math.min(top, base), w, Math.abs(base - top));
  });
}

function drawHeatmap(g: Ctx, t: Trace, X: Axis, Y: Axis, fontSize: number): void {
  const z = arr(t.z) as unknown[][];
  const zmin = num(t.zmin) ?? 0;
  const zmax = num(t.zmax) ?? 1;
  const cw = Math.abs(toPxUnit(X, 1) - toPxUnit(X, 0));
  const ch = Math.abs(toPxUnit(Y, 1) - toPxUnit(Y, 0));
  const withText = typeof t.texttemplate === 'string';
  const decimals = Number(/\.(\d)f/.exec(String(t.texttemplate ?? ''))?.[1] ?? 2);
  z.forEach((row, i) => {
    const cy = toPxUnit(Y, i);
    arr(row).forEach((v, j) => {
      const n = num(v);
      if (n === null) return;
      const cx = toPxUnit(X, j);
      const frac = (n - zmin) / (zmax - zmin || 1);
      g.fillStyle = viridis(frac);
      // a cell is widened by half a pixel so neighbours meet without hairline seams
      g.fillRect(cx - cw / 2, cy - ch / 2, cw + 0.5, ch + 0.5);
      if (withText) {
        g.fillStyle = frac > 0.6 ? '#000000' : '#ffffff';
        g.textAlign = 'center';
        g.font = `${num((t.textfont as Rec | undefined)?.size) ?? fontSize}px ${FONT}`;
        g.fillText(n.toFixed(decimals), cx, cy);
      }
    });
  });
}

function drawColorbar(
  g: Ctx,
  t: Trace,
  x: number,
  y0: number,
  y1: number,
  fontSize: number,
  text: string,
): void {
  const zmin = num(t.zmin) ?? 0;
  const zmax = num(t.zmax) ?? 1;
  const steps = 40;
  const h = (y1 - y0) / steps;
  for (let i = 0; i < steps; i++) {
    g.fillStyle = viridis(1 - (i + 0.5) / steps);
    g.fillRect(x, y0 + i * h, 16, h + 0.5);
  }
  const ticks = niceTicks(zmin, zmax, 5);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  g.fillStyle = text;
  g.textAlign = 'left';
  g.font = `${fontSize}px ${FONT}`;
  for (const v of ticks)
    g.fillText(tickLabel(v, step), x + 20, y1 - ((v - zmin) / (zmax - zmin || 1)) * (y1 - y0));
}
