/** The command line as a reviewer uses it: JSON on stdout, exit 2 with a clear message on bad input. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../browser/harness';
import { parseBundle } from '../../experiments/core/bundle';
import { experiments } from '../../experiments/registry';

function cli(script: 'experiment' | 'claims', args: string[]) {
  // The same command line as `npm run <script>` (package.json), without npm's banner.
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      './src/cli/node-hooks.mjs',
      path.join(ROOT, `src/cli/${script}.ts`),
      ...args,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 240_000 },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run experiment', () => {
  it('prints final metrics and claim verdicts as JSON', () => {
    const r = cli('experiment', [
      'linear-ica',
      '--set',
      'sources=laplace',
      '--set',
      'dim=6',
      '--seed',
      '3',
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.experiment).toBe('linear-ica');
    expect(j.params).toMatchObject({ sources: 'laplace', dim: 6, seed: 3 });
    expect(j.backend).toBe('wasm');
    expect(j.final['metric/mcc']).toBeGreaterThan(0.95);
    expect(j.final['metric/amari']).toBeLessThan(0.05);
    // dim differs from the default preset (4): claims are judged but flagged as off-setting.
    expect(j.claims.length).toBeGreaterThan(0);
    for (const c of j.claims) {
      expect(['holds', 'fails', 'undefined']).toContain(c.verdict);
      expect(c.settingDiffers).toEqual(['dim']);
    }
  });
  it('lists every experiment with parameters, metrics and claims', () => {
    const r = cli('experiment', ['--list', '--json']);
    expect(r.code, r.err).toBe(0);
    const [ica] = JSON.parse(r.out);
    const dim = ica.params.find((p: { name: string }) => p.name === 'dim');
    expect(dim).toMatchObject({ kind: 'int', default: 4, min: 2, max: 32 });
    expect(ica.params.find((p: { name: string }) => p.name === 'sources').choices).toContain(
      'mixed',
    );
    expect(ica.metrics.map((m: { key: string }) => m.key)).toContain('metric/amari');
    expect(ica.claims.length).toBe(9);
  });
  it('exports the generated data as CSV', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ica-')), 'data.csv');
    const r = cli('experiment', [
      'linear-ica',
      '--set',
      'dim=3',
      '--set',
      'samples=250',
      '--steps',
      '5',
      '--export-data',
      file,
    ]);
    expect(r.code, r.err).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('x0,x1,x2,s0,s1,s2');
    expect(lines.length).toBe(251);
    expect(lines[1].split(',').map(Number).every(Number.isFinite)).toBe(true);
    // the true mixing beside it: x = A s on the exported rows
    const truth = JSON.parse(readFileSync(file.replace(/\.csv$/, '.truth.json'), 'utf8'));
    expect(truth).toMatchObject({ experiment: 'linear-ica', rows: 250 });
    const a = truth.truth.mixing as number[][];
    const row = lines[1].split(',').map(Number);
    for (let i = 0; i < 3; i++)
      expect(row[i]).toBeCloseTo(
        a[i].reduce((acc, v, j) => acc + v * row[3 + j], 0),
        9,
      );
    expect(r.err).toMatch(/true generating parameters \(mixing, sourceKinds\)/);
  });
  it('runs several seeds and a sweep: mean ± sd per value, claims as k of N, a bundle the page can load', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ica-')), 'bundle.json');
    const r = cli('experiment', [
      'linear-ica',
      '--seeds',
      '3',
      '--sweep',
      'dim=2,3',
      '--set',
      'samples=500',
      '--bundle',
      file,
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.seeds).toEqual([0, 1, 2]);
    expect(j.runs.map((x: { value: number; seed: number }) => [x.value, x.seed])).toEqual([
      [2, 0],
      [2, 1],
      [2, 2],
      [3, 0],
      [3, 1],
      [3, 2],
    ]);
    expect(j.summary.map((g: { value: number }) => g.value)).toEqual([2, 3]);
    const mcc = j.summary[1].metrics['metric/mcc'];
    const perRun = j.runs
      .slice(3)
      .map((x: { final: Record<string, number> }) => x.final['metric/mcc']);
    expect(mcc.n).toBe(3);
    expect(mcc.mean).toBeCloseTo(perRun.reduce((a: number, b: number) => a + b, 0) / 3, 12);
    const tally = j.summary[0].claims[0];
    expect(tally.n).toBe(3);
    expect(tally.holds).toBe(tally.verdicts.filter((v: string) => v === 'holds').length);
    expect(tally.settingDiffers).toContain('dim');
    const bundle = parseBundle(readFileSync(file, 'utf8'), (id) =>
      experiments.find((e) => e.id === id),
    );
    expect(bundle.runs.length).toBe(6);
    expect(bundle.bundle.sweep).toEqual({ key: 'dim', values: [2, 3] });
    expect(bundle.bundle.environment).toMatch(/^Node v/);
    expect(bundle.runs[4].final['metric/mcc']).toBe(j.runs[4].final['metric/mcc']);
  });
  it('prints the study as a table with "holds in k of N seeds"', () => {
    const r = cli('experiment', ['linear-ica', '--seeds', '2', '--set', 'samples=500']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/metric\/amari\s+\d\.\d{3} ± \d\.\d{3} \(n = 2\)/);
    expect(r.out).toMatch(/\d of 2 seeds/);
  });
  const bad: [string[], RegExp][] = [
    // Names from Object.prototype are names like any other: refused, the field named.
    ...['constructor', '__proto__', 'toString', 'hasOwnProperty'].flatMap(
      (name): [string[], RegExp][] => [
        [
          ['linear-ica', '--preset', name],
          new RegExp(`preset: expected one of laplace-fastica, .*got "${name}"`),
        ],
        [
          ['linear-ica', '--set', `${name}=1`],
          new RegExp(`parameter: expected one of sources, .*got "${name}"`),
        ],
        [
          ['linear-ica', '--sweep', `${name}=1,2`],
          new RegExp(`parameter: expected one of sources, .*got "${name}"`),
        ],
      ],
    ),
    // Repeated or conflicting input is refused, not last-one-wins.
    [
      ['linear-ica', '--set', 'dim=4', '--set', 'dim=8'],
      /--set: expected each parameter once, got dim twice/,
    ],
    [
      ['linear-ica', '--set', 'seed=1', '--seed', '2'],
      /--seed: expected either --seed or --set seed, got both/,
    ],
    [
      ['linear-ica', '--set', 'steps=7', '--steps', '3'],
      /--steps: expected either --steps or --set steps, got both/,
    ],
    [['linear-ica', '--sweep', 'dim=4,4'], /sweep: expected distinct values for dim, got 4 twice/],
    // A study whose seeds leave the seed range would write a bundle the page refuses.
    [
      ['linear-ica', '--seed', '2147483647', '--seeds', '2'],
      /seeds: expected at most 1 from seed 2147483647/,
    ],
    // Ranges the engine cannot meet: a swept value outside its own parameter's range, a batch larger than the data.
    [
      ['contrastive-sweep', '--set', 'sweep=batch', '--set', 'from=8', '--set', 'to=50000'],
      /to: expected a value of batch in \[8, 2048\], got 50000/,
    ],
    [
      ['sae-sweep', '--set', 'sweep=cooccur', '--set', 'from=1', '--set', 'to=12'],
      /to: expected a value of cooccur in \[0, 1\], got 12/,
    ],
    [
      ['contrastive', '--set', 'batch=2048', '--set', 'samples=64'],
      /batch: expected at most the training pairs \(64\), got 2048/,
    ],
    // Output paths are checked before any run.
    [
      ['linear-ica', '--export-data', '/proc/nope/x.csv'],
      /--export-data: expected a writable folder for "\/proc\/nope\/x.csv"/,
    ],
    [['linear-ica', '--bundle', tmpdir()], /--bundle: expected a file, got the folder/],
    [['linear-ica', '--seeds', '0'], /seeds: expected an integer from 1 to 20, got 0/],
    [['linear-ica', '--seeds', 'many'], /seeds: expected an integer from 1 to 20, got "many"/],
    [['linear-ica', '--sweep', 'dim=2,99'], /dim: expected an integer in \[2, 32\], got "99"/],
    [
      ['linear-ica', '--sweep', 'dim'],
      /sweep: expected key=v1,v2,\.\.\. \(for example lr=0\.001,0\.003\), got "dim"/,
    ],
    [
      ['nope'],
      new RegExp(
        `unknown experiment: expected one of ${experiments.map((e) => e.id).join(', ')}, got "nope"`,
      ),
    ],
    // Rules across parameters (each spec's check): refused before any run, on stderr, exit 2.
    [
      ['sae', '--set', 'structure=groups', '--set', 'features=49'],
      /features: expected a multiple of the group size 2 with structure "groups", got 49/,
    ],
    [
      ['sae-sweep', '--set', 'to=64'],
      /k: expected at most 48 active features \(features\), got 64/,
    ],
    [
      ['contrastive', '--set', 'space=box', '--set', 'conditional=vmf'],
      /conditional: expected "vmf" only with space "sphere", got space "box"/,
    ],
    [['linear-ica', '--set', 'dims=3'], /parameter: expected one of sources, dim, .*got "dims"/],
    [['linear-ica', '--set', 'dim=40'], /dim: expected an integer in \[2, 32\], got "40"/],
    [['linear-ica', '--set', 'lr=fast'], /lr: expected a number in \[0.0001, 1\], got "fast"/],
    [['linear-ica', '--seed', '-1'], /seed: expected an integer in \[0, 2147483647\], got "-1"/],
    [['linear-ica', '--frobnicate'], /unknown option: expected one of .*got --frobnicate/],
    [['linear-ica', '--set', 'dim'], /--set: expected key=value, got "dim"/],
  ];
  for (const [args, msg] of bad) {
    it(`exits 2 on ${args.join(' ')}`, () => {
      const r = cli('experiment', args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.out).toBe('');
    });
  }
});

describe('npm run experiment: output files and streams', () => {
  it('writes nothing when an option is refused, and refuses to replace a file without --force', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-out-'));
    const csvPath = path.join(dir, 'x.csv');
    for (const extra of [
      ['--seeds', 'abc'],
      ['--sweep', 'bogus=1,2'],
      ['--seeds', '50'],
    ]) {
      const r = cli('experiment', ['linear-ica', '--export-data', csvPath, ...extra]);
      expect(r.code, r.err).toBe(2);
      expect(existsSync(csvPath), extra.join(' ')).toBe(false);
    }
    writeFileSync(csvPath, 'keep me\n');
    const same = cli('experiment', ['linear-ica', '--steps', '3', '--export-data', csvPath]);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(
      /--export-data: expected a new file \(or --force to replace it\), got the existing/,
    );
    expect(readFileSync(csvPath, 'utf8')).toBe('keep me\n');
    const both = cli('experiment', [
      'linear-ica',
      '--steps',
      '3',
      '--force',
      '--export-data',
      csvPath,
      '--bundle',
      csvPath,
    ]);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--bundle: expected a path other than --export-data's/);
    const forced = cli('experiment', [
      'linear-ica',
      '--steps',
      '3',
      '--force',
      '--export-data',
      csvPath,
    ]);
    expect(forced.code, forced.err).toBe(0);
    expect(readFileSync(csvPath, 'utf8')).toMatch(/^x0,x1/);
  });
  it('ends quietly when the reader closes the pipe, and in one line on a full disk', () => {
    const shell = (cmd: string) =>
      spawnSync('bash', ['-c', cmd], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const node = `${JSON.stringify(process.execPath)} --import tsx --import ./src/cli/node-hooks.mjs src/cli/experiment.ts`;
    const piped = shell(`${node} --list --json | head -c 10; exit \${PIPESTATUS[0]}`);
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stderr).toBe('');
    const full = shell(`${node} linear-ica --steps 3 > /dev/full`);
    expect(full.status).toBe(1);
    expect(full.stderr.trim().split('\n')).toEqual([
      'error: cannot write the output: ENOSPC: no space left on device, write',
    ]);
  });
  it('reports a real divergence with the last finite step and the fix', () => {
    const r = cli('experiment', [
      'linear-ica',
      '--set',
      'algorithm=infomax',
      '--set',
      'lr=1',
      '--set',
      'sources=gaussian',
      '--set',
      'condition=1000',
      '--json',
    ]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.state).toBe('error');
    expect(j.error).toMatch(
      /^diverged at step \d+: loss\/nll is (NaN|-?Infinity); the last finite value was at step \d+; try a smaller learning rate$/,
    );
    expect(j.error).not.toMatch(/linearSumAssignment/);
  });
});

describe('npm run claims', () => {
  it('judges every claim of an experiment and prints JSON', () => {
    const r = cli('claims', ['--only', 'linear-ica', '--seed', '2', '--json']);
    expect(r.code, r.out + r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.claims.length).toBe(9);
    for (const c of j.claims) {
      expect(c.asShipped, c.claim).toBe(true);
      expect(c.seconds).toBeGreaterThan(0);
    }
  });
  it('refuses an unknown experiment with exit 2', () => {
    const r = cli('claims', ['--only', 'nope']);
    expect(r.code).toBe(2);
    // every experiment of the registry is named, in its order
    expect(r.err).toContain(
      `expected one of ${experiments.map((e) => e.id).join(', ')}, got "nope"`,
    );
  });
});
