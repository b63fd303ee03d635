/** Calibration records on disk (src/calibrated/), for the CLIs: read, validated, and listed by preset. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { experiments } from '../../experiments/registry';
import {
  calibrationFile,
  calibrationSchema,
  type Calibration,
} from '../../experiments/core/calibration';
import type { ExperimentSpec } from '../../experiments/core/spec';

export const CALIBRATED_DIR = path.resolve(import.meta.dirname, '../calibrated');

export interface ClaimedPreset {
  spec: ExperimentSpec;
  preset: string;
}

/** Every preset that carries a claim, in registry order. */
export function claimedPresets(): ClaimedPreset[] {
  return experiments.flatMap((spec) =>
    [...new Set(spec.claims.map((c) => c.preset))].map((preset) => ({ spec, preset })),
  );
}

/** The stored record of a preset, or null when there is none; a malformed file is an error naming it. */
export function readCalibration(experiment: string, preset: string): Calibration | null {
  const file = path.join(CALIBRATED_DIR, calibrationFile(experiment, preset));
  if (!existsSync(file)) return null;
  const parsed = calibrationSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: not a calibration record (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}
