import { describe, expect, it } from 'vitest';
import { experiments, getExperiment } from '../../experiments/registry';
import { parseParam, resolveParams } from '../../experiments/core/params';
import { labHash, parseHash, readLabState, readRuntimeOptions } from '../../src/lib/url';

describe('registry', () => {
  it('has unique ids and refuses an unknown one', () => {
    const ids = experiments.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(() => getExperiment('nope')).toThrow(/expected one of linear-ica, treatment-ica, ica-robustness, sae, sae-compare, sae-sweep, sae-alignment, contrastive, contrastive-sweep, got "nope"/);
  });
  for (const spec of experiments) {
    describe(spec.id, () => {
      it('has defaults within their own ranges', () => {
        for (const [k, p] of Object.entries(spec.params)) expect(parseParam(k, p, p.default)).toBe(p.default);
      });
      it('has presets that only set known, valid parameters', () => {
        expect(spec.presets[spec.defaultPreset]).toBeDefined();
        for (const id of Object.keys(spec.presets)) expect(() => resolveParams(spec, id, {})).not.toThrow();
      });
      it('has claims on existing presets and declared metrics', () => {
        for (const c of spec.claims) {
          expect(spec.presets[c.preset], c.id).toBeDefined();
          expect(spec.metrics[c.metric], c.id).toBeDefined();
        }
        expect(new Set(spec.claims.map((c) => c.id)).size).toBe(spec.claims.length);
        expect(spec.claims.some((c) => c.expect === 'fails'), 'a negative control').toBe(true);
      });
      it('charts only declared metrics', () => {
        expect(spec.metrics[spec.lossMetric]).toBeDefined();
        for (const ch of spec.charts) if (ch.kind === 'curves') for (const m of [...ch.metrics, ...(ch.references ?? [])]) expect(spec.metrics[m]).toBeDefined();
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

describe('URL options', () => {
  it('reads backend and worker from search or hash, and refuses junk', () => {
    expect(readRuntimeOptions('?backend=wasm', new URLSearchParams()).backend).toBe('wasm');
    expect(readRuntimeOptions('?backend=wasm', new URLSearchParams('backend=cpu')).backend).toBe('cpu');
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
    expect(parseHash('#/paper/some-paper?preset=x')).toEqual({ page: 'paper', id: 'some-paper', query: new URLSearchParams('preset=x') });
    expect(parseHash('#/nowhere')).toEqual({ page: 'missing', path: '/nowhere' });
  });
});
