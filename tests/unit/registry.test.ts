import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { experiments, getExperiment } from '../../experiments/registry';
import { checkParams, parseParam, resolveParams } from '../../experiments/core/params';
import {
  labHash,
  PAGE_KEYS,
  PARAM_NAME,
  parseHash,
  readLabState,
  readRuntimeOptions,
  readStudyState,
} from '../../src/lib/url';
import type { ExperimentSpec, ParamSpec, ParamValue } from '../../experiments/core/spec';

/** Values of a parameter other than `current`, within its range: every other choice, the other boolean, both ends and an inner point. */
function otherValues(s: ParamSpec, current: ParamValue): ParamValue[] {
  if (s.kind === 'choice') return s.choices.filter((c) => c !== current);
  if (s.kind === 'bool') return [!current];
  const inner =
    s.kind === 'int'
      ? Math.round((s.min + s.max) / 2)
      : Number(((s.min + s.max) / 2).toPrecision(3));
  return [...new Set([s.min, s.max, inner])].filter((v) => v !== current);
}

function roundTrip(
  spec: ExperimentSpec,
  preset: string,
  overrides: Record<string, ParamValue>,
  extra: Record<string, string> = {},
) {
  // Lenient, as the page reads a link: a setting the spec's check refuses still round-trips (and is reported).
  const { params } = resolveParams(spec, preset, overrides, 'lenient');
  const route = parseHash(labHash(spec, preset, params, extra));
  if (route.page !== 'lab') throw new Error(`expected a lab route, got ${route.page}`);
  return {
    params,
    back: readLabState(spec, route.query),
    study: readStudyState(spec, route.query),
  };
}

describe('registry', () => {
  it('has unique ids and refuses an unknown one', () => {
    const ids = experiments.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(() => getExperiment('nope')).toThrow(`expected one of ${ids.join(', ')}, got "nope"`);
  });
  for (const spec of experiments) {
    describe(spec.id, () => {
      it('has defaults within their own ranges', () => {
        for (const [k, p] of Object.entries(spec.params))
          expect(parseParam(k, p, p.default)).toBe(p.default);
      });
      it('opens on a preset worth showing: none of its claims is a declared deviation, where another preset has none', () => {
        const deviates = (preset: string) =>
          spec.claims.some((c) => c.preset === preset && c.deviation);
        const clean = Object.keys(spec.presets).filter((id) => !deviates(id));
        if (clean.length) expect(clean).toContain(spec.defaultPreset);
      });
      it('has presets that only set known, valid parameters', () => {
        expect(spec.presets[spec.defaultPreset]).toBeDefined();
        for (const id of Object.keys(spec.presets))
          expect(() => resolveParams(spec, id, {})).not.toThrow();
      });
      it('has claims on existing presets and declared metrics', () => {
        for (const c of spec.claims) {
          expect(spec.presets[c.preset], c.id).toBeDefined();
          expect(spec.metrics[c.metric], c.id).toBeDefined();
        }
        expect(new Set(spec.claims.map((c) => c.id)).size).toBe(spec.claims.length);
        expect(
          spec.claims.some((c) => c.expect === 'fails'),
          'a negative control',
        ).toBe(true);
      });
      it('charts only declared metrics', () => {
        expect(spec.metrics[spec.lossMetric]).toBeDefined();
        for (const ch of spec.charts)
          if (ch.kind === 'curves')
            for (const m of [...ch.metrics, ...(ch.references ?? [])])
              expect(spec.metrics[m]).toBeDefined();
      });
      it('names every parameter so that no page or study key can collide with it', () => {
        const reserved = new Set<string>([...Object.keys(PAGE_KEYS), ...Object.values(PAGE_KEYS)]);
        for (const k of Object.keys(spec.params)) {
          expect(k, `parameter name ${k}`).toMatch(PARAM_NAME);
          expect(Object.values(PAGE_KEYS), k).not.toContain(k);
        }
        for (const key of reserved) if (key.includes('.')) expect(key).not.toMatch(PARAM_NAME);
      });
      it('round-trips a non-preset value of every parameter through the URL, with a study set', () => {
        const preset = spec.defaultPreset;
        const base = resolveParams(spec, preset, {}).params;
        const numeric = Object.entries(spec.params).find(
          ([k, p]) => k !== 'seed' && (p.kind === 'int' || p.kind === 'number'),
        );
        const sweepKey = numeric?.[0];
        const sweep = sweepKey
          ? `${sweepKey}=${otherValues(spec.params[sweepKey], NaN).slice(0, 2).join(',')}`
          : '';
        for (const [k, s] of Object.entries(spec.params)) {
          for (const v of otherValues(s, base[k])) {
            const extra = { seeds: '3', present: '1', hide: k, ...(sweep ? { sweep } : {}) };
            const { params, back, study } = roundTrip(spec, preset, { [k]: v }, extra);
            expect(back.errors, `${k}=${String(v)}`).toEqual([]);
            expect(back.conflicts).toEqual(checkParams(spec, params));
            expect(back.params[k], `${k}=${String(v)}`).toBe(v);
            expect(back.params).toEqual(params);
            expect(study.errors).toEqual([]);
            expect(study.notices).toEqual([]);
            expect(study).toMatchObject({ seeds: 3, present: true, hide: [k], sweep });
          }
        }
      });
      it('round-trips every preset through the URL', () => {
        for (const id of Object.keys(spec.presets)) {
          const { params } = resolveParams(spec, id, { seed: '12345' });
          const route = parseHash(labHash(spec, id, params));
          expect(route.page).toBe('lab');
          if (route.page !== 'lab') return;
          const back = readLabState(spec, route.query);
          expect(back.errors).toEqual([]);
          expect(back.preset).toBe(id);
          expect(back.params).toEqual(params);
        }
      });
    });
  }
});

