/**
 * Recorded reference runs (written by `npm run record`, served from `recorded/` next to the app):
 * a bundle of one run at seed 0 plus its final charts. A recording is shown only while it
 * matches the preset it was made at, so a preset changed without re-recording is never passed
 * off as its result.
 */
import type { Bundle } from './bundle';
import { resolveParams } from './params';
import type { ExperimentSpec, Views } from './spec';

export interface Recording {
  bundle: Bundle;
  views: Views;
}

export const recordingFile = (experiment: string, preset: string): string =>
  `${experiment}--${preset}.json`;

/** Every view of a recording is one of the spec's view charts, of the kind that chart draws. */
export function viewsMatch(spec: ExperimentSpec, views: unknown): boolean {
  if (!views || typeof views !== 'object' || Array.isArray(views)) return false;
  return Object.entries(views).every(([id, v]) =>
    spec.charts.some(
      (c) =>
        c.kind === 'view' && c.id === id && c.view === (v as { kind?: unknown } | undefined)?.kind,
    ),
  );
}

/** The recording is of this experiment and preset, with exactly the preset's parameters at seed 0, and charts of this spec. */
export function recordingMatches(spec: ExperimentSpec, preset: string, rec: Recording): boolean {
  if (
    rec.bundle.experiment !== spec.id ||
    rec.bundle.preset !== preset ||
    rec.bundle.runs.length !== 1
  )
    return false;
  if (!viewsMatch(spec, rec.views)) return false;
  const want = resolveParams(spec, preset, 'seed' in spec.params ? { seed: 0 } : {}).params;
  const got = rec.bundle.runs[0].params;
  const keys = new Set([...Object.keys(want), ...Object.keys(got)]);
  return [...keys].every((k) => want[k] === got[k]);
}

/** Chart payloads at 5 significant digits: a recording's size, not its verdicts (final metrics stay exact). */
export function roundDeep<T>(value: T, digits = 5): T {
  if (typeof value === 'number')
    return (Number.isFinite(value) ? Number(value.toPrecision(digits)) : value) as T;
  if (Array.isArray(value)) return value.map((v) => roundDeep(v, digits)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, roundDeep(v, digits)]),
    ) as T;
  return value;
}

/** Round a recording's charts and curves, keeping its final metrics and verdicts exact. */
export function compactRecording(rec: Recording): Recording {
  return {
    bundle: {
      ...rec.bundle,
      runs: rec.bundle.runs.map((r) => ({ ...r, history: roundDeep(r.history) })),
    },
    views: roundDeep(rec.views),
  };
}
