/**
 * Chart specs and run data -> plain Plotly figure objects. Pure (no Plotly import), so it is
 * testable in Node; LiveChart is the only code that hands these to Plotly.
 */
import type { ChartSpec, ExperimentSpec, MetricPoint, View } from '../../experiments/core/spec';

export interface Figure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
}

/** Okabe & Ito's colour-blind-safe palette. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];
const MAX_POINTS = 2000;

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

export function curvesFigure(chart: Extract<ChartSpec, { kind: 'curves' }>, spec: ExperimentSpec, history: MetricPoint[]): Figure {
  const pts = decimate(history);
  const x = pts.map((p) => p.step);
  const data: Record<string, unknown>[] = chart.metrics.map((key, i) => ({
    type: 'scatter',
    mode: pts.length < 3 ? 'lines+markers' : 'lines',
    name: spec.metrics[key]?.label ?? key,
    x,
    y: pts.map((p) => p.metrics[key] ?? null),
    line: { color: PALETTE[i % PALETTE.length], width: 3 },
  }));
  for (const key of chart.references ?? []) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: spec.metrics[key]?.label ?? key,
      x,
      y: pts.map((p) => p.metrics[key] ?? null),
      line: { color: '#777777', width: 2, dash: 'dash' },
    });
  }
  return {
    data,
    layout: {
      ...baseLayout(chart.title),
      margin: { l: 64, r: 16, t: 56, b: 96 },
      xaxis: { title: { text: 'step' }, zeroline: false, rangemode: 'tozero' },
      yaxis: { range: chart.yRange, type: chart.logY ? 'log' : 'linear', zeroline: false },
    },
  };
}

export function viewFigure(view: View): Figure {
  if (view.kind === 'bars') {
    return {
      data: view.series.map((s, i) => ({ type: 'bar', name: s.name, x: view.categories, y: s.values, marker: { color: i === 0 ? '#555555' : PALETTE[(i - 1) % PALETTE.length] } })),
      layout: { ...baseLayout(view.title), barmode: 'group', yaxis: { title: { text: view.yTitle }, zeroline: true }, margin: { l: 64, r: 16, t: 56, b: 96 } },
    };
  }
  if (view.kind === 'lines') {
    return {
      data: view.series.map((s, i) => ({ type: 'scatter', mode: 'lines+markers', name: s.name, x: view.x, y: s.y, line: { color: PALETTE[i % PALETTE.length], width: 3 } })),
      layout: {
        ...baseLayout(view.title),
        margin: { l: 64, r: 16, t: 56, b: 96 },
        xaxis: { title: { text: view.xTitle }, type: view.logX ? 'log' : 'linear' },
        yaxis: { title: { text: view.yTitle }, rangemode: 'tozero' },
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
          zmin: view.zRange[0],
          zmax: view.zRange[1],
          colorscale: 'Viridis',
          ...(small ? { texttemplate: '%{z:.2f}', textfont: { size: 13 } } : {}),
          hovertemplate: '%{y} vs %{x}: %{z:.3f}<extra></extra>',
        },
      ],
      layout: {
        ...baseLayout(view.title),
        xaxis: { title: { text: view.xTitle }, type: 'category', automargin: true },
        yaxis: { title: { text: view.yTitle }, type: 'category', autorange: 'reversed', automargin: true },
      },
    };
  }
  const n = view.panels.length;
  const layout: Record<string, unknown> = {
    ...baseLayout(view.title),
    margin: { l: 64, r: 16, t: 80, b: 56 },
    grid: { rows: 1, columns: n, pattern: 'independent', xgap: 0.12 },
    showlegend: false,
    annotations: [],
  };
  const data = view.panels.map((p, i) => {
    const ax = i === 0 ? '' : String(i + 1);
    layout[`xaxis${ax}`] = { title: { text: p.xLabel }, zeroline: false };
    layout[`yaxis${ax}`] = { title: { text: p.yLabel }, zeroline: false, scaleanchor: `x${ax}` };
    (layout.annotations as unknown[]).push({ text: p.title, xref: `x${ax} domain`, yref: `y${ax} domain`, x: 0.5, y: 1.08, showarrow: false, font: { size: 14 } });
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
