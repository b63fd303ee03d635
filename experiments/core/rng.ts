/**
 * Seeded PRNG: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, from PractRand),
 * its four words filled by splitmix32 (a Weyl sequence with step 0x9e3779b9 through MurmurHash3's
 * fmix32 finaliser). String seeds and fork labels are hashed with 32-bit FNV-1a first. Only
 * 32-bit integer arithmetic (Math.imul, >>> 0), so one seed gives the same bytes on every JS
 * engine, in Node, in a worker and on the main thread. Golden outputs in tests/unit/rng.test.ts.
 */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over UTF-16 code units: a string seed or fork label -> 32 bits. */
function hashString(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

export class Rng {
  readonly seed: number;
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;

  constructor(seed: number | string) {
    if (typeof seed === 'string') this.seed = hashString(seed);
    else if (Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff) this.seed = seed;
    else
      throw new Error(
        `Rng seed: expected an integer in [0, 4294967295] or a string, got ${String(seed)}`,
      );
    const mix = splitmix32(this.seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.uint32(); // warm-up, as recommended for sfc32
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.uint32() >>> 5; // 27 bits
    const lo = this.uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Standard normal by the Marsaglia polar method (pairs; the spare is kept). */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * f;
        return u * f;
      }
    }
  }

  /** Uniform integer in [0, n), without modulo bias. */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 0x100000000)
      throw new Error(`Rng.int: expected an integer in [1, 2^32], got ${n}`);
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = this.uint32();
      if (x < limit) return x % n;
    }
  }

  /** Fisher-Yates, in place. */
  shuffle<T>(a: T[] | Float64Array | Int32Array): void {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i];
      a[i] = a[j];
      (a as T[])[j] = t as T;
    }
  }

  /** An independent stream named by `label`; does not consume from this one. */
  fork(label: string): Rng {
    return new Rng(hashString(label, Math.imul(this.seed ^ 0x5bd1e995, 0x01000193) >>> 0));
  }
}
