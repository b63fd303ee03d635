/** Every preset a paper page embeds has a recorded reference run made at exactly that preset. */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { papers } from '../../seeds';
import { getExperiment } from '../../experiments/registry';
import { parseBundle } from '../../experiments/core/bundle';
import { recordingFile, recordingMatches, type Recording } from '../../experiments/core/recording';
import { shippedVerdict } from '../../experiments/core/claims';

const DIR = path.resolve(import.meta.dirname, '../../src/recorded');
const targets = [
  ...new Set(
    papers.flatMap((p) =>
      p.demo.kind === 'runnable' ? [`${p.demo.experiment}/${p.demo.preset}`] : [],
    ),
  ),
];

describe('recorded reference runs', () => {
  it.each(targets)('%s is recorded at its current preset (else: npm run record)', (target) => {
    const [experiment, preset] = target.split('/');
    const file = path.join(DIR, recordingFile(experiment, preset));
    expect(existsSync(file), `${file} is missing: run npm run record -- --only ${target}`).toBe(
      true,
    );
    const rec = JSON.parse(readFileSync(file, 'utf8')) as Recording;
    const spec = getExperiment(experiment);
    expect(
      recordingMatches(spec, preset, rec),
      `${target} was recorded with other parameters: run npm run record -- --only ${target}`,
    ).toBe(true);
    const loaded = parseBundle(JSON.stringify(rec.bundle), (id) =>
      id === spec.id ? spec : undefined,
    );
    expect(loaded.runs[0].state).toBe('done');
    expect(loaded.runs[0].history.length).toBeGreaterThan(1);
    // Every view chart of the spec has its final data, keyed by chart id.
    expect(Object.keys(rec.views).sort()).toEqual(
      spec.charts
        .filter((c) => c.kind === 'view')
        .map((c) => c.id)
        .sort(),
    );
    // The recorded verdicts are the shipped ones: a recording never shows a claim the toy does not
    // give (a seed-dependent claim has no single shipped verdict; it must be measured).
    for (const v of rec.bundle.runs[0].verdicts) {
      const claim = spec.claims.find((c) => c.id === v.claim)!;
      if (claim.seedDependent) expect(v.verdict, `${target}: ${v.claim}`).not.toBe('undefined');
      else expect(v.verdict, `${target}: ${v.claim}`).toBe(shippedVerdict(claim));
    }
  });
});
