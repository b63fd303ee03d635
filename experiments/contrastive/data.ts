/**
 * Pure, seeded data for contrastive and predictive learning on synthetic latents: latents z in
 * R^n, positive partners z' drawn from a conditional around z, an invertible leaky-ReLU MLP g
 * with well-conditioned layers, observations x = g(z), and labels defined from the latents.
 * Setting of the cl-ica code behind "Contrastive learning inverts the data generating process"
 * (Zimmermann et al. 2021), at browser size.
 */
import { Rng } from '../core/rng';
import { conditionNumber, lstsq, mat, type Mat } from '../core/linalg';
import { rowsOf, type DataTable } from '../core/spec';
import { contrastiveRules, type ContrastiveParams } from './spec';

export type LatentSpace = ContrastiveParams['space'];

/** The parameters the generator reads, as the spec declares them, and two settings derived from the objective. */
export interface ContrastiveSpec extends Pick<
  ContrastiveParams,
  | 'latents'
  | 'space'
  | 'conditional'
  | 'kappa'
  | 'scale'
  | 'anisotropy'
  | 'observed'
  | 'depth'
  | 'conditionDraws'
  | 'classes'
  | 'samples'
  | 'testSamples'
> {
  /**
   * Supervised labels: latents are drawn from a mixture of vMFs around K centroids (concentration
   * kappa; Gaussian bumps of sd `scale` off the sphere) and the label is the component, so
   * p(k | z) is proportional to exp(kappa <c_k, z>) as in the cross-entropy paper's setting.
   * Otherwise the label is the nearest centroid of z.
   */
  clusters: boolean;
  /**
   * Skill transitions (the skill-diversity paper): the label is a skill k drawn uniformly, and the
   * partner is z' = z + step u_k + noise from the conditional, with u_k unit skill directions that
   * span the first `span` latent dimensions. Null for every other objective.
   */
  skills: { count: number; span: number; step: number } | null;
}

export type SkillSpan = ContrastiveParams['skillSpan'];
export const skillSpan = (span: SkillSpan, latents: number): number =>
  span === 'all' ? latents : span === 'one' ? 1 : latents - 1;

/** The generator's view of a setting: the objective decides how labels and partners are drawn. */
export function contrastiveSpec(p: ContrastiveParams): ContrastiveSpec {
  return {
    ...p,
    clusters: p.objective === 'supervised',
    skills:
      p.objective === 'skills'
        ? { count: p.skills, span: skillSpan(p.skillSpan, p.latents), step: p.skillStep }
        : null,
  };
}

export interface Mlp {
  /** Layer weights, each [out, in] row-major; layer 0 maps n -> m, the rest m -> m. */
  layers: Mat[];
  slope: number;
}

export interface PairSet {
  n: number;
  /** [n, latents] anchors and [n, latents] positives. */
  z: Float64Array;
  zPos: Float64Array;
  /** [n, observed] observations of each. */
  x: Float64Array;
  xPos: Float64Array;
  /** Class of each anchor (its mixture component, nearest centroid, or skill). */
  label: Int32Array;
}

export interface ContrastiveData {
  spec: ContrastiveSpec;
  mixing: Mlp;
  /** [classes, latents] centroids defining the classes. */
  centroids: Float64Array;
  /** Per-dimension scales of the conditional (all equal unless anisotropic). */
  scales: Float64Array;
  /** [skills, latents] unit skill directions (empty unless the objective is skills). */
  skillDirections: Float64Array;
  train: PairSet;
  test: PairSet;
  /** max over test points of |z - g^{-1}(g(z))|, through the layer-wise inverse. */
  inversionError: number;
  /** Condition number of each layer of g. */
  layerConditions: number[];
}

