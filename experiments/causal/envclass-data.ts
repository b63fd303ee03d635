/** The data every environment-classifier toy hands its run, and their one table export. */
import type { DataTable } from '../core/spec';

export interface EnvClassData {
  /** Environments including the base; rows of each split are grouped by environment. */
  envs: number;
  dx: number;
  trainPerEnv: number;
  trainX: Float64Array; // [envs * trainPerEnv, dx]
  testPerEnv: number;
  testX: Float64Array; // [envs * testPerEnv, dx]
}

/** Every training sample: its environment label, x and the latents z; `truth` is the toy's generating parameters. */
export function environmentTable(
  data: EnvClassData & { d: number; trainZ: Float64Array },
  truth: DataTable['truth'],
): DataTable {
  const { d, envs, trainPerEnv } = data;
  const n = envs * trainPerEnv;
  const cols = 1 + 2 * d;
  const values = new Float64Array(n * cols);
  for (let i = 0; i < n; i++) {
    values[i * cols] = Math.floor(i / trainPerEnv);
    values.set(data.trainX.subarray(i * d, (i + 1) * d), i * cols + 1);
    values.set(data.trainZ.subarray(i * d, (i + 1) * d), i * cols + 1 + d);
  }
  const names = (p: string) => Array.from({ length: d }, (_, i) => `${p}${i}`);
  return { columns: ['env', ...names('x'), ...names('z')], rows: n, values, truth };
}
