import { describe, expect, it } from 'vitest';
import { Rng } from '../../experiments/core/rng';

describe('Rng', () => {
  it('gives the same bytes for the same seed (golden values: a change of algorithm breaks every shared link)', () => {
    const a = new Rng(42);
    expect(Array.from({ length: 8 }, () => a.uint32())).toEqual([
      1028872839, 2516511472, 400437680, 853279530, 1920286840, 3588795744, 3644712829, 3990689672,
    ]);
    const b = new Rng('abc');
    expect(Array.from({ length: 8 }, () => b.uint32())).toEqual([
      4010179712, 2073380504, 3335218430, 4093963553, 2573645842, 2531461902, 2669646399,
      3595796924,
    ]);
  });
  it('forks by label with golden values (every experiment derives its streams this way)', () => {
    const f = new Rng(42).fork('data');
    expect(Array.from({ length: 4 }, () => f.uint32())).toEqual([
      3697508563, 536930195, 1116256409, 1546073556,
    ]);
  });
  it('repeats exactly, and differs across seeds', () => {
    const draw = (seed: number) => {
      const r = new Rng(seed);
      return Float64Array.from({ length: 1000 }, () => r.normal());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });
  it('forks independent streams without consuming the parent', () => {
    const p = new Rng(1);
    const q = new Rng(1);
    const f1 = p.fork('data');
    expect(p.uint32()).toBe(q.uint32());
    expect(f1.uint32()).toBe(new Rng(1).fork('data').uint32());
    expect(new Rng(1).fork('data').uint32()).not.toBe(new Rng(1).fork('init').uint32());
    expect(new Rng(1).fork('data').uint32()).not.toBe(new Rng(2).fork('data').uint32());
  });
  it('draws standard normals and uniforms with the right moments', () => {
    const r = new Rng(3);
    const n = 100_000;
    let m = 0;
    let v = 0;
    let u = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      m += x;
      v += x * x;
      u += r.next();
    }
    expect(m / n).toBeCloseTo(0, 1);
    expect(v / n).toBeCloseTo(1, 1);
    expect(u / n).toBeCloseTo(0.5, 2);
  });
  it('draws integers without bias and shuffles into a permutation', () => {
    const r = new Rng(4);
    const counts = new Array(3).fill(0);
    for (let i = 0; i < 30_000; i++) counts[r.int(3)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    const a = Int32Array.from({ length: 50 }, (_, i) => i);
    r.shuffle(a);
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(a)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
  it('keeps next() in [0, 1) and uniform(lo, hi) in [lo, hi)', () => {
    const r = new Rng(5);
    for (let i = 0; i < 10_000; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
      const v = r.uniform(-2, 3);
      expect(v >= -2 && v < 3).toBe(true);
    }
  });
  it('uses more than 32 bits per next()', () => {
    // With only 32 random bits every value would be a multiple of 2^-32.
    const r = new Rng(6);
    const fine = Array.from({ length: 100 }, () => r.next()).filter((u) => (u * 2 ** 32) % 1 !== 0);
    expect(fine.length).toBeGreaterThan(90);
  });
  it('shuffles typed arrays deterministically', () => {
    const a = Float64Array.from({ length: 20 }, (_, i) => i);
    const b = Float64Array.from({ length: 20 }, (_, i) => i);
    new Rng(9).shuffle(a);
    new Rng(9).shuffle(b);
    expect(a).toEqual(b);
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
  it('refuses a bad seed or int bound with what it expected', () => {
    expect(() => new Rng(2 ** 32)).toThrow(/got 4294967296/);
    expect(() => new Rng(Number.NaN)).toThrow(/got NaN/);
    expect(() => new Rng(0).int(0)).toThrow('Rng.int: expected an integer in [1, 2^32], got 0');
    expect(new Rng(0xffffffff).uint32()).toBe(new Rng(0xffffffff).uint32());
    expect(() => new Rng(-1)).toThrow(
      'Rng seed: expected an integer in [0, 4294967295] or a string, got -1',
    );
    expect(() => new Rng(1.5)).toThrow(/got 1.5/);
  });
});