const norm = (v: Float64Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

function laplace(rng: Rng): number {
  const u = rng.next() - 0.5;
  return -Math.sign(u) * Math.log(1 - 2 * Math.abs(u) || Number.MIN_VALUE);
}

export function sampleLatent(space: LatentSpace, n: number, rng: Rng): Float64Array {
  const z = new Float64Array(n);
  switch (space) {
    case 'sphere': {
      for (let i = 0; i < n; i++) z[i] = rng.normal();
      const r = norm(z) || 1;
      for (let i = 0; i < n; i++) z[i] /= r;
      break;
    }
    case 'box':
      for (let i = 0; i < n; i++) z[i] = rng.next();
      break;
    case 'gaussian':
      for (let i = 0; i < n; i++) z[i] = rng.normal();
      break;
    case 'laplace':
      // unit variance: scale 1/sqrt(2)
      for (let i = 0; i < n; i++) z[i] = Math.SQRT1_2 * laplace(rng);
      break;
  }
  return z;
}

/**
 * von Mises-Fisher sample on S^{n-1} around the unit vector mu (Wood 1994): the cosine w to mu
 * by rejection, then a uniform direction orthogonal to mu.
 */
export function sampleVmf(mu: Float64Array, kappa: number, rng: Rng): Float64Array {
  const n = mu.length;
  const b = (-2 * kappa + Math.sqrt(4 * kappa * kappa + (n - 1) ** 2)) / (n - 1);
  const x0 = (1 - b) / (1 + b);
  const c = kappa * x0 + (n - 1) * Math.log(1 - x0 * x0);
  let w: number;
  for (;;) {
    // Beta((n-1)/2, (n-1)/2) from two Gamma draws via chi-square sums (n-1 normals).
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < n - 1; i++) {
      g1 += rng.normal() ** 2;
      g2 += rng.normal() ** 2;
    }
    const zb = g1 / (g1 + g2);
    w = (1 - (1 + b) * zb) / (1 - (1 - b) * zb);
    const u = rng.next();
    if (kappa * w + (n - 1) * Math.log(1 - x0 * w) - c >= Math.log(u || Number.MIN_VALUE)) break;
  }
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = rng.normal();
  let dot = 0;
  for (let i = 0; i < n; i++) dot += v[i] * mu[i];
  for (let i = 0; i < n; i++) v[i] -= dot * mu[i];
  const vn = norm(v) || 1;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = w * mu[i] + Math.sqrt(Math.max(0, 1 - w * w)) * (v[i] / vn);
  return out;
}

/** Per-dimension scales: equal, or log-spaced from scale to scale / anisotropy. */
export function conditionalScales(s: ContrastiveSpec): Float64Array {
  const n = s.latents;
  return Float64Array.from({ length: n }, (_, i) =>
    s.conditional === 'anisotropic' && n > 1
      ? s.scale * Math.pow(s.anisotropy, -i / (n - 1))
      : s.scale,
  );
}

