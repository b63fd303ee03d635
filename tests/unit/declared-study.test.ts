/**
 * A declared study as the Runner drives it: arms trained in order with the step budget carried
 * across them, each arm's final metrics and artifacts kept, the study-level reductions (first,
 * last, trend along the sweep, means over an arm's seeds), the unit's charts labelled with the arm,
 * and every unit run disposed.
 */
import { describe, expect, it } from 'vitest';
import type * as TF from '@tensorflow/tfjs-core';
import { Runner } from '../../experiments/core/runner';
import {
  studyTrainer,
  sweepLines,
  sweepReduce,
  groupMeans,
  type StudyDecl,
  type ArmOutcome,
} from '../../experiments/core/study';
import type { ExperimentSpec, NumberParam, Trainer } from '../../experiments/core/spec';

type Table = {
  x: NumberParam;
  steps: NumberParam;
  seed: NumberParam;
};

/** A unit whose loss after s steps is x / (s + 1) and whose final score is x + seed / 10. */
function fakeUnit(log: string[]): Trainer<Table> {
  return {
    exportData: () => ({ columns: [], rows: 0, values: new Float64Array(), truth: {} }),
    create: (_tf, p) => {
      let step = 0;
      log.push(`create x=${p.x} seed=${p.seed}`);
      return {
        totalSteps: p.steps,
        advance: async (k) => {
          step = Math.min(p.steps, step + k);
          return { step, done: step >= p.steps, metrics: { 'loss/fake': p.x / (step + 1) } };
        },
        views: async () => ({
          curve: { kind: 'lines', x: [0], series: [{ name: 'x', y: [p.x] }] },
        }),
        finalMetrics: async () => ({ 'metric/score': p.x + p.seed / 10 }),
        artifacts: async () => ({ seen: Float64Array.of(p.x) }),
        dispose: () => log.push(`dispose x=${p.x} seed=${p.seed}`),
      };
    },
  };
}

describe('declared studies', () => {
  const xs = [1, 2, 4];
  const decl = (log: string[], seen: ArmOutcome[][]): StudyDecl<Table, Table> => ({
    unit: async () => fakeUnit(log),
    artifacts: true,
    unitViews: ['curve'],
    arms: (p) =>
      xs.flatMap((x, g) =>
        [0, 1].map((s) => ({
          label: `x = ${x} seed ${s}`,
          group: g,
          value: x,
          params: { ...p, x, seed: s },
        })),
      ),
    reduce: (done) => {
      seen.push([...done]);
      return sweepReduce(done, 'metric/score', 'score');
    },
    views: (done) => ({ sweep: sweepLines(done, [{ metric: 'metric/score', name: 'score' }]) }),
  });

  it('trains the arms in order across ticks, reduces them and disposes every unit run', async () => {
    const log: string[] = [];
    const seen: ArmOutcome[][] = [];
    const trainer = await studyTrainer(decl(log, seen));
    const spec = { id: 'fake-study', lossMetric: 'loss/fake' } as unknown as ExperimentSpec;
    const r = await new Runner(
      {} as typeof TF,
      spec,
      trainer,
      { x: 1, steps: 5, seed: 0 },
      {},
      { stepsPerTick: 3, viewsMs: 0 },
    ).run();
    expect(r.state, r.error).toBe('done');
    // 6 arms of 5 steps: the budget of a tick runs over into the next arm.
    expect(r.step).toBe(30);
    expect(log.filter((l) => l.startsWith('create'))).toEqual([
      'create x=1 seed=0',
      'create x=1 seed=1',
      'create x=2 seed=0',
      'create x=2 seed=1',
      'create x=4 seed=0',
      'create x=4 seed=1',
    ]);
    expect(log.filter((l) => l.startsWith('dispose')).length).toBe(6);
    // Means over each arm's two seeds (x + 0.05), then first, last and Spearman trend along x.
    expect(r.final['metric/first_score']).toBeCloseTo(1.05, 12);
    expect(r.final['metric/last_score']).toBeCloseTo(4.05, 12);
    expect(r.final['metric/trend_score']).toBeCloseTo(1, 12);
    expect(r.final['metric/arm']).toBe(6);
    const last = seen.at(-1)!;
    expect(last.map((o) => o.artifacts.seen[0])).toEqual([1, 1, 2, 2, 4, 4]);
    // The unit's chart of the last finished arm, labelled with it, and the study's own chart.
    expect(r.views.curve).toMatchObject({ kind: 'lines', of: 'x = 4 seed 1' });
    expect(r.views.sweep).toEqual({
      kind: 'lines',
      x: [1, 2, 4],
      series: [{ name: 'score', y: [1.05, 2.05, 4.05] }],
    });
    // The curve runs through every arm: steps 0..30, the loss restarting with each arm.
    expect(r.history[0].step).toBe(0);
    expect(r.history.at(-1)!.step).toBe(30);
  });

  it('gives a trend only with three finite points, and a mean per group', () => {
    const arm = (g: number, v: number, score: number): ArmOutcome => ({
      arm: { label: '', group: g, value: v, params: {} },
      final: { 'metric/score': score },
      artifacts: {},
    });
    expect(
      Number.isNaN(
        sweepReduce([arm(0, 1, 1), arm(1, 2, 2)], 'metric/score', 's')['metric/trend_s'],
      ),
    ).toBe(true);
    expect(
      Number.isNaN(
        sweepReduce([arm(0, 1, 1), arm(1, 2, NaN), arm(2, 3, 3)], 'metric/score', 's')[
          'metric/trend_s'
        ],
      ),
    ).toBe(true);
    expect(
      sweepReduce([arm(0, 1, 3), arm(1, 2, 2), arm(2, 3, 1)], 'metric/score', 's')[
        'metric/trend_s'
      ],
    ).toBeCloseTo(-1, 12);
    expect(groupMeans([arm(0, 1, 1), arm(0, 1, 3), arm(1, 5, 10)], 'metric/score')).toEqual([
      { group: 0, value: 1, mean: 2 },
      { group: 1, value: 5, mean: 10 },
    ]);
    expect(sweepReduce([], 'metric/score', 's')).toEqual({
      'metric/first_s': NaN,
      'metric/last_s': NaN,
      'metric/trend_s': NaN,
    });
  });

  it('refuses a study without arms', async () => {
    const trainer = await studyTrainer({
      unit: async () => fakeUnit([]),
      arms: () => [],
      reduce: () => ({}),
    });
    expect(() => trainer.create({} as typeof TF, { x: 1, steps: 5, seed: 0 })).toThrow(
      'study: expected at least one arm, got none',
    );
  });
});
