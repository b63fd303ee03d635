import type { PaperRecord } from './schema';

/**
 * Papers of listings 002 and 003 (abstracts without titles). In 003 an arXiv id follows the
 * abstract it belongs to, with the paper's comments (pages, venue) just before it.
 */
export const records: PaperRecord[] = [
  {
    id: 'robustness-of-nonlinear-representation-learning',
    title: 'Robustness of Nonlinear Representation Learning',
    titleSource: 'arXiv abs page of 2503.15355 (the id after this abstract in listing 003), found with the search tool',
    authors: ['Simon Buchholz', 'Bernhard Schölkopf'],
    authorsTruncated: false,
    date: '2025-03-19',
    arxiv: '2503.15355',
    venue: 'Proceedings of the 41st International Conference on Machine Learning, PMLR 235:4785-4821, 2024',
    sources: ['003_df7943c8c6266fb3'],
    summary:
      'Identifiability results usually assume the model class is exactly right. When the mixing is only close to a local isometry, rigidity theory still pins it down up to a linear map and a small error; and for ICA with almost-linear observations $x = As + h(s)$, with $h$ a small perturbation, the matrix $A$ and the sources are recovered approximately, with an error that shrinks with the perturbation.',
    topics: ['ica'],
    toyClaim: 'Linear ICA on x = A s + eps h(s) recovers A with an Amari distance at the finite-sample level for small eps, growing with eps.',
    demo: { kind: 'runnable', experiment: 'ica-robustness', preset: 'smooth-perturbation', claims: ['error-vanishes-small-eps', 'error-grows-with-eps'] },
    whatYouSee:
      'Across the sweep, the Amari distance stays on the eps = 0 floor for small perturbations and rises smoothly as eps grows; at eps = 1 the mixtures are visibly bent and A is no longer recovered.',
    notShown:
      "The paper's first result (mixings close to a local isometry, identified up to a linear map by rigidity theory) and its quantitative error bounds; only one family of smooth perturbations h is tried.",
  },
];
