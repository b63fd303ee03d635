/** Every experiment by id. Specs are light (no TF.js); trainers load lazily. */
import type { ExperimentSpec } from './core/spec';
import { spec as linearIca } from './ica/spec';
import { spec as treatmentIca } from './treatment/spec';
import { spec as icaRobustness } from './robustness/spec';
import { saeSpec, saeCompareSpec, saeSweepSpec, saeAlignmentSpec } from './sae/spec';
import { spec as contrastive, sweepSpec as contrastiveSweep } from './contrastive/spec';
import { spec as causalSelection } from './causal/selection-spec';
import { spec as causalMr } from './causal/mr-spec';
import { spec as causalLti } from './causal/lti-spec';
import { spec as causalExchangeable } from './causal/exchangeable-spec';
import { spec as causalInvariance } from './causal/invariance-spec';
import { spec as causalCompression } from './causal/compression-spec';
import { spec as causalCauca } from './causal/cauca-spec';
import { spec as causalLinearCrl } from './causal/lincrl-spec';
import { spec as causalConcepts } from './causal/concepts-spec';
import { spec as dynamicsRichLazy } from './dynamics/richlazy-spec';
import { spec as dynamicsPretraining } from './dynamics/pretrain-spec';
import { spec as dynamicsFactor } from './dynamics/factor-spec';
import { spec as dynamicsIntrinsic } from './dynamics/intrinsic-spec';
import { spec as dynamicsIntrinsicMlp } from './dynamics/subspace-spec';
import { spec as dynamicsFinetuneDim } from './dynamics/finetune-spec';
import { spec as sequenceRules } from './sequence/rules-spec';
import { spec as sequenceNonid } from './sequence/nonid-spec';
import { spec as dynamicsPoet } from './dynamics/poet-spec';

export const experiments: readonly ExperimentSpec[] = [
  linearIca,
  treatmentIca,
  icaRobustness,
  saeSpec,
  saeCompareSpec,
  saeSweepSpec,
  saeAlignmentSpec,
  contrastive,
  contrastiveSweep,
  causalSelection,
  causalMr,
  causalLti,
  causalExchangeable,
  causalInvariance,
  causalCompression,
  causalCauca,
  causalLinearCrl,
  causalConcepts,
  dynamicsRichLazy,
  dynamicsPretraining,
  dynamicsFactor,
  dynamicsIntrinsic,
  dynamicsIntrinsicMlp,
  dynamicsFinetuneDim,
  sequenceRules,
  sequenceNonid,
  dynamicsPoet,
];

export function getExperiment(id: string): ExperimentSpec {
  const spec = experiments.find((e) => e.id === id);
  if (!spec)
    throw new Error(
      `unknown experiment: expected one of ${experiments.map((e) => e.id).join(', ')}, got "${id}"`,
    );
  return spec;
}
