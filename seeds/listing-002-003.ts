import type { PaperRecord } from './schema';

const L002 = '002_4f7404d7bcbadef3' as const;
const L003 = '003_df7943c8c6266fb3' as const;

/**
 * Papers of listings 002 and 003, which give abstracts without titles or authors. Titles (and,
 * where the page showed them, authors and dates) come from looking up each abstract with the
 * search tool; `titleSource` says where. In 003 an arXiv id follows the abstract it belongs to,
 * with the paper's comments (pages, venue) just before it.
 */
const lookup = (what: string) => `search-tool lookup of ${what}`;

export const records: PaperRecord[] = [
  // ---- listing 002 ----
  {
    id: 'toward-identifiable-sparse-autoencoders',
    title: 'Toward Identifiable Sparse Autoencoders',
    titleSource: lookup('the abstract (arXiv 2605.31245, ICML 2026 poster page)'),
    authors: ['Walter Nelson', 'Theofanis Karaletsos', 'Francesco Locatello'],
    authorsTruncated: false,
    date: '2026-05-29',
    arxiv: '2605.31245',
    sources: [L002],
    summary:
      'Standard TopK SAEs are unstable: retraining yields different dictionaries and codes, which the paper shows theoretically. Minimal changes to architecture and training give identifiable SAEs (iSAE) with lower reconstruction error and better stability, explained by learned dictionaries that satisfy an approximate restricted isometry condition, under which sparse codes are nearly identifiable.',
    topics: ['sparse-coding'],
    toyClaim:
      'Standard TopK SAEs trained from different seeds on the same synthetic data disagree on their dictionaries; the stabilised variant agrees more and reconstructs at least as well.',
    demo: {
      kind: 'runnable',
      experiment: 'sae-compare',
      preset: 'identifiable',
      claims: ['stable-agrees-more', 'stable-reconstructs'],
    },
    whatYouSee:
      'Three TopK SAEs and three stabilised SAEs are trained from different seeds on the same data. The bars compare the agreement of their dictionaries across seeds, their recovery of the true atoms and their reconstruction error.',
    notShown:
      "The paper's exact architectural changes were not available to us; the stabilised variant is our reading (no encoder or decoder bias, atoms initialised from data, unit-norm atoms). The measured gain in agreement is small at this size, and the RIP analysis is not reproduced.",
  },
  {
    id: 'perception-physics-paradox-tc-bench',
    title: 'The Perception-Physics Paradox: Probing Scientific Alignment with TC-Bench',
    titleSource: lookup('the abstract (arXiv 2605.24782)'),
    authors: ['Adeel Pervez', 'Andrea Polesello', 'Caroline Muller'],
    authorsTruncated: true,
    date: '2026-05-23',
    arxiv: '2605.24782',
    sources: [L002],
    summary:
      'Vision foundation models can predict well on satellite imagery by exploiting visual correlations rather than physical structure. Requiring latent representations to identify the physical system up to a linear map gives a hierarchy of testable conditions; a tropical-cyclone benchmark shows current models rely on shortcuts that fail in intense storms, and that scale alone does not fix this.',
    topics: ['representation-similarity', 'other'],
    demo: {
      kind: 'none',
      reason:
        'The claim is about pretrained vision foundation models on a real satellite-imagery benchmark.',
      related: { family: 'geometry' },
    },
  },
  {
    id: 'rate-distortion-polysemanticity-tradeoff',
    title: 'The Rate-Distortion-Polysemanticity Tradeoff in SAEs',
    titleSource: lookup('the abstract (arXiv 2605.14694)'),
    authors: ['Tommaso Mencattini', 'Francesco Montagna', 'Francesco Locatello'],
    authorsTruncated: false,
    date: '2026-05-14',
    arxiv: '2605.14694',
    sources: [L002],
    summary:
      'An SAE that reconstructs well with few active features need not be monosemantic. In toy models, forcing monosemanticity costs rate and distortion, and how polysemantic the optimal SAE is depends on the data, chiefly on how often features co-occur; polysemanticity is thus partly a property of the data.',
    topics: ['sparse-coding'],
    toyClaim:
      'As the co-occurrence probability of two features grows, the optimal small SAE merges them into one polysemantic feature, and forcing separate features raises rate or distortion.',
    demo: {
      kind: 'runnable',
      experiment: 'sae-sweep',
      preset: 'cooccurrence-sweep',
      claims: ['cooccurrence-polysemantic'],
    },
    whatYouSee:
      'Features come in pairs; as the probability that a partner fires with an active feature goes from 0 to 1, more of the learned atoms align with two true features at once (polysemantic), while oracle inference stays near perfect.',
    notShown:
      "Rate and distortion are not held fixed across the sweep (co-occurrence changes the number of active features), and the paper's proxy-metric benchmark on language-model SAEs is not reproduced.",
  },
  {
    id: 'causal-learning-with-the-invariance-principle',
    title: 'Causal Learning with the Invariance Principle',
    titleSource: lookup('the abstract (arXiv 2605.13589)'),
    authors: ['Francesco Montagna', 'Francesco Locatello'],
    authorsTruncated: false,
    date: '2026-05-13',
    arxiv: '2605.13589',
    sources: [L002],
    summary:
      'If causal mechanisms are acyclic and stay the same across environments, two auxiliary environments suffice to identify the causal graph for arbitrary nonlinear mechanisms, and with it the mechanisms themselves, so counterfactual inference becomes correct. Synthetic experiments support the theory.',
    topics: ['causal'],
    toyClaim:
      'With a base and two auxiliary environments, the causal direction between nonlinearly related variables is recovered; with a single environment it is not.',
    demo: {
      kind: 'runnable',
      experiment: 'causal-invariance',
      preset: 'two-environments',
      claims: ['two-envs-orient'],
    },
    whatYouSee:
      'Two variables related by $Y = \\tanh(1.5 X) + 0.3 X^2$ plus Gaussian noise, in a base environment and two auxiliary ones where a noise scale changes. Logistic regressions (base against each environment, on degree-4 monomials) estimate the log density ratios as Newton iterations proceed; the matrix of their gradients has rank 1 in the effect and rank 2 in the cause, and the rank ratio $\\sigma_{\\min}/\\sigma_{\\max}$ is 0.37 lower for the effect on average over seeds 0-7. Presented as $(Y, X)$ the test gives the same answer; with one auxiliary environment the ratio is 1 for both, undecidable. With generic changes of both scales the margin shrinks to 0.19 and one seed of eight misses (marked seed-dependent).',
    notShown:
      "This is the identifiability mechanism, not the authors' discovery algorithm: a bivariate graph, density ratios from logistic regression on polynomial features, and no recovery of the mechanisms or counterfactuals.",
  },
  {
    id: 'selection-bias-causal-effect-identification',
    title: 'Towards a holistic understanding of Selection Bias for Causal Effect Identification',
    titleSource: lookup('the abstract (arXiv 2605.13430)'),
    authors: [
      'Yiwen Qiu',
      'Filip Kovacevic',
      'Shimeng Huang',
      'Peter Spirtes',
      'Francesco Locatello',
    ],
    authorsTruncated: false,
    date: '2026-05',
    arxiv: '2605.13430',
    sources: [L002],
    summary:
      'Observational samples are often selected, like biobank volunteers who are healthier than the population, and average treatment effects estimated from them can be badly biased. The paper characterises when the population effect is still identifiable from the selected sample, under strictly weaker conditions than earlier results.',
    topics: ['causal'],
    toyClaim:
      'When selection depends on the treatment and a covariate, the naive effect estimate in the selected sample is biased, while the identification formula recovers the population effect.',
    demo: {
      kind: 'runnable',
      experiment: 'causal-selection',
      preset: 'treatment-selection',
      claims: ['naive-biased', 'formula-recovers'],
    },
    whatYouSee:
      'A population of 50 000 units in which about 43% report treatment and outcome, selected more often when treated and when $X$ is high; the individual effect is $1 + 0.5X$, so the population ATE is 1. As the units arrive, the naive treated-minus-untreated contrast settles near 1.9 (error 0.92 on average over seeds 0-7), the regression on $(T, X)$ averaged over the selected covariates near 1.26, and the same regression averaged over the population covariates (the identification formula) within 0.012 of the truth on average. Switch to "outcome-selection": with selection on $Y$ the formula misses by 0.23.',
    notShown:
      "The toy is the classical identifiable case the paper generalises (selection independent of the outcome given treatment and covariates, plus the population's covariate law from outside data), not the paper's weaker new conditions on the propensity score and the selection probability, which are not implemented; there is one binary treatment and one covariate.",
  },
  {
    id: 'learning-discrete-diffusion-of-graphs',
    title: 'Learning Discrete Diffusion of Graphs via Free-Energy Gradient Flows',
    titleSource: lookup('the abstract (arXiv 2604.11311)'),
    authors: ['Dario Rancati', 'Jan Maas', 'Francesco Locatello'],
    authorsTruncated: false,
    date: '2026-04-13',
    arxiv: '2604.11311',
    sources: [L002],
    summary:
      'With a suitable transport metric on the probability simplex, diffusions on graphs such as the discrete heat equation become gradient flows of free-energy functionals. The optimality conditions of the JKO scheme then give a quadratic loss that recovers the driving functional from data without sample trajectories.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason:
        'Its claim, recovering the free-energy functional of a diffusion on a graph, lies outside the families of this sandbox (no latent-factor recovery to test).',
    },
  },
  {
    id: 'statistical-and-structural-identifiability',
    title: 'Statistical and structural identifiability in representation learning',
    titleSource: lookup('the abstract (arXiv 2603.11970)'),
    authors: ['Walter Nelson', 'Marco Fumero', 'Theofanis Karaletsos', 'Francesco Locatello'],
    authorsTruncated: false,
    date: '2026-03-12',
    arxiv: '2603.11970',
    venue: 'ICLR 2026',
    sources: [L002],
    summary:
      'The stability of learned representations splits into statistical identifiability (consistency across runs) and structural identifiability (agreement with the true factors), both up to a tolerance. Intermediate representations of models with nonlinear decoders are nearly identifiable up to a linear map, and linear ICA applied afterwards removes much of the remaining ambiguity, a simple recipe for disentanglement.',
    topics: ['ica', 'representation-similarity'],
    toyClaim:
      'A representation that equals an unknown linear map of independent non-Gaussian factors, up to a small nonlinear error, is disentangled by linear ICA, with an error that shrinks with that nonlinearity.',
    demo: {
      kind: 'runnable',
      experiment: 'ica-robustness',
      preset: 'smooth-perturbation',
      claims: ['error-vanishes-small-eps', 'error-grows-with-eps'],
    },
    whatYouSee:
      'Treat $x = A s + \\varepsilon h(s)$ as a learned representation that is linear in the factors up to a small error: linear ICA post-processing recovers the factors almost perfectly for small $\\varepsilon$, and less well as the error grows.',
    notShown:
      'No representation is learned here: the toy starts from a near-linear mixture instead of training an autoencoder or MAE, so the statistical near-identifiability across training runs is not tested.',
  },
  {
    id: 'instrument-outcome-confounding-mendelian-randomization',
    title:
      'Addressing Instrument-Outcome Confounding in Mendelian Randomization through Representation Learning',
    titleSource: lookup('the abstract (arXiv 2602.19782)'),
    authors: ['Shimeng Huang', 'Matthew Robinson', 'Francesco Locatello'],
    authorsTruncated: false,
    date: '2026-02',
    arxiv: '2602.19782',
    sources: [L002],
    summary:
      'Mendelian randomisation assumes genetic instruments are independent of unobserved confounders, which population structure can violate. With data from several environments, invariance across environments identifies latent exogenous components of the instruments, which restore valid causal effect estimates, with guarantees for several mixing mechanisms.',
    topics: ['causal', 'ica'],
    toyClaim:
      'When instruments are confounded, the standard estimate is biased; latent instruments recovered from multi-environment data give an estimate close to the true effect.',
    demo: {
      kind: 'runnable',
      experiment: 'causal-mr',
      preset: 'stratified-environments',
      claims: ['raw-iv-biased', 'invariant-iv-recovers'],
    },
    whatYouSee:
      'Three environments of 10 000 individuals whose stratification $P$ shifts in mean and variance while the latent instrument $Z$ does not; two observed variants mix $Z$ and $P$, and $P$ also drives the outcome. As units arrive, IV with the raw variants settles about 0.88 away from the true effect $\\beta = 0.5$ and OLS about 0.6 away, while IV with the component $w^\\top G$ whose distribution does not shift between environments (a generalised eigenvector of the two environments\' covariances) ends within 0.011 on average over seeds 0-7, its correlation with $Z$ close to 1. Switch to "no-shift": with the same stratification everywhere that direction is arbitrary and the estimate lands anywhere.',
    notShown:
      "The toy is linear with two variants and a known environment label; the paper's learned encoder (invariance and independence penalties) and its guarantees for nonlinear mixing are not implemented: the invariant component is found in closed form as the linear case of that recovery.",
  },
  {
    id: 'how-pretraining-shapes-inductive-bias-in-fine-tuning',
    title: 'A Theory of How Pretraining Shapes Inductive Bias in Fine-Tuning',
    titleSource: lookup('the abstract (arXiv 2602.20062)'),
    authors: [
      'Nicolás Anguita',
      'Francesco Locatello',
      'Andrew M. Saxe',
      'Marco Mondelli',
      'Flavia Mancini',
      'Samuel Lippl',
      'Clémentine Dominé',
    ],
    authorsTruncated: false,
    date: '2026-02',
    arxiv: '2602.20062',
    sources: [L002],
    summary:
      'An exact analysis of pretraining followed by fine-tuning in diagonal linear networks shows four fine-tuning regimes set by the initialisation. A smaller initialisation scale in earlier layers lets the network both reuse and refine pretrained features, which helps when the fine-tuning task uses a subset of the pretraining features.',
    topics: ['learning-dynamics'],
    toyClaim:
      'In a diagonal linear network, fine-tuning on a task that uses a subset of the pretrained features generalises better when earlier layers start at a smaller scale.',
    demo: {
      kind: 'runnable',
      experiment: 'dynamics-pretraining',
      preset: 'small-first',
      claims: ['small-first-reuses', 'small-first-beats-swapped'],
    },
    whatYouSee:
      'A diagonal linear network $f(x) = \\langle u \\odot v, x \\rangle$ in $d = 100$ is pretrained on 300 samples of a task over 10 features (weights $\\pm 1$), starting from a first layer at 0.01 and a readout at 1, then fine-tuned on only 20 samples of a task over 4 of those features, with the first layer kept and a new readout at 0.05. It reaches test MSE 0.001-0.022 (seeds 0-7; the task variance is 4), while the same network pretrained from the swapped scales (first layer 1, readout 0.01) stays at 2.2-3.4: the bars show the small first layer has kept the unused features near zero. Switch to "new-features" (a task over 4 features pretraining did not use): both stay near the task variance, and which is worse changes with the seed. "keep-head" continues both pretrained layers: $u \\odot v$ is symmetric in $u$ and $v$, so the two scales give the same result.',
    notShown:
      "The asymmetry between the layers comes only from re-initialising the readout for fine-tuning (a new head), a protocol chosen here; with both layers continued it vanishes. The paper's exact solutions, its four regimes as a phase diagram over the scales, layer-wise learning rates and the CIFAR-100 ResNet experiments are not run.",
  },
  {
    id: 'head-pursuit',
    title: 'Head Pursuit: Probing Attention Specialization in Multimodal Transformers',
    titleSource: lookup('the abstract (arXiv 2510.21518)'),
    authors: [
      'Lorenzo Basile',
      'Valentino Maiorca',
      'Diego Doimo',
      'Francesco Locatello',
      'Alberto Cazzaniga',
    ],
    authorsTruncated: false,
    date: '2025-10-24',
    arxiv: '2510.21518',
    sources: [L002],
    summary:
      'Reading intermediate activations through the final decoding layer, viewed as a signal-processing problem solved with matching pursuit, ranks attention heads by how much they carry a target concept. Heads specialise consistently, and editing about 1% of them suppresses or enhances the concept in the output of language and vision-language models.',
    topics: ['sparse-coding', 'other'],
    demo: {
      kind: 'none',
      reason:
        'The claim is about attention heads of large pretrained language and vision-language models.',
      related: { family: 'sae' },
    },
  },
  // ---- listing 003 ----
  {
    id: 'poet-orthogonal-equivalence-transformation',
    title: 'Reparameterized LLM Training via Orthogonal Equivalence Transformation',
    titleSource: lookup(
      'arXiv 2506.08001 (the id after this abstract in listing 003) and its project page',
    ),
    authors: [
      'Zeju Qiu',
      'Simon Buchholz',
      'Tim Z. Xiao',
      'Maximilian Dax',
      'Bernhard Schölkopf',
      'Weiyang Liu',
    ],
    authorsTruncated: false,
    date: '2025-06',
    arxiv: '2506.08001',
    venue: 'Technical report v1 (36 pages)',
    sources: [L003],
    summary:
      'Each weight matrix is reparameterised as a fixed random matrix multiplied by two learnable orthogonal matrices, which keeps its singular values fixed during training. This spectrum-preserving training (POET) is reported to optimise language models stably and to generalise better, with approximations that make it scale.',
    topics: ['learning-dynamics'],
    toyClaim:
      'Training a small network with weights $W = R W_0 Q$ ($R$, $Q$ orthogonal) keeps the singular values of $W_0$ throughout training while reaching a comparable loss.',
    demo: {
      kind: 'runnable',
      experiment: 'dynamics-poet',
      preset: 'teacher-student',
      claims: ['spectrum-preserved', 'poet-fits', 'standard-changes-spectrum'],
    },
    whatYouSee:
      'Two students of a tanh teacher ($8 \\to 32 \\to 1$, Gaussian inputs) start from the same random weights $W_0$ and take Adam steps (lr 3e-3, batch 256, 3 000 steps) on the same minibatches. The POET student trains $W_1 = R_1 W_{01} P_1$ and $W_2 = R_2 W_{02}$, with $R$ and $P$ products of Householder reflections (exactly orthogonal); the other trains the weights directly. The spectrum chart shows the POET first layer sitting on the singular values of $W_0$ (relative change near $10^{-15}$, float64 round-off) while the standard student moves them by 8% to 56% (largest relative change, seeds 0-7); the POET test error ends at 0.36 to 2.5 times the standard one.',
    notShown:
      "POET's scalable parts are not run: its Cayley-Neumann approximation of the orthogonal matrices, the block-stochastic updates and the periodic merge-and-reinitialise; neither is any language model, so the paper's generalisation and stability results are not tested. The toy teacher's spectrum is drawn like $W_0$'s; a teacher with a very different spectrum cannot be matched by a fixed one.",
  },
  {
    id: 'robustness-of-nonlinear-representation-learning',
    title: 'Robustness of Nonlinear Representation Learning',
    titleSource:
      'arXiv abs page of 2503.15355 (the id after this abstract in listing 003), found with the search tool',
    authors: ['Simon Buchholz', 'Bernhard Schölkopf'],
    authorsTruncated: false,
    date: '2025-03-19',
    arxiv: '2503.15355',
    venue:
      'Proceedings of the 41st International Conference on Machine Learning, PMLR 235:4785-4821, 2024',
    sources: [L003],
    summary:
      'Identifiability results usually assume the model class is exactly right. When the mixing is only close to a local isometry, rigidity theory still pins it down up to a linear map and a small error; and for ICA with almost-linear observations $x = As + h(s)$, with $h$ a small perturbation, the matrix $A$ and the sources are recovered approximately, with an error that shrinks with the perturbation.',
    topics: ['ica'],
    toyClaim:
      'Linear ICA on $x = A s + \\varepsilon h(s)$ recovers $A$ with an Amari distance at the finite-sample level for small $\\varepsilon$, growing with $\\varepsilon$.',
    demo: {
      kind: 'runnable',
      experiment: 'ica-robustness',
      preset: 'smooth-perturbation',
      claims: ['error-vanishes-small-eps', 'error-grows-with-eps'],
    },
    whatYouSee:
      'Across the sweep, the Amari distance stays on the $\\varepsilon = 0$ floor for small perturbations and rises smoothly as $\\varepsilon$ grows; at $\\varepsilon = 1$ the mixtures are visibly bent and $A$ is no longer recovered.',
    notShown:
      "The paper's first result (mixings close to a local isometry, identified up to a linear map by rigidity theory) and its quantitative error bounds; only one family of smooth perturbations $h$ is tried.",
  },
  {
    id: 'algorithmic-causal-structure-through-compression',
    title: 'Algorithmic causal structure emerging through compression',
    titleSource: lookup('arXiv 2502.04210 (the id after this abstract in listing 003)'),
    authors: ['Liang Wendong', 'Simon Buchholz', 'Bernhard Schölkopf'],
    authorsTruncated: false,
    date: '2025-02-06',
    arxiv: '2502.04210',
    venue: 'CLeaR 2025, PMLR 275',
    sources: [L003],
    summary:
      'Where causal models are not identifiable, causality can be defined algorithmically: causal and symmetric structure emerges from compressing data jointly across several environments, by minimising upper bounds on Kolmogorov complexity without knowing the intervention targets. The authors suggest this view may explain implicit causal structure in large models.',
    topics: ['causal'],
    toyClaim:
      'Compressing the data of several environments with unknown intervention targets selects the causal factorisation; with a single environment the factorisations tie.',
    demo: {
      kind: 'runnable',
      experiment: 'causal-compression',
      preset: 'several-environments',
      claims: ['compression-orients'],
    },
    whatYouSee:
      "Discrete $X \\to Y$ with 6 states in five environments, each redrawing $P(X)$ while $P(Y \\mid X)$ stays. A two-part code of all environments (parameters at $\\tfrac12 \\log N$ nats each, plus the data's negative log-likelihood) is 0.090 nats per sample shorter factorised as $X \\to Y$, which can share its mechanism, than as $Y \\to X$, where both factors change (seeds 0-7). With one environment, or when every mechanism changes, the two codes tie exactly.",
    notShown:
      "One computable bound (BIC) on two factorisations of a bivariate discrete system, not the paper's Kolmogorov-complexity formalism, its finite-codebook bounds or its symmetry results; the advantage here is close to a count of changing mechanisms.",
  },
  {
    id: 'interaction-asymmetry',
    title: 'Interaction Asymmetry: A General Principle for Learning Composable Abstractions',
    titleSource: lookup('arXiv 2411.07784 (the id after this abstract in listing 003)'),
    authors: [
      'Jack Brady',
      'Julius von Kügelgen',
      'Sébastien Lachapelle',
      'Simon Buchholz',
      'Thomas Kipf',
      'Wieland Brendel',
    ],
    authorsTruncated: false,
    date: '2024-11',
    arxiv: '2411.07784',
    venue: 'Preprint, under review',
    sources: [L003],
    summary:
      'Parts of the same concept interact more, in the higher derivatives of the generator, than parts of different concepts. Formalised as block-diagonal conditions, this principle provably gives both disentanglement and compositional generalisation, and suggests an autoencoder that penalises latent capacity and cross-concept interactions in its decoder.',
    topics: ['vae', 'ica'],
    toyClaim:
      'On synthetic scenes of objects, a decoder penalised for interactions between latent blocks separates the objects into different blocks and renders unseen combinations.',
    demo: {
      kind: 'planned',
      family: 'autoencoders',
      note: 'An autoencoder with an interaction penalty on synthetic multi-object data.',
    },
  },
  {
    id: 'products-abstractions-inclusions-of-causal-spaces',
    title: 'Products, Abstractions and Inclusions of Causal Spaces',
    titleSource: lookup('arXiv 2406.00388 (the id after this abstract in listing 003)'),
    authors: ['Simon Buchholz', 'Junhyung Park', 'Bernhard Schölkopf'],
    authorsTruncated: false,
    date: '2024-06-01',
    arxiv: '2406.00388',
    sources: [L003],
    summary:
      'Causal spaces extend probability spaces with causal kernels. Borrowing from probability theory, the paper defines products of causal spaces and (stochastic) maps between them, which read as causally independent components, abstractions and extensions of a causal model.',
    topics: ['causal'],
    demo: {
      kind: 'none',
      reason: 'A measure-theoretic, definitional contribution with no empirical claim to run.',
      related: { family: 'causal' },
    },
  },
  {
    id: 'learning-interpretable-concepts-crl-foundation-models',
    title:
      'Learning Interpretable Concepts: Unifying Causal Representation Learning and Foundation Models',
    titleSource: lookup('arXiv 2402.09236 (the id after this abstract in listing 003)'),
    authors: [
      'Goutham Rajendran',
      'Simon Buchholz',
      'Bryon Aragam',
      'Bernhard Schölkopf',
      'Pradeep Ravikumar',
    ],
    authorsTruncated: false,
    date: '2024-02-14',
    arxiv: '2402.09236',
    sources: [L003],
    summary:
      'Concepts are defined as affine subspaces of a latent representation and shown to be identifiable, up to linear maps, from a small number of concept-conditioned data sets, far fewer than full causal representation learning needs. Experiments on synthetic data and language models illustrate the link between the two approaches.',
    topics: ['causal', 'contrastive'],
    toyClaim:
      'With n + 2 environments, a base and n + 1 each conditioning on one concept, n atomic concepts are recovered up to a linear map from synthetic nonlinear observations.',
    demo: {
      kind: 'runnable',
      experiment: 'causal-concepts',
      preset: 'concept-conditioned',
      claims: ['concepts-linear', 'concepts-over-raw'],
    },
    whatYouSee:
      'Gaussian latents $z \\in \\mathbb{R}^4$ seen through two invertible leaky-tanh layers; two concepts are the linear functionals $c_i = \\langle a_i, z \\rangle$. Besides a base environment, three environments condition one concept each near a value ($p_e \\propto p_0\\, e^{-(c_i - b)^2 / 2s^2}$). An MLP encoder with one quadratic head per environment, $-g_e (w_e \\cdot f(x) - \\beta_e)^2 + k_e$, is trained to tell the environments apart; each concept is then read out by one head\'s direction with $R^2$ 0.808 ± 0.178 over seeds 0-7 (0.81-0.92 at seven seeds), 0.142 above an affine read-out of $x$. Switch to "norm-conditioned": environments conditioned on $\\|z\\|^2$ leave no head aligned with a concept ($R^2$ 0.036 ± 0.060).',
    notShown:
      "The paper reports no synthetic numbers to compare with (its experiments are contrastive learning on synthetic data and steering of CLIP and LLaMA); the toy's classifier is not trained to optimality in its 3 000 steps and the heads reach $R^2 \\ge 0.9$ at two seeds of eight. Concepts as general affine subspaces (more than one dimension), the count of environments needed, and the foundation-model experiments are not shown.",
  },
  {
    id: 'aizenman-wehr-disordered-gradient-models',
    title: 'Aizenman-Wehr argument for a class of disordered gradient models',
    titleSource: lookup('arXiv 2309.12799 (the id after this abstract in listing 003)'),
    authors: ['Simon Buchholz', 'Codina Cotar'],
    authorsTruncated: false,
    date: '2023-09',
    arxiv: '2309.12799',
    venue: '21 pages',
    sources: [L003],
    summary:
      'For random gradient fields with a class of disordered interaction potentials, in two dimensions there is a unique shift-covariant disordered gradient Gibbs measure with zero tilt: the phase transitions of the pure model disappear under disorder. The proof maps the model to a random conductance model where the Aizenman-Wehr argument applies.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason: 'A result in mathematical statistical physics, unrelated to representation learning.',
    },
  },
  {
    id: 'linear-causal-representations-general-nonlinear-mixing',
    title:
      'Learning Linear Causal Representations from Interventions under General Nonlinear Mixing',
    titleSource: lookup('arXiv 2306.02235 (the id after this abstract in listing 003)'),
    authors: [
      'Simon Buchholz',
      'Goutham Rajendran',
      'Elan Rosenfeld',
      'Bryon Aragam',
      'Bernhard Schölkopf',
      'Pradeep Ravikumar',
    ],
    authorsTruncated: false,
    date: '2023-06-04',
    arxiv: '2306.02235',
    venue: 'NeurIPS 2023 (38 pages)',
    sources: [L003],
    summary:
      'With Gaussian latent variables linked by a linear causal model and an arbitrary nonlinear mixing, unknown single-node interventions suffice to identify the latents and their graph, without knowing the intervention targets or needing paired data. A contrastive algorithm recovers the latents in practice.',
    topics: ['causal', 'contrastive'],
    toyClaim:
      'From observational data plus one dataset per unknown single-node intervention, a contrastive classifier of the environments recovers Gaussian causal latents through a nonlinear mixing up to a linear map.',
    demo: {
      kind: 'runnable',
      experiment: 'causal-linear-crl',
      preset: 'single-node-interventions',
      claims: ['interventions-identify-linear', 'interventions-beat-raw'],
    },
    whatYouSee:
      'Three Gaussian latents of a linear SCM on a random DAG, observed through an invertible leaky-tanh layer, in an observational environment and under one perfect intervention per node (variance set to 10 or 1/10; the targets are not given). An MLP encoder is trained to tell the four environments apart with rank-2 quadratic log-odds heads. At seven of seeds 0-7 its output is a linear map of the latents (held-out $R^2$ 0.957-0.990, against 0.75-0.83 for the observations); at seed 2 it folds: every log-odds is even in $z$, so $\\mathrm{sign}(z_0)\\,z$ classifies as well as $z$ and the $R^2$ drops to 0.04. Switch to "observational-only": with one environment nothing is learnt ($R^2$ 0.69 ± 0.08, the untrained encoder).',
    notShown:
      'The encoder is not constrained to be injective (the theory assumes it is), hence the fold at one seed; one mixing layer and strong interventions keep the run within seconds. The recovery of the graph and of the intervention targets, and the MCC after resolving the linear map, are not shown.',
  },
  {
    id: 'causal-component-analysis',
    title: 'Causal Component Analysis',
    titleSource: lookup('arXiv 2305.17225 (the id after this abstract in listing 003)'),
    authors: [
      'Liang Wendong',
      'Armin Kekić',
      'Julius von Kügelgen',
      'Simon Buchholz',
      'Michel Besserve',
      'Luigi Gresele',
      'Bernhard Schölkopf',
    ],
    authorsTruncated: false,
    date: '2023-05',
    arxiv: '2305.17225',
    venue: 'NeurIPS 2023',
    sources: [L003],
    summary:
      'Between ICA and causal representation learning sits causal component analysis: latent variables that depend causally on each other through a known graph, observed through an unknown mixing. Its identifiability is characterised from interventional data sets; as a by-product, nonlinear ICA becomes identifiable from fewer data sets than before, and a normalising-flow estimator recovers both mixing and mechanisms.',
    topics: ['causal', 'ica'],
    toyClaim:
      'With a known causal graph and one interventional data set per latent, a flow whose base distribution is the latent SCM recovers causally dependent latents; without the interventional information (one Gaussian base for every environment) the same flow does not.',
    demo: {
      kind: 'runnable',
      experiment: 'causal-cauca',
      preset: 'interventions',
      claims: ['cauca-identifies', 'cauca-beats-raw'],
    },
    whatYouSee:
      'A chain $z_0 \\to z_1$ observed through three invertible layers $x \\leftarrow \\tanh(xM) + 0.1\\,xM$ (the authors\' generator), in an observational environment and under $do(z_0)$ and $do(z_1)$ (parents cut, mean shifted by $+2$). A normalising flow (four affine couplings with LU-linear layers) is fitted by maximum likelihood with the SCM of the known graph as its base, environment by environment. Over seeds 0-7 its latents match the true ones with MCC 0.946 ± 0.046 (the authors report 0.956 ± 0.093 at two latents), against 0.39-0.85 for the observations. Switch to "naive": the same flow with one Gaussian base stops at 0.718 ± 0.197.',
    notShown:
      "Affine couplings instead of the authors' twelve rational-quadratic spline layers, 1 500 steps on 10 000 samples per environment instead of 200 000, and two latents only: the paper's results for larger graphs, for misspecified graphs and for the ICA special case, and its claim that one intervention per node is needed, are not shown (at two latents the flow recovers the latents even without $do(z_1)$, so the toy cannot test it).",
  },
  {
    id: 'flow-matching-simulation-based-inference',
    title: 'Flow Matching for Scalable Simulation-Based Inference',
    titleSource: lookup('arXiv 2305.17161 (the last id in listing 003, after this abstract)'),
    authors: [
      'Jonas Wildberger',
      'Maximilian Dax',
      'Simon Buchholz',
      'Stephen R. Green',
      'Jakob H. Macke',
      'Bernhard Schölkopf',
    ],
    authorsTruncated: false,
    date: '2023-05',
    arxiv: '2305.17161',
    venue: 'NeurIPS 2023',
    sources: [L003],
    summary:
      'Neural posterior estimation with continuous normalising flows trained by flow matching allows unconstrained architectures and exact densities. It matches discrete flows on a standard simulation-based-inference benchmark and, on gravitational-wave inference, trains faster and is more accurate.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason:
        'A posterior-estimation method evaluated on inference benchmarks and gravitational-wave data, not a latent-identification claim.',
    },
  },
];
