/**
 * The committed calibration records (src/calibrated/, written by `npm run calibrate`), loaded on
 * demand: a record is shown beside a claim only while it matches the preset it was made at.
 */
import {
  calibrationFile,
  calibrationSchema,
  calibrationStale,
  type Calibration,
} from '../../experiments/core/calibration';
import type { ExperimentSpec } from '../../experiments/core/spec';

const files = import.meta.glob<unknown>('../calibrated/*.json', { import: 'default' });

export async function calibrationFor(
  spec: ExperimentSpec,
  preset: string,
): Promise<Calibration | null> {
  const load = files[`../calibrated/${calibrationFile(spec.id, preset)}`];
  if (!load) return null;
  const parsed = calibrationSchema.safeParse(await load());
  if (!parsed.success || calibrationStale(spec, preset, parsed.data)) return null;
  return parsed.data;
}
