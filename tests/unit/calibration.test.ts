/**
 * Every claimed preset has a fresh calibration record (else: npm run calibrate -- --only it), and
 * every claim meets the shipping rule or is declared seed-dependent; the rule itself on hand cases.
 */
import { describe, expect, it } from 'vitest';
import {
  CALIBRATION_SEEDS,
  calibrationStale,
  describeCalibration,
  summariseClaim,
} from '../../experiments/core/calibration';
import { describeCondition, judgeClaim, type Claim } from '../../experiments/core/claims';
import { claimedPresets, readCalibration } from '../../src/cli/calibrations';

const claim = (over: Partial<Claim> = {}): Claim => ({
  id: 'c',
  text: '',
  preset: 'p',
  metric: 'm',
  op: '>=',
  value: 0.9,
  expect: 'holds',
  ...over,
});
const seeds = (f: (i: number) => number) =>
  Array.from({ length: CALIBRATION_SEEDS }, (_, i) => f(i));

describe('the shipping rule', () => {
  it('passes a claim that holds at every seed with its threshold 2 sd or more from the mean', () => {
    const s = summariseClaim(
      claim(),
      seeds((i) => 0.97 + 0.002 * (i % 2)),
    );
    expect([s.k, s.n, s.meetsRule]).toEqual([8, 8, true]);
    expect(describeCalibration(s)).toBe(
      'calibrated on 8 seeds: holds in 8, 0.971 ± 0.001 against m >= 0.9 (66.4 sd away)',
    );
  });
  it('fails a claim that holds at every seed but sits within 2 sd of its threshold', () => {
    const s = summariseClaim(
      claim(),
      seeds((i) => (i % 2 ? 0.91 : 0.99)),
    );
    expect(s.k).toBe(8);
    expect(s.marginSd).toBeCloseTo(0.05 / 0.042762, 3);
    expect(s.meetsRule).toBe(false);
  });
  it('fails a claim that misses at one seed, and counts the shipped verdict of a negative control', () => {
    expect(
      summariseClaim(
        claim(),
        seeds((i) => (i ? 0.99 : 0.5)),
      ).meetsRule,
    ).toBe(false);
    const control = summariseClaim(
      claim({ expect: 'fails' }),
      seeds(() => 0.3),
    );
    expect([control.shipped, control.k, control.meetsRule]).toEqual(['fails', 8, true]);
  });
  it('never passes a NaN, nor fewer seeds than required', () => {
    const s = summariseClaim(
      claim(),
      seeds((i) => (i ? 0.99 : NaN)),
    );
    expect([s.k, s.mean, s.meetsRule]).toEqual([7, null, false]);
    expect(summariseClaim(claim(), [0.99, 0.99]).meetsRule).toBe(false);
  });
  it("measures 'between' against the nearer bound", () => {
    const s = summariseClaim(
      claim({ op: 'between', value: [0.9, 1.1] }),
      seeds((i) => 1.05 + 0.01 * (i % 2)),
    );
    expect(s.marginSd).toBeCloseTo(0.045 / 0.005345, 2);
  });
});

describe('calibration records', () => {
  for (const { spec, preset } of claimedPresets()) {
    const target = `${spec.id}/${preset}`;
    it(`${target} has a fresh record (else: npm run calibrate -- --only ${target})`, () => {
      const rec = readCalibration(spec.id, preset);
      expect(rec, `${target}: no record`).not.toBeNull();
      expect(calibrationStale(spec, preset, rec!), target).toBeNull();
    });
    it(`${target}: every claim meets the shipping rule or is declared seed-dependent`, () => {
      const rec = readCalibration(spec.id, preset);
      if (!rec) return; // reported by the freshness test
      for (const s of rec.claims) {
        const c = spec.claims.find((x) => x.id === s.id)!;
        if (!c.seedDependent) expect(s.meetsRule, `${s.id}: ${describeCalibration(s)}`).toBe(true);
      }
    });
    it(`${target}: no recovery claim is met by the raw observations at any calibration seed`, () => {
      const rec = readCalibration(spec.id, preset);
      if (!rec) return;
      for (const c of spec.claims.filter(
        (x) => x.preset === preset && x.expect === 'holds' && x.op === '>=',
      )) {
        const raw = rec.finals[`${c.metric}_raw`];
        if (!raw) continue; // no raw-x counterpart of this metric
        const held = raw.filter((v) => judgeClaim(c, v ?? NaN).verdict === 'holds').length;
        expect(held, `${c.id}: raw x meets ${describeCondition(c)} at ${held} seeds`).toBe(0);
      }
    });
  }
});
