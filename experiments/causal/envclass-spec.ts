/**
 * What the environment-classifier toys (interventional CRL, concepts) declare alike: the
 * training set, the classifier and its optimiser, and the rule the interventional toys share.
 * No TF.js here: specs import this.
 */
import { ParamError } from '../core/params';
import type { ParamTable } from '../core/spec';

export const envClassParams = {
  samples: {
    kind: 'int',
    default: 5000,
    min: 1000,
    max: 20000,
    scale: 'log',
    label: 'Samples per environment',
    doc: 'Training samples in each environment.',
    group: 'data',
  },
  encoder: {
    kind: 'choice',
    default: 'mlp',
    choices: ['mlp', 'flow'],
    label: 'Encoder',
    doc: "mlp: two leaky-ReLU layers, free to fold the space; flow: CauCA's invertible flow (four couplings), injective as the theory assumes.",
    group: 'model',
  },
  hidden: {
    kind: 'int',
    default: 64,
    min: 8,
    max: 256,
    scale: 'log',
    label: 'Encoder width',
    doc: "Hidden units of the encoder's two leaky-ReLU layers (of each coupling's conditioner for the flow).",
    group: 'model',
  },
  batch: {
    kind: 'int',
    default: 512,
    min: 64,
    max: 4096,
    scale: 'log',
    label: 'Batch',
    doc: 'Samples per step, split evenly over the environments.',
    group: 'run',
  },
  lr: {
    kind: 'number',
    default: 1e-2,
    min: 1e-4,
    max: 3e-2,
    scale: 'log',
    label: 'Learning rate',
    doc: 'Adam step size.',
    group: 'run',
  },
  steps: {
    kind: 'int',
    default: 3000,
    min: 10,
    max: 20000,
    scale: 'log',
    label: 'Steps',
    doc: 'Adam steps.',
    group: 'run',
  },
} as const satisfies ParamTable;

/** An interventional toy has at most one single-node intervention per latent. */
export function atMostOnePerLatent(p: { interventions: number; latents: number }): ParamError[] {
  return p.interventions > p.latents
    ? [
        new ParamError(
          'interventions',
          `at most one per latent (<= ${p.latents})`,
          String(p.interventions),
        ),
      ]
    : [];
}