/** A positive partner of z: the conditional, projected back to the latent space. */
export function samplePositive(
  z: Float64Array,
  s: ContrastiveSpec,
  scales: Float64Array,
  rng: Rng,
): Float64Array {
  const n = z.length;
  if (s.conditional === 'vmf') {
    if (s.space !== 'sphere')
      throw new Error(
        `conditional: expected "vmf" only with space "sphere", got space "${s.space}"`,
      );
    return sampleVmf(z, s.kappa, rng);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = z[i] + scales[i] * (s.conditional === 'laplace' ? laplace(rng) : rng.normal());
  if (s.space === 'sphere') {
    const r = norm(out) || 1;
    for (let i = 0; i < n; i++) out[i] /= r;
  } else if (s.space === 'box') {
    // Reflect at the faces so the partner stays in [0, 1]^n.
    for (let i = 0; i < n; i++) {
      let v = out[i];
      while (v < 0 || v > 1) v = v < 0 ? -v : 2 - v;
      out[i] = v;
    }
  }
  return out;
}

function randomLayer(rows: number, cols: number, rng: Rng): Mat {
  // uniform(-1, 1) entries with unit-norm columns (cl-ica)
  const m = mat(
    rows,
    cols,
    Float64Array.from({ length: rows * cols }, () => rng.uniform(-1, 1)),
  );
  for (let c = 0; c < cols; c++) {
    let s = 0;
    for (let r = 0; r < rows; r++) s += m.data[r * cols + c] ** 2;
    const inv = 1 / Math.sqrt(s);
    for (let r = 0; r < rows; r++) m.data[r * cols + c] *= inv;
  }
  return m;
}

/** Invertible leaky-ReLU MLP: each layer the best-conditioned of `draws` random draws. */
export function makeMixing(s: ContrastiveSpec, rng: Rng): Mlp {
  const layers: Mat[] = [];
  for (let l = 0; l < s.depth; l++) {
    const cols = l === 0 ? s.latents : s.observed;
    let best: Mat | null = null;
    let bestCond = Infinity;
    for (let t = 0; t < s.conditionDraws; t++) {
      const w = randomLayer(s.observed, cols, rng);
      const c = conditionNumber(w);
      if (c < bestCond) {
        bestCond = c;
        best = w;
      }
    }
    layers.push(best!);
  }
  return { layers, slope: 0.2 };
}

export function applyMixing(g: Mlp, z: Float64Array): Float64Array {
  let h = z;
  g.layers.forEach((w, l) => {
    const out = new Float64Array(w.rows);
    for (let r = 0; r < w.rows; r++) {
      let v = 0;
      for (let c = 0; c < w.cols; c++) v += w.data[r * w.cols + c] * h[c];
      out[r] = l < g.layers.length - 1 && v < 0 ? g.slope * v : v; // leaky ReLU between layers
    }
    h = out;
  });
  return h;
}

/** Layer-wise inverse of g on a batch [n, observed] -> [n, latents] (least squares per layer). */
export function invertMixing(g: Mlp, x: Float64Array, n: number): Float64Array {
  let h = mat(n, g.layers.at(-1)!.rows, Float64Array.from(x));
  for (let l = g.layers.length - 1; l >= 0; l--) {
    const w = g.layers[l];
    if (l < g.layers.length - 1)
      for (let i = 0; i < h.data.length; i++) if (h.data[i] < 0) h.data[i] /= g.slope;
    // h = z W^T  =>  z = lstsq(W, h^T)^T
    const ht = mat(w.rows, n);
    for (let i = 0; i < n; i++)
      for (let r = 0; r < w.rows; r++) ht.data[r * n + i] = h.data[i * w.rows + r];
    const sol = lstsq(w, ht); // [cols, n]
    const next = mat(n, w.cols);
    for (let i = 0; i < n; i++)
      for (let c = 0; c < w.cols; c++) next.data[i * w.cols + c] = sol.data[c * n + i];
    h = next;
  }
  return h.data;
}

function pairSet(
  s: ContrastiveSpec,
  n: number,
  g: Mlp,
  centroids: Float64Array,
  scales: Float64Array,
  skillDirs: Float64Array,
  rng: Rng,
): PairSet {
  const d = s.latents;
  const m = s.observed;
  const z = new Float64Array(n * d);
  const zPos = new Float64Array(n * d);
  const x = new Float64Array(n * m);
  const xPos = new Float64Array(n * m);
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let a: Float64Array;
    if (s.clusters) {
      const k = rng.int(s.classes);
      const c = centroids.subarray(k * d, (k + 1) * d);
      a =
        s.space === 'sphere'
          ? sampleVmf(Float64Array.from(c), s.kappa, rng)
          : Float64Array.from(c, (v) => v + s.scale * rng.normal());
      label[i] = k;
    } else a = sampleLatent(s.space, d, rng);
    let b: Float64Array;
    if (s.skills) {
      const k = rng.int(s.skills.count);
      const moved = Float64Array.from(a, (v, j) => v + s.skills!.step * skillDirs[k * d + j]);
      if (s.space === 'sphere') moved.set(moved.map((v) => v / (norm(moved) || 1)));
      b = samplePositive(moved, s, scales, rng);
      label[i] = k;
    } else b = samplePositive(a, s, scales, rng);
    z.set(a, i * d);
    zPos.set(b, i * d);
    x.set(applyMixing(g, a), i * m);
    xPos.set(applyMixing(g, b), i * m);
    if (s.clusters || s.skills) continue;
    let best = 0;
    let bestDist = Infinity;
    for (let k = 0; k < s.classes; k++) {
      let dist = 0;
      for (let j = 0; j < d; j++) dist += (a[j] - centroids[k * d + j]) ** 2;
      if (dist < bestDist) {
        bestDist = dist;
        best = k;
      }
    }
    label[i] = best;
  }
  return { n, z, zPos, x, xPos, label };
}

