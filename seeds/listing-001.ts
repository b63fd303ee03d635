import type { PaperRecord } from './schema';
import { records as listing000 } from './listing-000';

const S = '001_927f03682f112dc7' as const;

/** A paper this listing shares with listing 000: the same record, this listing as its source (merged later). */
function alsoIn000(id: string): PaperRecord {
  const r = listing000.find((p) => p.id === id);
  if (!r) throw new Error(`listing 001: expected a listing-000 record with id ${id}, got none`);
  return { ...r, sources: [S] };
}

/**
 * Papers of listing 001. Several entries give a month and day but no year ("Mar 30"); their
 * date is left out rather than guessed. Summaries are the project's words.
 */
export const records: PaperRecord[] = [
  {
    id: 'stop-probing-start-coding',
    title:
      'Stop Probing, Start Coding: Why Linear Probes and Sparse Autoencoders Fail at Compositional Generalisation',
    authors: [
      'Vitória Barin Pacela',
      'Shruti Joshi',
      'Isabela Camacho',
      'Simon Lacoste-Julien',
      'David Klindt',
    ],
    authorsTruncated: false,
    date: '2026-03-30',
    arxiv: '2603.28744',
    sources: [S],
    summary:
      'Under superposition, concepts are projected from a high-dimensional concept space into fewer activation dimensions, so linear probes and one-layer SAE encoders fail on unseen combinations of concepts. Controlled experiments locate the failure in the learned dictionary, not the encoder: per-sample sparse inference on the SAE dictionary does not close the gap, while the same inference with the true dictionary solves the problem.',
    topics: ['sparse-coding'],
    toyClaim:
      'On a compositional out-of-distribution split, SAE code recovery drops; FISTA on the SAE dictionary does not recover it; FISTA on the true dictionary does (MCC near 0.97 in and out of distribution).',
    demo: {
      kind: 'runnable',
      experiment: 'sae',
      preset: 'stop-probing',
      claims: ['oracle-solvable-ood', 'sae-far-from-oracle-ood', 'dictionary-binds'],
    },
    whatYouSee:
      'The bar chart puts the TopK SAE encoder next to FISTA on its own dictionary and FISTA on the true dictionary, in and out of distribution. The oracle stays near 0.99 on unseen combinations; the SAE encoder and FISTA on the SAE dictionary stay far below it, so better inference alone does not fix the SAE: its dictionary does.',
    notShown:
      "The paper also trains dictionary learning with FISTA end to end (0.93 / 0.92 in its runs); this toy runs FISTA only on the SAE's dictionary and the oracle. Language-model probes are not modelled.",
  },
  {
    id: 'when-does-lejepa-learn-a-world-model',
    title: 'When Does LeJEPA Learn a World Model?',
    authors: ['David Klindt', 'Yann LeCun', 'Randall Balestriero'],
    authorsTruncated: false,
    date: '2026-05',
    sources: [S],
    summary:
      'Joint-embedding training with alignment plus a Gaussian regulariser on the embeddings (LeJEPA) provably recovers the latent state up to a linear map when latents follow stationary transitions with additive noise. The Gaussian is singled out: it is the only latent distribution for which this guarantee holds across that class of worlds.',
    topics: ['contrastive'],
    toyClaim:
      'With Gaussian latents and additive-noise transitions, alignment plus a Gaussian regulariser gives linear $R^2$ near 1; with non-Gaussian latents the recovery degrades measurably.',
    demo: {
      kind: 'runnable',
      experiment: 'contrastive',
      preset: 'lejepa-gaussian',
      claims: ['lejepa-gaussian-linear'],
    },
    whatYouSee:
      'Gaussian latents with additive Gaussian transitions: an encoder trained with the prediction loss plus SIGReg (the Epps-Pulley statistic of random projections against $\\mathcal{N}(0, 1)$) recovers the latents close to a linear map ($R^2$ 0.895 on average over seeds 0-7, against 0.73 for the raw observations).',
    notShown:
      'At 1200 steps the map is not yet linear ($R^2$ about 0.9, not 1). The companion preset with Laplace latents does not show the predicted loss of the guarantee at $n = 3$ ($R^2$ 0.90, as with Gaussian latents); the page marks that claim as not reproduced. World-model and planning experiments are not modelled.',
  },
  alsoIn000('causality-is-key-for-interpretability-claims'),
  {
    id: 'identifying-interpretable-visual-features',
    title: 'Identifying Interpretable Visual Features in Artificial and Biological Neural Systems',
    authors: ['David Klindt', 'Sophia Sanborn', 'Francisco Acosta'],
    authorsTruncated: true,
    date: '2023-10-17',
    sources: [S],
    summary:
      'Many neurons respond to several unrelated features, which fits the idea that features are stored in superposition along non-orthogonal directions. The paper proposes an automated measure of interpretability for directions in activation space and finds directions more interpretable than single neurons, in vision models and in recordings from visual cortex.',
    topics: ['sparse-coding', 'representation-similarity'],
    toyClaim:
      'When features are held in superposition, single input coordinates each mix many features, while directions learned by a sparse autoencoder each follow one feature.',
    demo: {
      kind: 'runnable',
      experiment: 'sae',
      preset: 'visual-features',
      claims: ['latents-selective'],
    },
    whatYouSee:
      'Each input coordinate ("neuron") mixes many features and follows no single one (best $|\\mathrm{corr}|$ about 0.35); the SAE\'s learned directions each follow one true feature closely.',
    notShown:
      "Selectivity here is correlation with known synthetic features, not the paper's automated interpretability score on natural images, and no biological recordings are involved.",
  },
  {
    id: 'federatedfactory',
    title:
      'FederatedFactory: Generative One-Shot Learning for Extremely Non-IID Distributed Scenarios',
    authors: ['Andrea Moleri', 'Christian Internò', 'Ali Raza'],
    authorsTruncated: true,
    date: '2026-03',
    arxiv: '2603.16370',
    sources: [S],
    summary:
      'When clients in federated learning hold mutually exclusive labels, averaging weights fails. The proposal exchanges generative modules once instead of discriminative parameters, so each client can synthesise the classes it never saw, without relying on a pretrained foundation model.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason:
        'A federated-learning method evaluated on image benchmarks; it makes no identifiability claim about synthetic latents.',
    },
  },
  {
    id: 'observer-effect-in-world-models',
    title: 'The Observer Effect in World Models: Invasive Adaptation Corrupts Latent Physics',
    authors: [
      'Christian Internò',
      'Jumpei Yamaguchi',
      'Loren Amdahl-Culleton',
      'Markus Olhofer',
      'David Klindt',
      'Barbara Hammer',
    ],
    authorsTruncated: false,
    date: '2026-02-12',
    arxiv: '2602.12218',
    sources: [S],
    summary:
      'Testing whether a self-supervised model has learned physical laws by fine-tuning it or training a large probe changes the very representation being tested. A non-invasive protocol that reads the frozen representation with low-capacity probes is proposed to ask whether latent physics was learned during pretraining.',
    topics: ['representation-similarity', 'other'],
    toyClaim:
      'A linear probe on a frozen encoder reads out the true physical latents, while fine-tuning the encoder on a downstream task changes what a probe finds.',
    demo: {
      kind: 'planned',
      family: 'autoencoders',
      note: 'Probes on frozen against fine-tuned representations of synthetic latents.',
    },
  },
  alsoIn000('cross-entropy-is-all-you-need-to-invert'),
  {
    id: 'compute-optimal-inference-amortisation-gap',
    title: 'Compute Optimal Inference and Provable Amortisation Gap in Sparse Autoencoders',
    authors: ["Charles O'Neill", 'Alim Gumran', 'David Klindt'],
    authorsTruncated: false,
    date: '2024-11-20',
    sources: [S],
    summary:
      "Compressed-sensing arguments show that an SAE's one-layer encoder cannot do accurate sparse inference even where the problem is solvable. Separating encoding from decoding, per-sample inference and more expressive encoders recover codes better than the amortised encoder at the same dictionary, at modest extra compute.",
    topics: ['sparse-coding'],
    toyClaim:
      'With a known dictionary (16 latents in 8 dimensions, 3 active), per-sample sparse inference reaches code MCC near 0.97 where the SAE encoder stays near 0.6.',
    demo: {
      kind: 'runnable',
      experiment: 'sae',
      preset: 'amortisation-gap',
      claims: ['amortisation-gap'],
    },
    whatYouSee:
      "With the decoder fixed to the true atoms, the trained ReLU encoder recovers the codes with an MCC near 0.7, while FISTA on the very same dictionary reaches about 0.98: the gap is the one-layer encoder's, not the dictionary's.",
    notShown:
      "The paper's compute-optimality analysis (inference cost against accuracy) and its MLP encoders are not reproduced; only the known-dictionary gap is.",
  },
  alsoIn000('from-superposition-to-sparse-codes'),
  alsoIn000('empirically-grounded-identifiability-theory'),
  {
    id: 'diet-cp',
    title: 'DIET-CP: Lightweight and Data Efficient Self Supervised Continued Pretraining',
    authors: ['Bryan Rodas', 'Natalie Montesino', 'Jakob Ambsdorf'],
    authorsTruncated: true,
    date: '2025-09-02',
    arxiv: '2509.06990',
    sources: [S],
    summary:
      'Adapting a pretrained vision backbone to a small specialised domain is hard when only weights are released and data are scarce. A simple continued-pretraining objective with few hyperparameters is proposed and reported to work with very small target data sets.',
    topics: ['contrastive', 'other'],
    demo: {
      kind: 'none',
      reason:
        'The claim is about continued pretraining of large vision backbones on small real image data sets.',
    },
  },
  {
    id: 'ai-generated-video-detection-perceptual-straightening',
    title: 'AI-Generated Video Detection via Perceptual Straightening',
    authors: ['Christian Internò', 'Robert Geirhos', 'Markus Olhofer'],
    authorsTruncated: true,
    date: '2025-07-01',
    sources: [S],
    summary:
      'Natural videos trace straighter trajectories in the representation space of a pretrained vision encoder than generated videos do. Curvature and distance statistics of these trajectories separate real from AI-generated video with a lightweight classifier.',
    topics: ['representation-similarity', 'other'],
    demo: {
      kind: 'none',
      reason:
        'The method depends on a pretrained video/image encoder and real and generated video data sets.',
    },
  },
  {
    id: 'representational-alignment-in-superposition',
    title: 'Measuring the Representational Alignment of Neural Systems in Superposition',
    authors: [
      'Sunny Liu',
      'Habon Issa',
      'André Longon',
      'Liv Gorton',
      'Meenakshi Khosla',
      'David Klindt',
    ],
    authorsTruncated: false,
    date: '2026-03-31',
    arxiv: '2604.00208',
    sources: [S],
    summary:
      'Alignment metrics such as RSA, CKA and linear regression compare raw activations, but systems in superposition compress more features than neurons. Closed-form expressions show that superposition systematically lowers these scores, so two systems that encode the same features can look poorly aligned.',
    topics: ['representation-similarity', 'sparse-coding'],
    toyClaim:
      'Two networks holding the same sparse features in different random superpositions score well below 1 on RSA and CKA, and near 1 after the features are recovered.',
    demo: {
      kind: 'runnable',
      experiment: 'sae-alignment',
      preset: 'two-systems',
      claims: ['raw-looks-misaligned', 'sae-reveals-alignment-cka', 'sae-reveals-alignment-units'],
    },
    whatYouSee:
      'Two systems hold the same sparse features through different random projections. Linear CKA and matched-neuron correlation of their raw activations are low; after an SAE extracts features from each, both rise sharply.',
    notShown:
      "Euclidean RSA does not rise in this toy (random projections preserve distances), which the page marks; the paper's analysis of other metrics and its theory of metric bias are not reproduced.",
  },
  {
    id: 'data-whitening-improves-sae-learning',
    title: 'Data Whitening Improves Sparse Autoencoder Learning',
    authors: ['Ashwin Saraswatula', 'David Klindt'],
    authorsTruncated: false,
    date: '2025-11-17',
    sources: [S],
    summary:
      'Correlated inputs make the SAE optimisation landscape ill-conditioned. PCA whitening of the activations, standard in classical sparse coding, makes it better behaved and improves interpretability metrics of SAEs on language models, at a small cost in reconstruction.',
    topics: ['sparse-coding'],
    toyClaim:
      'With correlated, anisotropic inputs, whitening before training improves dictionary recovery (mean max cosine) at a small cost in reconstruction error.',
    demo: {
      kind: 'runnable',
      experiment: 'sae-compare',
      preset: 'whitening',
      claims: [
        'whitening-improves-codes',
        'whitening-improves-dictionary',
        'whitening-small-recon-cost',
      ],
    },
    whatYouSee:
      'Inputs pass through a random linear map with condition number 10. The same TopK SAE trained on whitened inputs recovers the codes clearly better and the dictionary slightly better, and its reconstruction error (measured back in observation space) rises only slightly.',
    notShown:
      "The paper's evidence is on language-model SAE benchmarks; this synthetic design (anisotropy by a random linear map) is ours and tests the mechanism, not the reported benchmark numbers.",
  },
  {
    id: 'superposition-disentanglement-reveals-alignment',
    title: 'Superposition disentanglement of neural representations reveals hidden alignment',
    authors: ['André Longon', 'David Klindt', 'Meenakshi Khosla'],
    authorsTruncated: false,
    date: '2025-10-03',
    sources: [S],
    summary:
      'Superposition can hide alignment: two networks representing the same features in different superposition arrangements score low on alignment metrics. Recovering the features with sparse autoencoders before comparing raises the measured alignment between networks and with brain data.',
    topics: ['representation-similarity', 'sparse-coding'],
    toyClaim:
      'Alignment between two random superpositions of the same sparse features rises after SAE disentanglement.',
    demo: {
      kind: 'runnable',
      experiment: 'sae-alignment',
      preset: 'two-systems',
      claims: ['sae-reveals-alignment-cka', 'sae-reveals-alignment-units'],
    },
    whatYouSee:
      'The same features in two different superposition arrangements look misaligned by linear CKA and by matched neurons; after SAE disentanglement the measured alignment rises.',
    notShown:
      'Brain data and trained networks are not modelled; Euclidean RSA does not rise in this toy because random projections already preserve distances.',
  },
  {
    id: 'occams-razor-for-self-supervised-learning',
    title:
      "Occam's Razor for Self Supervised Learning: What is Sufficient to Learn Good Representations?",
    authors: ['Mark Ibrahim', 'David Klindt', 'Randall Balestriero'],
    authorsTruncated: false,
    date: '2024-06-15',
    arxiv: '2406.10743',
    sources: [S],
    summary:
      'Self-supervised pipelines have accumulated projectors, multiple views and teacher-student networks. On small and medium data sets, a stripped-down recipe without most of these additions learns representations as good as the full pipelines, which eases both theory and deployment.',
    topics: ['contrastive'],
    demo: {
      kind: 'none',
      reason:
        'The claim concerns simplified self-supervised pipelines trained on real image data sets.',
      related: { family: 'contrastive' },
    },
  },
  {
    id: 'get-rich-quick-unbalanced-initializations',
    title:
      'Get rich quick: exact solutions reveal how unbalanced initializations promote rapid feature learning',
    authors: ['Daniel Kunin', 'Allan Raventós', 'Clémentine Dominé'],
    authorsTruncated: true,
    date: '2024-06-10',
    sources: [S],
    summary:
      'Exact solutions of a minimal network that moves between lazy and rich learning show how layer-wise initialisation scales and learning rates decide the regime. Unbalanced initialisations, with earlier layers learning faster, speed up feature learning; the analysis extends to deeper networks.',
    topics: ['learning-dynamics'],
    toyClaim:
      'In a two-layer ReLU network, an upstream initialisation (small first layer, large readout) changes the kernel and fits a teacher faster than a balanced one of the same scale; large or downstream initialisations stay lazy. (In linear networks the paper finds the opposite: there only balanced initialisations learn features fast.)',
    demo: {
      kind: 'runnable',
      experiment: 'dynamics-rich-lazy',
      preset: 'upstream',
      claims: ['upstream-rich-early', 'upstream-fits-fast'],
    },
    whatYouSee:
      'A ReLU student with 50 neurons (in pairs with opposite readouts, so it starts at $f = 0$) learns a 3-neuron ReLU teacher from 20 points on the unit circle by full-batch gradient descent (lr 1e-3), as in Fig. 1a. Upstream ($\\tau = 0.1$, $\\delta = a^2 - \\|w\\|^2 = +0.9999$: first-layer norms 0.01, readouts 1) moves the kernel by 0.05-0.18 within 1 000 steps and reaches test MSE 3e-4 to 5e-3 there, while the neurons $|a_i| w_i$ swing onto the teacher directions; switch to "balanced-small" ($\\delta = 0$): at step 1 000 its test MSE is still 0.12-1.1 (seeds 0-7) and its kernel moves later. "lazy-large" ($\\tau = 2$) and "downstream" ($\\delta = -0.9999$) fit too, but their kernel distance stays below 1e-4: lazy learning.',
    notShown:
      "The minimal linear model $a\\, w \\cdot x$ (the paper's exact solutions, where the ordering is reversed) is not run; nor are layer-wise learning rates, deeper networks, the $d = 100$ grid over $(\\tau, \\delta)$, or the CNN and grokking experiments. Runs are 30 000 steps at lr 1e-3 instead of the figure's $10^6$ at 1e-4 (lr x steps = 30 against 100); the teacher and the inputs are drawn from the seed instead of being fixed.",
  },
  {
    id: 'towards-nonlinear-disentanglement-temporal-sparse-coding',
    title: 'Towards Nonlinear Disentanglement in Natural Data with Temporal Sparse Coding',
    authors: ['David Klindt', 'Lukas Schott', 'Yash Sharma'],
    authorsTruncated: true,
    date: '2020-07-21',
    sources: [S],
    summary:
      'In natural videos, object transitions are temporally sparse: most factors change little between frames and a few change a lot, a Laplace-like distribution. Modelling transitions this way (SlowVAE) makes the latent factors identifiable and disentangles them on data without hand-made constraints.',
    topics: ['vae', 'ica'],
    toyClaim:
      'With Laplace-distributed transitions between frames, a SlowVAE recovers the factors (high MCC) where a $\\beta$-VAE on single frames does not.',
    demo: {
      kind: 'planned',
      family: 'autoencoders',
      note: 'SlowVAE on pairs of frames with sparse (Laplace) transitions.',
    },
  },
];
