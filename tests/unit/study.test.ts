/** Study statistics, plans and sweeps; the reproducibility bundle's schema, round trip and refusals. */
import { describe, expect, it } from 'vitest';
import {
  band,
  formatSummary,
  parseSweep,
  planRuns,
  seedList,
  summarise,
  sweepSummary,
  tallyClaim,
} from '../../experiments/core/study';
import {
  BUNDLE_MAX_POINTS,
  curvesCsv,
  makeBundle,
  nanToNull,
  parseBundle,
  recordFromJson,
  recordToJson,
  type RunRecord,
} from '../../experiments/core/bundle';
import { getExperiment } from '../../experiments/registry';
import { resolveParams } from '../../experiments/core/params';
import type { Claim } from '../../experiments/core/claims';

describe('summaries', () => {
  it('mean and sample sd by hand; NaN counted as missing', () => {
    const s = summarise([1, 2, 3, 4, NaN]);
    expect(s.n).toBe(4);
    expect(s.missing).toBe(1);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect([s.min, s.max]).toEqual([1, 4]);
    expect(summarise([7]).sd).toBe(0);
    expect(Number.isNaN(summarise([]).mean)).toBe(true);
    expect(formatSummary(summarise([1, 3]))).toBe('2.000 ± 1.414 (n = 2)');
  });

  it('bands align runs on the steps all of them reported', () => {
    const h = (vals: number[]) =>
      vals.map((v, i) => ({ step: i * 10, metrics: { 'metric/a': v } }));
    const b = band([h([0, 1, 2]), h([2, 3])], 'metric/a');
    expect(b.step).toEqual([0, 10]);
    expect(b.mean).toEqual([1, 2]);
    expect(b.hi[0] - b.mean[0]).toBeCloseTo(Math.SQRT2, 12);
    expect(b.lo[1]).toBeCloseTo(2 - Math.SQRT2, 12);
  });

  it('tallies a claim over seeds, an undefined (NaN) metric never counts as holding', () => {
    const claim: Claim = {
      id: 'c',
      text: '',
      preset: 'p',
      metric: 'metric/x',
      op: '>=',
      value: 0.5,
      expect: 'holds',
    };
    const t = tallyClaim(claim, [
      { 'metric/x': 0.9 },
      { 'metric/x': 0.4 },
      { 'metric/x': NaN },
      { 'metric/x': 0.5 },
    ]);
    expect([t.holds, t.n]).toEqual([2, 4]);
    expect(t.verdicts).toEqual(['holds', 'fails', 'undefined', 'holds']);
  });
});

describe('plans and sweeps', () => {
  const spec = getExperiment('linear-ica');
  it('seeds are consecutive and bounded', () => {
    expect(seedList(5, 3)).toEqual([5, 6, 7]);
    expect(() => seedList(0, 0)).toThrow(/seeds: expected an integer from 1 to 20, got 0/);
    expect(() => seedList(0, 2.5)).toThrow(/seeds: expected/);
  });

  it('parses a sweep through the parameter table and refuses bad values with what was expected', () => {
    const s = parseSweep(spec, 'dim=2,3,4');
    expect(s).toEqual({ key: 'dim', values: [2, 3, 4] });
    expect(() => parseSweep(spec, 'dim')).toThrow(/sweep: expected key=v1,v2/);
    expect(() => parseSweep(spec, 'nope=1,2')).toThrow(/parameter: expected one of/);
    expect(() => parseSweep(spec, 'dim=2')).toThrow(
      /sweep: expected 2 to 12 comma-separated values/,
    );
    expect(() => parseSweep(spec, 'dim=2,999')).toThrow(/dim: expected an integer in/);
    expect(() => parseSweep(spec, 'seed=1,2')).toThrow(
      /sweep: expected a parameter other than seed/,
    );
  });

  it('plans values outermost, each over the same seeds, and summarises a final metric per value', () => {
    const base = resolveParams(spec, undefined, {}).params;
    const plan = planRuns(base, [0, 1], { key: 'dim', values: [2, 3] });
    expect(plan.map((r) => [r.params.dim, r.params.seed])).toEqual([
      [2, 0],
      [2, 1],
      [3, 0],
      [3, 1],
    ]);
    const pts = sweepSummary(
      plan.map((r, i) => ({ value: r.value, final: { 'metric/m': i } })),
      { key: 'dim', values: [2, 3] },
      'metric/m',
    );
    expect(pts.map((p) => p.summary.mean)).toEqual([0.5, 2.5]);
  });
});