describe('README', () => {
  it('lists every experiment of the registry in its table, with the family, and nothing else', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Experiments'),
      readme.indexOf('\n## ', readme.indexOf('## Experiments') + 1),
    );
    const rows = [...section.matchAll(/^\| `([\w-]+)` \| ([^|]+) \|/gm)].map((m) => ({
      id: m[1],
      family: m[2].trim().toLowerCase(),
    }));
    expect(rows.map((r) => r.id)).toEqual(experiments.map((e) => e.id));
    for (const r of rows) expect(r.family, r.id).toBe(getExperiment(r.id).family);
  });
});

describe('URL namespaces', () => {
  it('keeps a swept parameter named sweep apart from the study sweep', () => {
    for (const id of ['sae-sweep', 'contrastive-sweep']) {
      const spec = getExperiment(id);
      const p = spec.params.sweep;
      if (p.kind !== 'choice') throw new Error('expected a choice parameter named sweep');
      for (const choice of p.choices) {
        const { back, study } = roundTrip(
          spec,
          spec.defaultPreset,
          { sweep: choice },
          { sweep: 'steps=1,2' },
        );
        expect(back.errors).toEqual([]);
        expect(back.params.sweep).toBe(choice);
        expect(study.sweep).toBe('steps=1,2');
        expect(study.errors).toEqual([]);
      }
    }
  });
  it('reads old links: bare page keys where unambiguous, and says which was read where not', () => {
    const ica = getExperiment('linear-ica');
    const old = new URLSearchParams(
      'preset=uniform-fastica&dim=5&seeds=3&sweep=dim=2,3&hide=lr&present=1&backend=cpu&worker=0',
    );
    expect(readLabState(ica, old)).toMatchObject({ preset: 'uniform-fastica', errors: [] });
    expect(readLabState(ica, old).params.dim).toBe(5);
    expect(readStudyState(ica, old)).toMatchObject({
      seeds: 3,
      sweep: 'dim=2,3',
      hide: ['lr'],
      present: true,
      errors: [],
      notices: [],
    });
    expect(readRuntimeOptions('', old, ica)).toMatchObject({
      backend: 'cpu',
      worker: false,
      errors: [],
      notices: [],
    });

    const sweep = getExperiment('sae-sweep');
    // The parameter's own value: read as the parameter, no notice.
    const asParam = new URLSearchParams('preset=sparsity-sweep&sweep=cooccur');
    expect(readLabState(sweep, asParam)).toMatchObject({ errors: [] });
    expect(readLabState(sweep, asParam).params.sweep).toBe('cooccur');
    expect(readStudyState(sweep, asParam)).toMatchObject({ sweep: '', errors: [], notices: [] });
    // Not a value of the parameter: read as the old study sweep, and the notice says so.
    const asStudy = new URLSearchParams('preset=sparsity-sweep&sweep=steps=100,200');
    expect(readLabState(sweep, asStudy)).toMatchObject({ errors: [] });
    expect(readLabState(sweep, asStudy).params.sweep).toBe('k');
    const st = readStudyState(sweep, asStudy);
    expect(st.sweep).toBe('steps=100,200');
    expect(st.notices).toEqual([
      'sweep=steps=100,200: read as study.sweep (not a value of the parameter sweep); links now write study.sweep',
    ]);
  });
  it('refuses a key given twice, and names from Object.prototype, with a notice', () => {
    const ica = getExperiment('linear-ica');
    const twice = readLabState(
      ica,
      new URLSearchParams('dim=4&dim=8&page.preset=uniform-fastica&page.preset=nope'),
    );
    expect(twice.errors.map((e) => e.message)).toEqual([
      'dim: expected once in the link, got 2 values ("4", "8")',
      'page.preset: expected once in the link, got 2 values ("uniform-fastica", "nope")',
    ]);
    expect(twice.params.dim).toBe(4); // the preset's own value, the default preset
    expect(twice.preset).toBe(ica.defaultPreset);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const r = readLabState(ica, new URLSearchParams([[name, '1']]));
      expect(
        r.errors.map((e) => e.message),
        name,
      ).toEqual([
        expect.stringMatching(new RegExp(`^parameter: expected one of sources, .*got "${name}"$`)),
      ]);
      expect(
        readLabState(ica, new URLSearchParams([['page.preset', name]])).errors.map((e) => e.key),
      ).toEqual(['preset']);
      const st = readStudyState(
        ica,
        new URLSearchParams([
          ['page.hide', name],
          ['study.sweep', `${name}=1,2`],
        ]),
      );
      expect(st.hide).toEqual([]);
      expect(st.sweep).toBe('');
      expect(st.errors.map((e) => e.key)).toEqual(['parameter', 'hide']);
    }
  });
  it('refuses an unknown namespaced key', () => {
    const ica = getExperiment('linear-ica');
    expect(
      readLabState(ica, new URLSearchParams('page.nope=1')).errors.map((e) => e.message),
    ).toEqual([
      `link: expected a parameter or one of ${Object.values(PAGE_KEYS).join(', ')}, got "page.nope"`,
    ]);
  });
});