/** K unit directions, uniform on the sphere of the first `span` latent dimensions (zero elsewhere). */
export function skillDirectionsIn(
  count: number,
  span: number,
  latents: number,
  rng: Rng,
): Float64Array {
  const out = new Float64Array(count * latents);
  for (let k = 0; k < count; k++) out.set(sampleLatent('sphere', span, rng), k * latents);
  return out;
}

/** The generator's guard for callers that skip the spec's check (tests): the same rules. */
export function validate(s: ContrastiveSpec): void {
  const [first] = contrastiveRules({ ...s, objective: s.clusters ? 'supervised' : 'infonce' });
  if (first) throw first;
  if (s.skills && s.skills.span < 1)
    throw new Error(
      `skillSpan: expected skills spanning at least one latent dimension, got ${s.skills.span} with ${s.latents} latents`,
    );
}

export function generate(s: ContrastiveSpec, seed: number): ContrastiveData {
  validate(s);
  const root = new Rng(seed).fork('contrastive');
  const mixing = makeMixing(s, root.fork('mixing'));
  const cRng = root.fork('centroids');
  const centroids = new Float64Array(s.classes * s.latents);
  for (let k = 0; k < s.classes; k++)
    centroids.set(sampleLatent(s.space, s.latents, cRng), k * s.latents);
  const scales = conditionalScales(s);
  const skillDirections = s.skills
    ? skillDirectionsIn(s.skills.count, s.skills.span, s.latents, root.fork('skills'))
    : new Float64Array(0);
  const train = pairSet(
    s,
    s.samples,
    mixing,
    centroids,
    scales,
    skillDirections,
    root.fork('train'),
  );
  const test = pairSet(
    s,
    s.testSamples,
    mixing,
    centroids,
    scales,
    skillDirections,
    root.fork('test'),
  );
  const probe = Math.min(200, test.n);
  const back = invertMixing(mixing, test.x.subarray(0, probe * s.observed), probe);
  let err = 0;
  for (let i = 0; i < probe * s.latents; i++) err = Math.max(err, Math.abs(back[i] - test.z[i]));
  return {
    spec: s,
    mixing,
    centroids,
    scales,
    skillDirections,
    train,
    test,
    inversionError: err,
    layerConditions: mixing.layers.map(conditionNumber),
  };
}

/**
 * Pairs, one row each: split (0 train, 1 test), the anchor x0.., z0.., its positive xpos0..,
 * zpos0.. and the label; the truth is g (its layers and slope, x = g(z)), the conditional's
 * per-dimension scales, the class centroids and the skill directions.
 */
export function toTable(data: ContrastiveData): DataTable {
  const { latents: d, observed: m } = data.spec;
  const name = (p: string, k: number) => Array.from({ length: k }, (_, j) => `${p}${j}`);
  const columns = [
    'split',
    ...name('x', m),
    ...name('z', d),
    ...name('xpos', m),
    ...name('zpos', d),
    'label',
  ];
  const w = columns.length;
  const rows = data.train.n + data.test.n;
  const values = new Float64Array(rows * w);
  let row = 0;
  [data.train, data.test].forEach((set, split) => {
    for (let i = 0; i < set.n; i++, row++) {
      const o = row * w;
      values[o] = split;
      values.set(set.x.subarray(i * m, (i + 1) * m), o + 1);
      values.set(set.z.subarray(i * d, (i + 1) * d), o + 1 + m);
      values.set(set.xPos.subarray(i * m, (i + 1) * m), o + 1 + m + d);
      values.set(set.zPos.subarray(i * d, (i + 1) * d), o + 1 + 2 * m + d);
      values[o + w - 1] = set.label[i];
    }
  });
  return {
    columns,
    rows,
    values,
    truth: {
      mixing: {
        layers: data.mixing.layers.map((l) => rowsOf(l.data, l.rows, l.cols)),
        slope: data.mixing.slope,
        form: 'x = W_L leaky(... leaky(W_1 z)), leaky(v) = v for v >= 0 and slope * v below',
      },
      scales: Array.from(data.scales),
      centroids: rowsOf(data.centroids, data.spec.classes, d),
      skillDirections: rowsOf(data.skillDirections, data.skillDirections.length / d, d),
    },
  };
}
