/**
 * The one list of experiment families. A spec's `family` and a catalog record's planned family are
 * typed from it, so a family the catalog does not know fails to compile (and to validate).
 */
export const FAMILIES = [
  'ica',
  'sae',
  'contrastive',
  'autoencoders',
  'causal',
  'dynamics',
  'geometry',
  'sequence',
] as const;
export type Family = (typeof FAMILIES)[number];