describe('URL options', () => {
  it('reads backend and worker from search or hash, and refuses junk', () => {
    expect(readRuntimeOptions('?backend=wasm', new URLSearchParams()).backend).toBe('wasm');
    expect(readRuntimeOptions('?backend=wasm', new URLSearchParams('backend=cpu')).backend).toBe(
      'cpu',
    );
    const bad = readRuntimeOptions('?backend=<script>', new URLSearchParams('worker=2'));
    expect(bad.backend).toBe('auto');
    expect(bad.worker).toBe(true);
    expect(bad.errors.map((e) => e.message)).toEqual([
      'backend: expected one of auto, webgpu, webgl, wasm, cpu, got "<script>"',
      'worker: expected 0 or 1, got "2"',
    ]);
  });
  it('parses routes', () => {
    expect(parseHash('')).toEqual({ page: 'home', query: new URLSearchParams() });
    expect(parseHash('#/?q=ica')).toEqual({ page: 'home', query: new URLSearchParams('q=ica') });
    expect(parseHash('#/paper/some-paper?preset=x')).toEqual({
      page: 'paper',
      id: 'some-paper',
      query: new URLSearchParams('preset=x'),
    });
    expect(parseHash('#/nowhere')).toEqual({ page: 'missing', path: '/nowhere' });
  });
});
