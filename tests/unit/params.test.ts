import { describe, expect, it } from 'vitest';
import {
  parseParam,
  resolveParams,
  ParamError,
  diffFromPreset,
  toUnit,
  fromUnit,
} from '../../experiments/core/params';
import { spec } from '../../experiments/ica/spec';
import type { NumberParam, ParamTable } from '../../experiments/core/spec';

const dim = spec.params.dim;

describe('parseParam', () => {
  it('accepts in-range values from strings and numbers', () => {
    expect(parseParam('dim', dim, '6')).toBe(6);
    expect(parseParam('dim', dim, 32)).toBe(32);
    expect(parseParam('lr', spec.params.lr, '3e-2')).toBeCloseTo(0.03);
    expect(parseParam('sources', spec.params.sources, 'uniform')).toBe('uniform');
  });
  const bad: [string, unknown, RegExp][] = [
    ['dim', '1', /dim: expected an integer in \[2, 32\], got "1"/],
    ['dim', '33', /got "33"/],
    ['dim', '4.5', /expected an integer/],
    ['dim', 'abc', /got "abc"/],
    ['dim', '', /got ""/],
    ['dim', 'NaN', /got "NaN"/],
    ['dim', 'Infinity', /got "Infinity"/],
    ['dim', '0x10', /got "0x10"/],
    ['lr', '2', /lr: expected a number in \[0.0001, 1\], got "2"/],
    [
      'sources',
      'cauchy',
      /sources: expected one of laplace \| uniform \| student-t \| bimodal \| gaussian \| mixed, got "cauchy"/,
    ],
  ];
  for (const [key, raw, msg] of bad) {
    it(`refuses ${key}=${String(raw)}`, () => {
      const fn = () => parseParam(key, (spec.params as ParamTable)[key], raw);
      expect(fn).toThrow(ParamError);
      expect(fn).toThrow(msg);
    });
  }
});

describe('resolveParams', () => {
  it('layers defaults, preset and overrides', () => {
    const r = resolveParams(spec, 'gaussian-control', { seed: '7' });
    expect(r.params.sources).toBe('gaussian');
    expect(r.params.dim).toBe(6);
    expect(r.params.seed).toBe(7);
    expect(r.params.samples).toBe(spec.params.samples.default);
  });
  it('strict mode throws on unknown keys and bad values', () => {
    expect(() => resolveParams(spec, undefined, { dims: '3' })).toThrow(
      /parameter: expected one of sources, dim/,
    );
    expect(() => resolveParams(spec, 'nope', {})).toThrow(
      /preset: expected one of laplace-fastica/,
    );
  });
  it('lenient mode reports every refused value and keeps the defaults', () => {
    const r = resolveParams(spec, undefined, { dim: 'x', samples: '5', lr: '0.01' }, 'lenient');
    expect(r.errors.map((e) => e.key).sort()).toEqual(['dim', 'samples']);
    expect(r.params.dim).toBe(4);
    expect(r.params.lr).toBe(0.01);
  });
  it('diffFromPreset ignores the seed', () => {
    const p = resolveParams(spec, 'laplace-fastica', { seed: '9', dim: '8' }).params;
    expect(diffFromPreset(spec, 'laplace-fastica', p)).toEqual(['dim']);
  });
  it('slider mapping round-trips on log and linear scales', () => {
    const samples = spec.params.samples as NumberParam;
    expect(fromUnit(samples, toUnit(samples, 5000))).toBe(5000);
    expect(fromUnit(dim as NumberParam, toUnit(dim as NumberParam, 7))).toBe(7);
  });
});