describe('reproducibility bundle', () => {
  const spec = getExperiment('linear-ica');
  const preset = spec.defaultPreset;
  const params = resolveParams(spec, preset, {}).params;
  const history = Array.from({ length: 2500 }, (_, i) => ({
    step: i,
    metrics: { 'metric/amari': 1 / (i + 1), 'metric/odd': NaN },
  }));
  const runs: RunRecord[] = [0, 1].map((seed) => ({
    seed,
    params: { ...params, seed },
    state: 'done',
    step: 2499,
    seconds: 1.5,
    final: { 'metric/amari': 0.01 * (seed + 1), 'metric/odd': NaN },
    history,
  }));
  const ctx = {
    spec,
    preset,
    params,
    seeds: [0, 1],
    appVersion: '0.1.0',
    tfjs: '4.22.0',
    backend: 'wasm',
    environment: 'test',
    link: '#/lab/linear-ica?preset=x',
  };

  it('round-trips: thinned curves, NaN through null, verdicts per run', () => {
    const b = makeBundle(ctx, runs);
    expect(b.runs[0].history.length).toBeLessThanOrEqual(BUNDLE_MAX_POINTS + 1);
    expect(b.runs[0].history.at(-1)!.step).toBe(2499);
    expect(b.runs[0].final['metric/odd']).toBeNull();
    expect(b.runs[0].verdicts.length).toBe(spec.claims.filter((c) => c.preset === preset).length);
    const back = parseBundle(JSON.stringify(b), (id) => (id === spec.id ? spec : undefined));
    expect(back.params).toEqual(params);
    expect(back.runs[1].final['metric/amari']).toBe(0.02);
    expect(Number.isNaN(back.runs[1].final['metric/odd'])).toBe(true);
    expect(back.runs[0].history.length).toBe(b.runs[0].history.length);
  });

  it('refuses malformed and hostile bundles with what was expected and what arrived', () => {
    const good = makeBundle(ctx, runs);
    const lookup = (id: string) => (id === spec.id ? spec : undefined);
    const bad = (mut: (b: Record<string, unknown>) => void) => {
      const b = JSON.parse(JSON.stringify(good));
      mut(b);
      return () => parseBundle(JSON.stringify(b), lookup);
    };
    expect(() => parseBundle('not json', lookup)).toThrow(/bundle: expected JSON/);
    expect(() => parseBundle('[1]', lookup)).toThrow(/expected format/);
    expect(bad((b) => (b.version = 2))).toThrow(
      'bundle: expected version 1, got 2 (written by a newer version of the app: open it there, or update this one)',
    );
    expect(bad((b) => (b.version = '1'))).toThrow(/bundle: expected version 1, got "1"$/);
    // A rule across parameters (the spec's check) refuses a bundle as it refuses a link or a flag.
    const sae = getExperiment('sae');
    const saeBundle = makeBundle(
      {
        ...ctx,
        spec: sae,
        preset: sae.defaultPreset,
        params: {
          ...resolveParams(sae, sae.defaultPreset, {}).params,
          structure: 'groups',
          features: 49,
        },
      },
      [],
    );
    expect(() =>
      parseBundle(
        JSON.stringify({
          ...saeBundle,
          runs: [{ ...good.runs[0], params: saeBundle.params, verdicts: [] }],
        }),
        (id) => (id === sae.id ? sae : undefined),
      ),
    ).toThrow(
      'bundle: params: features: expected a multiple of the group size 2 with structure "groups", got 49',
    );
    expect(bad((b) => (b.experiment = 'nope'))).toThrow(
      /expected an experiment of this app, got "nope"/,
    );
    // Seeds and sweeps go through the page's and the CLI's own checks: a bundle that loads can run.
    expect(bad((b) => (b.seeds = Array.from({ length: 50 }, (_, i) => i)))).toThrow(
      'bundle: seeds: seeds: expected an integer from 1 to 20, got 50',
    );
    expect(bad((b) => (b.seeds = [0, 2]))).toThrow(
      'bundle: seeds: expected consecutive seeds from 0, got [0,2]',
    );
    expect(bad((b) => (b.sweep = { key: 'bogus', values: [1, 2] }))).toThrow(
      /^bundle: sweep: parameter: expected one of sources, .*got "bogus"$/,
    );
    expect(bad((b) => (b.sweep = { key: 'seed', values: [1, 2] }))).toThrow(
      /bundle: sweep: sweep: expected a parameter other than seed/,
    );
    expect(
      bad((b) => (b.sweep = { key: 'dim', values: Array.from({ length: 13 }, (_, i) => i + 2) })),
    ).toThrow(/bundle: sweep: sweep: expected 2 to 12 comma-separated values for dim/);
    expect(bad((b) => (b.sweep = { key: 'dim', values: [999, 1000] }))).toThrow(
      'bundle: sweep: dim: expected an integer in [2, 32], got "999"',
    );
    expect(bad((b) => (b.sweep = { key: 'dim', values: [4, 4] }))).toThrow(
      'bundle: sweep: sweep: expected distinct values for dim, got 4 twice',
    );
    // Names from Object.prototype are refused with the field named.
    for (const name of ['constructor', '__proto__', 'toString']) {
      expect(bad((b) => (b.preset = name))).toThrow(
        new RegExp(`^bundle: params: preset: expected one of .*got "${name}"$`),
      );
      if (name !== '__proto__')
        expect(bad((b) => ((b.params as Record<string, unknown>)[name] = 1))).toThrow(
          new RegExp(`bundle: params: parameter: expected one of .*got "${name}"`),
        );
    }
    expect(bad((b) => ((b.params as Record<string, unknown>).dim = 10_000))).toThrow(
      /bundle: params: dim: expected an integer in/,
    );
    expect(
      bad((b) => ((b.params as Record<string, unknown>)['<img src=x onerror=alert(1)>'] = 1)),
    ).toThrow(/bundle: at params/);
    expect(bad((b) => ((b as Record<string, unknown>).extra = '<script>'))).toThrow(
      /bundle: at \(top\)/,
    );
    expect(bad((b) => ((b.runs as Record<string, unknown>[])[0].state = 'pwned'))).toThrow(
      /bundle: at runs\.0\.state/,
    );
  });

  it('has one NaN codec: null in JSON, NaN in memory, for records and for any object', () => {
    const json = recordToJson({
      final: { a: NaN, b: 1, c: Infinity },
      history: [{ step: 0, metrics: { a: -Infinity, b: 2 } }],
    });
    expect(json).toEqual({
      final: { a: null, b: 1, c: null },
      history: [{ step: 0, metrics: { a: null, b: 2 } }],
    });
    const back = recordFromJson(json);
    expect(
      Number.isNaN(back.final.a) && back.final.b === 1 && Number.isNaN(back.history[0].metrics.a),
    ).toBe(true);
    expect(JSON.stringify({ x: [NaN, 1, { y: -Infinity }] }, nanToNull)).toBe(
      '{"x":[null,1,{"y":null}]}',
    );
  });

  it('writes curves as CSV with one row per run and step', () => {
    const csv = curvesCsv(
      [{ ...runs[0], history: history.slice(0, 2) }],
      ['metric/amari', 'metric/odd'],
      'dim',
    )
      .trim()
      .split('\n');
    expect(csv[0]).toBe('run,seed,dim,step,metric/amari,metric/odd');
    expect(csv[1]).toBe('0,0,,0,1,');
    expect(csv.length).toBe(3);
  });
});
