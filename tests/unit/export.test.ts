/**
 * What --export-data and the page's data export write: enough to recompute a claim elsewhere.
 * The truth beside the CSV regenerates the observations from the exported latents.
 */
import { describe, expect, it } from 'vitest';
import { experiments, getExperiment } from '../../experiments/registry';
import { resolveParams } from '../../experiments/core/params';
import { dataCsv, truthJson, truthPath } from '../../experiments/core/export';
import type { DataTable } from '../../experiments/core/spec';

async function exported(id: string, preset: string): Promise<DataTable> {
  const spec = getExperiment(id);
  const { params } = resolveParams(spec, preset, {});
  return (await spec.load()).exportData(params);
}
const col = (t: DataTable, name: string) => {
  const j = t.columns.indexOf(name);
  if (j < 0) throw new Error(`no column ${name} in ${t.columns.join(',')}`);
  return (row: number) => t.values[row * t.columns.length + j];
};
const cols = (t: DataTable, prefix: string) =>
  t.columns.filter((c) => new RegExp(`^${prefix}\\d+$`).test(c)).map((c) => col(t, c));

describe('data exports', () => {
  for (const spec of experiments)
    it(`${spec.id}: a CSV with a header, and a non-empty truth beside it`, async () => {
      const t = await exported(spec.id, spec.defaultPreset);
      expect(t.values.length).toBe(t.rows * t.columns.length);
      expect(Object.keys(t.truth).length).toBeGreaterThan(0);
      expect(dataCsv(t).split('\n', 1)[0]).toBe(t.columns.join(','));
      const j = JSON.parse(
        truthJson(t, { experiment: spec.id, preset: 'p', params: {}, appVersion: '0' }),
      );
      expect(j.truth).toEqual(JSON.parse(JSON.stringify(t.truth)));
    }, 30_000);

  it('names the truth beside the CSV', () => {
    expect(truthPath('out/data.csv')).toBe('out/data.truth.json');
    expect(truthPath('data')).toBe('data.truth.json');
  });

  it('linear-ica: x = A s with the exported A', async () => {
    const t = await exported('linear-ica', 'laplace-fastica');
    const a = t.truth.mixing as number[][];
    const [x, s] = [cols(t, 'x'), cols(t, 's')];
    for (const r of [0, 17, t.rows - 1])
      x.forEach((xi, i) =>
        expect(xi(r)).toBeCloseTo(
          a[i].reduce((acc, v, j) => acc + v * s[j](r), 0),
          10,
        ),
      );
  });

  it('contrastive: anchors and positives, train and test, both x = g(z) through the exported g', async () => {
    const t = await exported('contrastive', 'sphere-vmf');
    const g = t.truth.mixing as { layers: number[][][]; slope: number };
    const apply = (z: number[]) =>
      g.layers.reduce(
        (h, w, l) =>
          w.map((row) => {
            const v = row.reduce((acc, wij, j) => acc + wij * h[j], 0);
            return l < g.layers.length - 1 && v < 0 ? g.slope * v : v;
          }),
        z,
      );
    const split = col(t, 'split');
    expect(split(0)).toBe(0);
    expect(split(t.rows - 1)).toBe(1);
    for (const [xp, zp] of [
      ['x', 'z'],
      ['xpos', 'zpos'],
    ])
      for (const r of [0, 5, t.rows - 1]) {
        const x = apply(cols(t, zp).map((c) => c(r)));
        cols(t, xp).forEach((c, i) => expect(c(r)).toBeCloseTo(x[i], 10));
      }
    expect(t.truth.scales).toHaveLength(3);
  });

  it('sae: train, ID and OOD rows, each x = z D with the exported dictionary', async () => {
    const t = await exported('sae', 'stop-probing');
    const d = t.truth.dictionary as number[][];
    const splits = t.truth.splits as { train: number; testId: number; testOod: number };
    expect(splits.testOod).toBeGreaterThan(0);
    expect(splits.train + splits.testId + splits.testOod).toBe(t.rows);
    const split = col(t, 'split');
    expect([split(0), split(splits.train), split(t.rows - 1)]).toEqual([0, 1, 2]);
    const [x, z] = [cols(t, 'x'), cols(t, 'z')];
    for (const r of [0, splits.train, t.rows - 1])
      x.forEach((xj, j) =>
        expect(xj(r)).toBeCloseTo(
          z.reduce((acc, zi, i) => acc + zi(r) * d[i][j], 0),
          10,
        ),
      );
  });

  it('treatment-ica: the treatment noise per row and the true effects', async () => {
    const t = await exported('treatment-ica', 'multi-treatment');
    const theta = t.truth.theta as number[];
    expect(theta).toHaveLength(cols(t, 't').length);
    expect(cols(t, 'eta')).toHaveLength(theta.length);
  });
});
