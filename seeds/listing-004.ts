import type { PaperRecord } from './schema';

const S = '004_d30bd53dd70b72ae' as const;

/**
 * Papers of listing 004 (a 'Daily Papers' dump: title, abstract, an author count and a date, no names).
 * Authors are therefore left empty and marked truncated. arXiv ids were looked up by title.
 * Summaries, toy claims and demo notes are in the project's own words.
 */
export const records: PaperRecord[] = [
  {
    id: 'relative-representations-zero-shot-latent',
    title: 'Relative representations enable zero-shot latent space communication',
    authors: [
      'Luca Moschella',
      'Valentino Maiorca',
      'Marco Fumero',
      'Antonio Norelli',
      'Francesco Locatello',
      'Emanuele Rodolà',
    ],
    authorsTruncated: false,
    date: '2022-09-30',
    arxiv: '2209.15430',
    venue: 'ICLR 2023',
    sources: [S],
    summary:
      'Networks trained on the same data with different seeds or hyperparameters end up with latent spaces that differ mostly by angle-preserving transformations and rescalings. Describing every sample by its cosine similarity to a fixed set of anchor samples cancels those differences, so separately trained encoders and decoders can be stitched together, and latent spaces compared, without any retraining.',
    topics: ['representation-similarity'],
    toyClaim:
      'Two encoders whose latents differ by a random orthogonal map and a global rescaling give the same anchor-cosine (relative) representation up to numerical error, while a generic non-orthogonal linear map between them does not.',
    demo: {
      kind: 'planned',
      family: 'geometry',
      note: 'Relative (anchor-based) representations of rotated, rescaled and generically distorted copies of one synthetic latent space.',
    },
  },
  {
    id: 'intrinsic-dimensionality-language-model-fine-tuning',
    title: 'Intrinsic Dimensionality Explains the Effectiveness of Language Model Fine-Tuning',
    authors: ['Armen Aghajanyan', 'Luke Zettlemoyer', 'Sonal Gupta'],
    authorsTruncated: false,
    date: '2020-12-22',
    arxiv: '2012.13255',
    venue: 'ACL 2021',
    sources: [S],
    summary:
      'Fine-tuning a pretrained language model works nearly as well when the update is confined to a random low-dimensional subspace of its weights, which means the fine-tuning problem has a small intrinsic dimension. Pretraining drives that dimension down, larger models end up with smaller ones, and the measure yields generalisation bounds that do not grow with the raw parameter count.',
    topics: ['learning-dynamics'],
    toyClaim:
      'A small network pretrained on a related synthetic task reaches 90% of its full fine-tuning performance on a new task inside a random subspace of lower dimension than the same network trained from scratch.',
    demo: {
      kind: 'runnable',
      experiment: 'dynamics-finetune-dim',
      preset: 'multi-task',
      claims: ['pretraining-lowers-dint', 'finetune-dint-far-below-D'],
    },
    whatYouSee:
      'A ReLU trunk 32 → 32 → 32 is pretrained with 8 heads on 8 labellings of synthetic latents, then a new labelling is fine-tuned with a fresh zero head, all $D = 2442$ parameters confined to $\\theta_0 + P c$ with $c \\in \\mathbb{R}^d$, for $d$ from 32 to 192, beside the same from the random trunk the pretraining started as. The first chart shows held-out accuracy against $d$ for both starts with their 90% lines: the pretrained curve crosses its line at $d_{90} \\approx 73$ (58 to 86 over seeds 0-7), the random trunk at 88 to 147, a ratio of 0.63 ± 0.07. Switch to "random labels": a trunk pretrained to memorise labels unrelated to $x$ gives a ratio of 0.98 ± 0.20, no gain on average (but 0.66 at seed 0).',
    notShown:
      "Language models and the Said/Fastfood projection; the finding that larger models have lower intrinsic dimension, the fall of $d_{90}$ during pretraining and the generalisation bounds. The observation map is made more nonlinear than the intrinsic-dimension task's so that features must be learned (at the milder map the gain is smaller); pretraining on a single other task already helps here (ratio 0.62 to 0.85 over four seeds), since every task is a classifier of the same latents.",
  },
  {
    id: 'unsupervised-manifold-linearizing-and-clustering',
    title: 'Unsupervised Manifold Linearizing and Clustering',
    authors: [],
    authorsTruncated: true,
    date: '2023-01-04',
    arxiv: '2301.01805',
    sources: [S],
    summary:
      'Data lying near several curved low-dimensional manifolds can be clustered and, at the same time, mapped so that each cluster lands in its own linear subspace. The method maximises a coding-rate-reduction objective jointly over the representation and a doubly stochastic soft membership matrix, and on CIFAR and TinyImageNet it clusters more accurately and scales better than deep clustering baselines.',
    topics: ['other'],
    toyClaim:
      'Points sampled from a union of a few curved synthetic manifolds are assigned to the right manifold, and each manifold is mapped to a low-dimensional subspace nearly orthogonal to the others.',
    demo: {
      kind: 'planned',
      family: 'geometry',
      note: 'A union of synthetic curved manifolds, clustered and linearised by a small network.',
    },
  },
  {
    id: 'rethinking-positive-pairs-contrastive-learning',
    title: 'Rethinking Positive Pairs in Contrastive Learning',
    authors: [],
    authorsTruncated: true,
    date: '2024-10-23',
    arxiv: '2410.18200',
    sources: [S],
    summary:
      'Contrastive learning need not restrict positives to views of one image or one class: any two samples, even semantically distant ones, can be treated as a positive pair if a learned gate selects the feature dimensions the pair actually shares. Trained this way on the half-million class pairs of ImageNet-1K, the resulting framework (Hydra) performs well, avoids dimensional collapse and exposes relations between classes.',
    topics: ['contrastive'],
    demo: {
      kind: 'none',
      reason:
        'The claims are measured on ImageNet-1K with image encoders; there is no synthetic-latent claim to reproduce.',
      related: { family: 'contrastive' },
    },
  },
  {
    id: 'unified-embedding-web-scale-ml-systems',
    title: 'Unified Embedding: Battle-Tested Feature Representations for Web-Scale ML Systems',
    authors: [
      'Benjamin Coleman',
      'Wang-Cheng Kang',
      'Matthew Fahrbach',
      'Ruoxi Wang',
      'Lichan Hong',
      'Ed H. Chi',
      'Derek Zhiyuan Cheng',
    ],
    authorsTruncated: false,
    date: '2023-05-20',
    arxiv: '2305.12102',
    venue: 'NeurIPS 2023',
    sources: [S],
    summary:
      'In recommendation and ads models with many high-cardinality categorical features, a single shared embedding table can serve all features at once: the shared vectors decompose into per-feature parts, so the model can still tell features apart. This multiplexing gives better accuracy per parameter on public benchmarks and improved online metrics in several production search, ads and recommender systems.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason:
        'The evidence comes from web-scale production recommender systems and their logged data.',
    },
  },
  {
    id: 'task-vectors-learned-anisotropic-scaling',
    title: 'Knowledge Composition using Task Vectors with Learned Anisotropic Scaling',
    authors: [
      'Frederic Z. Zhang',
      'Paul Albert',
      'Cristian Rodriguez-Opazo',
      'Anton van den Hengel',
      'Ehsan Abbasnejad',
    ],
    authorsTruncated: false,
    date: '2024-07-03',
    arxiv: '2407.02880',
    sources: [S],
    summary:
      'Task vectors (the weight change produced by fine-tuning) can be combined block by block, with one learned coefficient per parameter block rather than one per task. Because only these few coefficients are trained, the method (aTLAS) exploits the low intrinsic dimension of pretrained models, composes tasks with less interference, and works as a data-efficient fine-tuning method for few-shot and test-time adaptation.',
    topics: ['learning-dynamics', 'other'],
    demo: {
      kind: 'none',
      reason:
        'The method combines task vectors of large pretrained vision-language models fine-tuned on real image data sets.',
      related: { family: 'dynamics' },
    },
  },
  {
    id: 'autoint-automatic-feature-interaction-learning',
    title: 'AutoInt: Automatic Feature Interaction Learning via Self-Attentive Neural Networks',
    authors: [
      'Weiping Song',
      'Chence Shi',
      'Zhiping Xiao',
      'Zhijian Duan',
      'Yewen Xu',
      'Ming Zhang',
      'Jian Tang',
    ],
    authorsTruncated: false,
    date: '2018-10-28',
    arxiv: '1810.11921',
    venue: 'CIKM 2019',
    sources: [S],
    summary:
      'For click-through-rate prediction, numerical and categorical inputs can be embedded in one low-dimensional space and passed through stacked multi-head self-attention layers with residual connections, each layer modelling higher-order feature combinations. On four real-world data sets this predicts better than earlier methods and gives some insight into which feature interactions matter.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason:
        'A click-through-rate prediction model evaluated on real advertising and recommendation data; it makes no latent-recovery claim.',
    },
  },
  {
    id: 'information-shapes-koopman-representation',
    title: 'Information Shapes Koopman Representation',
    authors: [
      'Xiaoyuan Cheng',
      'Wenxuan Yuan',
      'Yiming Yang',
      'Yuanzhao Zhang',
      'Sibo Cheng',
      'Yi He',
      'Zhuo Sun',
    ],
    authorsTruncated: false,
    date: '2025-10-14',
    arxiv: '2510.13025',
    sources: [S],
    summary:
      'Learning a finite-dimensional Koopman representation of a nonlinear dynamical system is framed as an information-bottleneck trade-off. Maximising latent mutual information keeps the representation simple but can collapse it onto a few dominant modes, whereas a von Neumann entropy term keeps the modes diverse; a Lagrangian balancing the two gives more stable and interpretable Koopman models across several dynamical systems.',
    topics: ['other'],
    toyClaim:
      'On a simulated nonlinear system with a known linearising embedding, a Koopman autoencoder trained without the entropy term concentrates its latent spectrum on few modes, while adding the term keeps the effective latent dimension near the true one and improves long-horizon prediction.',
    demo: {
      kind: 'planned',
      family: 'autoencoders',
      note: 'A small Koopman autoencoder on a simulated system, with and without the entropy term; no autoencoder family for dynamical systems exists yet.',
    },
  },
  {
    id: 'split-invariant-equivariant-representations',
    title: 'Self-supervised learning of Split Invariant Equivariant representations',
    authors: ['Quentin Garrido', 'Laurent Najman', 'Yann LeCun'],
    authorsTruncated: false,
    date: '2023-02-14',
    arxiv: '2302.10283',
    venue: 'ICML 2023',
    sources: [S],
    summary:
      'A self-supervised representation can be divided into an invariant part and an equivariant part, with a hypernetwork predictor that turns the known transformation into a map on the equivariant part so that it cannot collapse to invariance. With a new rendered data set of 3D objects under controlled transformations (3DIEBench), this split model does markedly better on equivariance-related tasks than earlier methods.',
    topics: ['contrastive'],
    demo: {
      kind: 'none',
      reason:
        'The evidence rests on a data set of millions of rendered 3D-object images and image encoders trained on it.',
      related: { family: 'contrastive' },
    },
  },
  {
    id: 'hyperbolic-category-discovery',
    title: 'Hyperbolic Category Discovery',
    authors: ['Yuanpei Liu', 'Zhenqi He', 'Kai Han'],
    authorsTruncated: false,
    date: '2025-04-08',
    arxiv: '2504.06120',
    sources: [S],
    summary:
      'In generalised category discovery, where unlabelled images may come from known or new classes, mapping the features of a self-supervised backbone into hyperbolic space and learning with both hyperbolic distances and angles captures hierarchical structure better than Euclidean or spherical embeddings. Added to several existing methods (HypCD), it consistently improves their results on public benchmarks.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason:
        'The claims are about image benchmarks for category discovery using large pretrained backbones.',
    },
  },
  {
    id: 'learning-without-augmenting-frame-projections',
    title:
      'Learning Without Augmenting: Unsupervised Time Series Representation Learning via Frame Projections',
    authors: [],
    authorsTruncated: true,
    date: '2025-10-26',
    arxiv: '2510.22655',
    sources: [S],
    summary:
      'Self-supervised views of a time series can be produced without hand-made augmentations by projecting it onto orthonormal bases and overcomplete frames. Embeddings learned from the two kinds of projection lie on differently shaped manifolds, and combining them gives gains of up to 15 to 20 percent over augmentation-based self-supervised methods on nine data sets and five sequence tasks.',
    topics: ['contrastive'],
    demo: {
      kind: 'none',
      reason:
        'The claims are measured on real time-series benchmarks (physiological and sensor signals).',
      related: { family: 'contrastive' },
    },
  },
  {
    id: 'intrinsic-dataset-properties-natural-medical-images',
    title:
      'The Effect of Intrinsic Dataset Properties on Generalization: Unraveling Learning Differences Between Natural and Medical Images',
    authors: ['Nicholas Konz', 'Maciej A. Mazurowski'],
    authorsTruncated: false,
    date: '2024-01-16',
    arxiv: '2401.08865',
    venue: 'ICLR 2024',
    sources: [S],
    summary:
      "A network's test error grows with the intrinsic dimension of its training data, but more steeply for radiology images than for natural images. A proposed dataset statistic, label sharpness, accounts for much of the gap and also predicts adversarial vulnerability; the intrinsic dimension of the learned representation obeys a similar scaling law and is bounded by that of the data.",
    topics: ['other'],
    demo: {
      kind: 'none',
      reason: 'The claims compare eleven real natural-image and medical-image data sets.',
    },
  },
  {
    id: 'householder-projector-latent-semantics-discovery',
    title: 'Householder Projector for Unsupervised Latent Semantics Discovery',
    authors: ['Yue Song', 'Jichao Zhang', 'Nicu Sebe', 'Wei Wang'],
    authorsTruncated: false,
    date: '2023-07-16',
    arxiv: '2307.08012',
    sources: [S],
    summary:
      'Interpretable directions in a StyleGAN latent space are easier to find when the projection from latent codes to features is constrained to be orthogonal and low-rank. Parameterising it with products of Householder reflections does this; fine-tuning a pretrained StyleGAN2 or StyleGAN3 with it for about 1% of the original training steps yields more disentangled attribute directions without losing image quality.',
    topics: ['representation-similarity'],
    toyClaim:
      'When synthetic data vary along a few orthogonal factor directions, a low-rank orthogonal projection parameterised by Householder reflections recovers those directions, while an unconstrained projection mixes them in its top eigenvectors.',
    demo: {
      kind: 'planned',
      family: 'geometry',
      note: "A toy can only check orthogonal direction discovery on synthetic latents; the paper's claim is about pretrained StyleGANs.",
    },
  },
  {
    id: 'revisiting-diffusion-predictions-dimensionality',
    title: 'Revisiting Diffusion Model Predictions Through Dimensionality',
    authors: ['Qing Jin', 'Chaoyang Wang'],
    authorsTruncated: false,
    date: '2026-01-29',
    arxiv: '2601.21419',
    sources: [S],
    summary:
      'Noise, velocity and clean-data prediction are special cases of one family of training targets for diffusion and flow-matching models, and which member is best depends on the geometry of the data: predicting the clean data wins when the ambient dimension far exceeds the intrinsic dimension. Since that dimension is hard to estimate, the target parameter is instead learned from data (k-Diff), which beats fixed targets in latent- and pixel-space image generation.',
    topics: ['other'],
    toyClaim:
      'For data on a low-dimensional subspace embedded in a much higher-dimensional space, a small denoiser trained to predict the clean sample reaches lower error than one trained to predict the noise, and the gap shrinks as the ambient dimension approaches the intrinsic one.',
    demo: {
      kind: 'planned',
      family: 'autoencoders',
      note: 'A small denoising network on a synthetic low-dimensional subspace, sweeping ambient dimension and prediction target; the paper itself works on image generation.',
    },
  },
  {
    id: 'provable-advantage-unsupervised-pretraining',
    title: 'On the Provable Advantage of Unsupervised Pretraining',
    authors: ['Jiawei Ge', 'Shange Tang', 'Jianqing Fan', 'Chi Jin'],
    authorsTruncated: false,
    date: '2023-03-02',
    arxiv: '2303.01566',
    venue: 'ICLR 2024',
    sources: [S],
    summary:
      'When pretraining fits a latent-variable model by maximum likelihood on $m$ unlabelled samples and a downstream predictor is then fitted on $n$ labelled ones, the excess risk splits into a term governed by the latent model class and $m$ and a term governed by the predictor class and $n$. Under a mild informativeness condition this beats supervised learning alone when $m \\gg n$ and the composed class is more complex than the predictor class; factor models, Gaussian mixtures and contrastive learning are all covered.',
    topics: ['learning-dynamics', 'contrastive'],
    toyClaim:
      'In a linear factor model, fitting the factors on many unlabelled samples first lets a downstream regression reach a given error with far fewer labels than regressing on the raw observations.',
    demo: {
      kind: 'runnable',
      experiment: 'dynamics-factor-pretraining',
      preset: 'informative',
      claims: ['pretraining-helps-small-n', 'subspace-recovered'],
    },
    whatYouSee:
      'Observations $x = A z + \\sigma \\epsilon$ in 200 dimensions from 3 factors with $\\sigma = 2$, and a target $y = \\beta^\\top z + 0.1\\,\\epsilon$. Pretraining takes the top-3 principal subspace of 5 000 unlabelled $x$ (the maximum-likelihood subspace of probabilistic PCA); least squares on the 3 projected features then needs few labels. The chart shows the median test MSE over 20 labelled draws at $n$ = 10 to 200: at $n = 20$ the pretrained features reach about 0.05 against 0.12-0.18 for ridge regression on the raw $x$ at its best penalty (chosen in hindsight), and the gap closes as $n$ grows. Switch to "uninformative": the target depends on a direction of $x$ orthogonal to the factor loadings, which the principal subspace drops, and at $n = 200$ ridge is about 80 times better.',
    notShown:
      'Only the factor model, with PCA standing in for the maximum-likelihood fit; not the Gaussian-mixture or contrastive instances, and not the rates in $m$ and $n$ themselves. The noise level is a choice: at $\\sigma = 1$ the best-penalty ridge nearly catches up (ratio 0.6-0.85 at $n = 20$).',
  },
  {
    id: 'symbolic-synthesis-of-neural-networks',
    title: 'Symbolic Synthesis of Neural Networks',
    authors: ['Eli Whitehouse'],
    authorsTruncated: false,
    date: '2023-03-06',
    arxiv: '2303.03340',
    sources: [S],
    summary:
      'Neural modules whose inputs are augmented with local, discrete features produced by synthesised symbolic programs (graph-based symbolically synthesised networks) change how data-efficiently a baseline network generalises, raising or lowering it in predictable ways depending on which features are injected. Training such modules also reveals which program semantics are useful, without manual engineering.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason:
        'A neurosymbolic architecture study; it makes no claim about recovering latent factors that a toy in this sandbox could test.',
    },
  },
  {
    id: 'model-agnostic-measure-generalization-difficulty',
    title: 'Model-agnostic Measure of Generalization Difficulty',
    authors: [
      'Akhilan Boopathy',
      'Kevin Liu',
      'Jaedong Hwang',
      'Shu Ge',
      'Asaad Mohammedsaleh',
      'Ila Fiete',
    ],
    authorsTruncated: false,
    date: '2023-05-01',
    arxiv: '2305.01034',
    sources: [S],
    summary:
      'The difficulty of a task can be measured independently of any model as the information a learner must bring, beyond its training data, to generalise: the fraction of hypotheses fitting the data that also generalise. This inductive-bias complexity grows exponentially with the intrinsic dimension of the space to generalise over but only polynomially with resolution, and it orders benchmarks as expected, e.g. MNIST below CIFAR-10 below ImageNet.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason: 'The claim is a difficulty measure computed and compared on real benchmark tasks.',
    },
  },
  {
    id: 'noise-resilient-diffusion-spectral-entropy',
    title:
      'Assessing Neural Network Representations During Training Using Noise-Resilient Diffusion Spectral Entropy',
    authors: [
      'Danqi Liao',
      'Chen Liu',
      'Benjamin W. Christensen',
      'Alexander Tong',
      'Guillaume Huguet',
      'Guy Wolf',
      'Maximilian Nickel',
      'Ian Adelstein',
      'Smita Krishnaswamy',
    ],
    authorsTruncated: false,
    date: '2023-12-03',
    arxiv: '2312.04823',
    sources: [S],
    summary:
      "Entropy and mutual information of high-dimensional, noisy representations can be estimated from the eigenvalues of a diffusion operator built on the data's neighbourhood graph. On simulated data these estimates track intrinsic dimension and dependence strength more robustly than classical estimators; applied to training networks, the entropy rises during training, the mutual information with labels rises only when the network generalises, and the latter predicts downstream accuracy across hundreds of ImageNet models.",
    topics: ['representation-similarity', 'learning-dynamics'],
    toyClaim:
      'On synthetic manifolds of known intrinsic dimension embedded in many ambient dimensions, diffusion spectral entropy orders the data sets by intrinsic dimension and changes little when pure-noise dimensions are added.',
    demo: {
      kind: 'planned',
      family: 'geometry',
      note: 'Diffusion spectral entropy on synthetic manifolds of known dimension with added noise dimensions.',
    },
  },
  {
    id: 'diffumatch-spectral-diffusion-priors-shape-matching',
    title:
      'DiffuMatch: Category-Agnostic Spectral Diffusion Priors for Robust Non-rigid Shape Matching',
    authors: ['Emery Pierson', 'Lei Li', 'Angela Dai', 'Maks Ovsjanikov'],
    authorsTruncated: false,
    date: '2025-07-31',
    arxiv: '2507.23715',
    sources: [S],
    summary:
      'In deep functional-map pipelines for non-rigid 3D shape correspondence, the hand-designed regularisers (Laplacian commutativity, orthogonality) can be replaced by a score-based generative prior over functional maps learned in the spectral domain. The prior transfers across shape categories and, distilled into training, gives better zero-shot matching than the axiomatic penalties.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason: 'A 3D shape-matching method trained and evaluated on mesh collections.',
    },
  },
  {
    id: 'disentanglement-via-latent-quantization',
    title: 'Disentanglement via Latent Quantization',
    authors: ['Kyle Hsu', 'Will Dorrell', 'James C. R. Whittington', 'Jiajun Wu', 'Chelsea Finn'],
    authorsTruncated: false,
    date: '2023-05-28',
    arxiv: '2305.18378',
    venue: 'NeurIPS 2023',
    sources: [S],
    summary:
      'Quantising each latent dimension onto its own small learned scalar codebook, combined with unusually strong weight decay, pushes an autoencoder (or InfoGAN) to build codes combinatorially so that each value carries a consistent meaning. With new information-theoretic disentanglement metrics (InfoMEC), the quantised-latent autoencoder is more modular and explicit than strong baselines on standard benchmarks, at no cost in reconstruction.',
    topics: ['vae'],
    toyClaim:
      'On data rendered from a few independent discrete-valued factors, a latent-quantised autoencoder with strong weight decay aligns each latent with a single factor (higher modularity) more often than the same autoencoder with continuous latents.',
    demo: {
      kind: 'planned',
      family: 'autoencoders',
      note: 'Quantised against continuous latents on synthetic discrete-factor data, with a weight-decay sweep.',
    },
  },
  {
    id: 'neural-snowflakes-latent-graph-inference',
    title: 'Neural Snowflakes: Universal Latent Graph Inference via Trainable Latent Geometries',
    authors: ['Haitz Sáez de Ocáriz Borde', 'Anastasis Kratsios'],
    authorsTruncated: false,
    date: '2023-10-23',
    arxiv: '2310.15003',
    venue: 'ICLR 2024',
    sources: [S],
    summary:
      'A trainable fractal-like metric on $\\mathbb{R}^d$ (the neural snowflake), paired with an ordinary MLP encoder, can embed any finite weighted graph isometrically, and for graphs representable by a regular kernel it needs only polynomially many parameters in the number of nodes. Used for latent graph inference in graph neural networks, it matches or beats the best fixed latent geometries without searching over them.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason:
        'The claims concern metric embedding of graphs and graph-network benchmarks; the sandbox has no graph family and no latent-factor claim applies.',
    },
  },
  {
    id: 'cmim-contrastive-mutual-information-framework',
    title:
      'cMIM: A Contrastive Mutual Information Framework for Unified Generative and Discriminative Representation Learning',
    authors: ['Micha Livne'],
    authorsTruncated: true,
    date: '2025-02-26',
    arxiv: '2502.19642',
    sources: [S],
    summary:
      'Adding a contrastive loss to the mutual information machine, a probabilistic autoencoder, makes its latents useful for discriminative tasks while it remains a generative model; the contrastive term needs no data augmentation and is insensitive to the number of negatives. A separate, training-free way of reading embeddings out of any encoder-decoder model further improves downstream classification.',
    topics: ['contrastive', 'vae'],
    demo: {
      kind: 'none',
      reason: 'The claims concern representation quality on real downstream benchmarks.',
      related: { family: 'contrastive' },
    },
  },
  {
    id: 'lambda-orthogonality-compatible-representation-learning',
    title: 'λ-Orthogonality Regularization for Compatible Representation Learning',
    titleSource:
      'Listing 004 prints "boldsymbolλ-Orthogonality ..."; the bold-lambda LaTeX residue is written here as λ (arXiv 2509.16664, found via search)',
    authors: [
      'Simone Ricci',
      'Niccolò Biondi',
      'Federico Pernici',
      'Ioannis Patras',
      'Alberto Del Bimbo',
    ],
    authorsTruncated: false,
    date: '2025-09-20',
    arxiv: '2509.16664',
    venue: 'NeurIPS 2025',
    sources: [S],
    summary:
      "To keep an updated model's embeddings comparable with an old model's, the adapter between them is an affine map held close to orthogonal by a relaxed penalty that tolerates deviations up to a threshold λ. This sits between a free affine map, which adapts but distorts, and a strict rotation, which preserves structure but adapts poorly; across architectures it preserves the new model's zero-shot performance while keeping retrieval compatible.",
    topics: ['representation-similarity'],
    toyClaim:
      'Aligning two synthetic representation spaces related by a near-orthogonal map, a λ-orthogonality-regularised affine map preserves pairwise distances of the source space better than an unconstrained affine map while aligning almost as well.',
    demo: {
      kind: 'planned',
      family: 'geometry',
      note: 'Relaxed-orthogonality alignment of two synthetic representation spaces, sweeping λ.',
    },
  },
  {
    id: 'interpreting-black-box-models-high-dimensional',
    title: 'Interpreting Black-box Machine Learning Models for High Dimensional Datasets',
    authors: [
      'Md. Rezaul Karim',
      'Md. Shajalal',
      'Alexander Graß',
      'Till Döhmen',
      'Sisay Adugna Chala',
      'Alexander Boden',
      'Christian Beecks',
      'Stefan Decker',
    ],
    authorsTruncated: false,
    date: '2022-08-29',
    arxiv: '2208.13405',
    sources: [S],
    summary:
      'A black-box classifier trained on very high-dimensional data can be explained by first finding its top-k features through probing and perturbation, then fitting an interpretable surrogate model on those features only and reading decision rules and local explanations off the surrogate. On data sets with 50 to 20,000 features this is reported to beat TabNet and XGBoost on accuracy and explainability.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason: 'An explainability method evaluated on real high-dimensional tabular data sets.',
    },
  },
  {
    id: 'stationary-representations-compatibility-model-replacement',
    title:
      'Stationary Representations: Optimally Approximating Compatibility and Implications for Improved Model Replacements',
    authors: ['Niccolò Biondi', 'Federico Pernici', 'Simone Ricci', 'Alberto Del Bimbo'],
    authorsTruncated: false,
    date: '2024-05-04',
    arxiv: '2405.02581',
    venue: 'CVPR 2024',
    sources: [S],
    summary:
      'Features learned against a fixed d-Simplex classifier, whose class prototypes never move during training, satisfy both inequalities in the formal definition of compatible representations as well as possible. A retrieval system can therefore swap in a better model downloaded from elsewhere without re-embedding its gallery, although the paper also documents where this stationary approach struggles.',
    topics: ['representation-similarity'],
    demo: {
      kind: 'none',
      reason:
        'The claims concern image retrieval with pretrained models that are updated and replaced over time.',
      related: { family: 'geometry' },
    },
  },
  {
    id: 'semi-supervised-gmm-generalized-category-discovery',
    title: 'Learning Semi-supervised Gaussian Mixture Models for Generalized Category Discovery',
    authors: ['Bingchen Zhao', 'Xin Wen', 'Kai Han'],
    authorsTruncated: false,
    date: '2023-05-10',
    arxiv: '2305.06144',
    venue: 'ICCV 2023',
    sources: [S],
    summary:
      'Category discovery without knowing how many classes the unlabelled images contain can alternate between estimating the classes and learning the representation: a semi-supervised Gaussian mixture whose components split and merge by compactness and separability supplies prototypes, and prototypical contrastive learning uses them. The alternation reaches state-of-the-art results on generic and fine-grained image benchmarks.',
    topics: ['contrastive', 'other'],
    demo: {
      kind: 'none',
      reason: 'An image category-discovery method evaluated on real image benchmarks.',
    },
  },
  {
    id: 'bt2-backward-compatible-training-basis-transformation',
    title: 'BT^2: Backward-compatible Training with Basis Transformation',
    authors: [
      'Yifei Zhou',
      'Zilu Li',
      'Abhinav Shrivastava',
      'Hengshuang Zhao',
      'Antonio Torralba',
      'Taipeng Tian',
      'Ser-Nam Lim',
    ],
    authorsTruncated: false,
    date: '2022-11-07',
    arxiv: '2211.03989',
    sources: [S],
    summary:
      'Making a new retrieval model backward compatible with an old one usually costs the new model accuracy. Adding extra embedding dimensions resolves the conflict, but only if they are added through learnable orthonormal basis transformations that retain the information of their inputs; the approach holds up under architecture changes (CNN to Transformer), modality changes and chains of updates.',
    topics: ['representation-similarity'],
    demo: {
      kind: 'none',
      reason: 'The claims concern retrieval models trained and evaluated on real image data.',
      related: { family: 'geometry' },
    },
  },
  {
    id: 'frechet-cumulative-covariance-net',
    title:
      'Fréchet Cumulative Covariance Net for Deep Nonlinear Sufficient Dimension Reduction with Random Objects',
    authors: ['Hang Yuan', 'Christina Dan Wang', 'Zhou Yu'],
    authorsTruncated: false,
    date: '2025-02-21',
    arxiv: '2502.15374',
    sources: [S],
    summary:
      'Nonlinear sufficient dimension reduction extends to responses that live in general metric spaces through a new dependence measure, the Fréchet cumulative covariance, estimated with feedforward or convolutional networks. The estimator is robust to outliers, unbiased at the level of $\\sigma$-fields under a Frobenius-norm penalty, and converges at near-minimax nonparametric rates; simulations and facial-expression data illustrate it.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason:
        'A supervised statistical dimension-reduction method; it makes no claim about recovering independent latent factors that this sandbox tests.',
    },
  },
  {
    id: 'wasserstein-dependency-measure-representation-learning',
    title: 'Wasserstein Dependency Measure for Representation Learning',
    authors: [
      'Sherjil Ozair',
      'Corey Lynch',
      'Yoshua Bengio',
      'Aaron van den Oord',
      'Sergey Levine',
      'Pierre Sermanet',
    ],
    authorsTruncated: false,
    date: '2019-03-27',
    arxiv: '1903.11780',
    venue: 'NeurIPS 2019',
    sources: [S],
    summary:
      'Representation learning by maximising mutual-information lower bounds, as in contrastive predictive coding, needs exponentially many samples when the true mutual information is large, so in practice it captures only some of the factors of variation. Swapping the KL divergence inside the estimator for a Wasserstein distance, approximated with Lipschitz constraints from the GAN literature, learns more complete representations on designed and real tasks.',
    topics: ['contrastive'],
    toyClaim:
      'With many independent latent factors (high mutual information between views) and a modest batch size, an InfoNCE encoder linearly recovers only some factors, while the same encoder with a Lipschitz constraint recovers more of them.',
    demo: {
      kind: 'planned',
      family: 'contrastive',
      note: 'InfoNCE with and without a Lipschitz constraint, sweeping the number of latent factors at fixed batch size.',
    },
  },
  {
    id: 'g-simclr-guided-projection-pseudo-labelling',
    title:
      'G-SimCLR : Self-Supervised Contrastive Learning with Guided Projection via Pseudo Labelling',
    authors: ['Souradip Chakraborty', 'Aritra Roy Gosthipaty', 'Sayak Paul'],
    authorsTruncated: false,
    date: '2020-09-24',
    arxiv: '2009.12007',
    sources: [S],
    summary:
      'SimCLR batches often contain images of the same class, which its loss then pushes apart as negatives. Clustering the latents of a denoising autoencoder with k-means gives pseudo-labels, and building batches in which no two images share a pseudo-label gives modest gains on CIFAR-10 and a subset of ImageNet.',
    topics: ['contrastive'],
    demo: {
      kind: 'none',
      reason: 'The method and its evaluation depend on natural-image data sets.',
      related: { family: 'contrastive' },
    },
  },
  {
    id: 'from-flat-to-hierarchical-matching-pursuit',
    title: 'From Flat to Hierarchical: Extracting Sparse Representations with Matching Pursuit',
    authors: [
      'Valérie Costa',
      'Thomas Fel',
      'Ekdeep Singh Lubana',
      'Bahareh Tolooshams',
      'Demba Ba',
    ],
    authorsTruncated: false,
    date: '2025-06-03',
    arxiv: '2506.03093',
    venue: 'NeurIPS 2025',
    sources: [S],
    summary:
      'Real model representations contain hierarchical, nonlinearly accessible and multi-dimensional features that the usual sparse autoencoder, built on the assumption of nearly orthogonal linear directions, cannot capture. Hierarchical concepts produce features that are orthogonal only conditionally on their parent; an SAE whose encoder unrolls matching pursuit, choosing atoms one at a time from the residual (MP-SAE), recovers them, exposes shared structure across modalities in a vision-language model, and allows the sparsity to be changed at inference.',
    topics: ['sparse-coding'],
    toyClaim:
      'On synthetic data where child features appear only with their parent and are orthogonal to each other but not to the parent, a matching-pursuit SAE recovers the child atoms with higher cosine similarity than a standard ReLU or TopK SAE.',
    demo: {
      kind: 'runnable',
      experiment: 'sae-compare',
      preset: 'matching-pursuit',
      claims: ['mp-recovers-hierarchy', 'mp-reconstructs'],
    },
    whatYouSee:
      'On parent-child features (children at cosine 0.6 to their parent), the matching-pursuit SAE reconstructs much better than the ReLU SAE. Its dictionary, however, matches the true atoms worse here: the page marks that claim as not reproduced.',
    notShown:
      "Our MP-SAE updates the decoder at fixed pursuit codes instead of back-propagating through the unrolled pursuit, and the hierarchy generator is our own; the paper's results on vision and language models are not modelled.",
  },
  {
    id: 'measuring-intrinsic-dimension-objective-landscapes',
    title: 'Measuring the Intrinsic Dimension of Objective Landscapes',
    authors: ['Chunyuan Li', 'Heerad Farkhoor', 'Rosanne Liu', 'Jason Yosinski'],
    authorsTruncated: false,
    date: '2018-04-24',
    arxiv: '1804.08838',
    venue: 'ICLR 2018',
    sources: [S],
    summary:
      'Training a network only within a random low-dimensional subspace of its parameters, and increasing that dimension until good solutions first appear, measures the intrinsic dimension of the problem. It is often far below the parameter count and barely changes as the same architecture family grows, so extra parameters mainly enlarge the solution set; it allows difficulty comparisons across tasks and gives a simple compression scheme.',
    topics: ['learning-dynamics'],
    toyClaim:
      'For a small MLP on a synthetic task, training in a random subspace reaches 90% of full-parameter performance at a dimension far below the parameter count, and that dimension stays roughly constant as the network is widened.',
    demo: {
      kind: 'runnable',
      experiment: 'dynamics-intrinsic-dim',
      preset: 'sums-toy',
      claims: ['toy-dint-exact'],
    },
    whatYouSee:
      'The paper\'s own toy (Sec. 2): $D = 1000$ parameters in 10 groups of 100 whose sums must equal 1, 2, ..., 10. The parameters are confined to $\\theta_0 + P v$ with $P$ a random $D \\times d$ matrix of unit-norm columns, and $d$ is raised one step at a time; each step finds the best $v$ by least squares (where gradient descent on $v$ converges). The best loss stays in the hundreds down to $d = 9$ (1.2 to 147 over seeds 0-7) and drops to round-off at $d = 10$, at every seed: the intrinsic dimension is the number of constraints, not $D$. Switch to "confined": directions that move only groups 1-5 never solve it.',
    notShown:
      'The MLP part of the toy claim is its own lab, dynamics-intrinsic-mlp (presets width-16, width-32, width-40 and random-labels): a ReLU network trained in random subspaces of dimension $d$ from 16 to 256 beside the same network trained directly, with the intrinsic dimension read at the 90% threshold; its widest preset is 40, not the 64 planned, to stay within 20 s on WASM. MNIST, CIFAR, the reinforcement-learning tasks and the Fastfood projection are not modelled.',
  },
  {
    id: 'noisy-labels-long-tail-representation-calibration',
    title: 'When Noisy Labels Meet Long Tail Dilemmas: A Representation Calibration Method',
    authors: ['Manyi Zhang', 'Xuyang Zhao', 'Jun Yao', 'Chun Yuan', 'Weiran Huang'],
    authorsTruncated: false,
    date: '2022-11-20',
    arxiv: '2211.10955',
    sources: [S],
    summary:
      'When labels are both noisy and long-tailed, assume that clean, balanced per-class representations from unsupervised contrastive learning would be multivariate Gaussian. Recovering those distributions from the corrupted data and sampling extra points from them (RCAL) improves the classifier, with theoretical support and better results on several benchmarks.',
    topics: ['contrastive', 'other'],
    demo: {
      kind: 'none',
      reason: 'A robust-training method evaluated on real noisy, class-imbalanced image data sets.',
    },
  },
  {
    id: 'geometric-deep-learning-grids-groups-graphs',
    title: 'Geometric Deep Learning: Grids, Groups, Graphs, Geodesics, and Gauges',
    authors: ['Michael M. Bronstein', 'Joan Bruna', 'Taco Cohen', 'Petar Veličković'],
    authorsTruncated: false,
    date: '2021-04-27',
    arxiv: '2104.13478',
    sources: [S],
    summary:
      'Most successful architectures (convolutional, recurrent, graph and attention networks) follow from one principle: respect the symmetries of the domain the data live on. This book-length text organises them by domain and symmetry group, in the spirit of Klein’s Erlangen Programme, and turns the principle into a recipe for building architectures that encode known structure of the physical world.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason:
        'A unifying text on architectures and symmetry, not a single claim a toy run could check.',
    },
  },
  {
    id: 'rag-embedding-storage-quantization-dimensionality-reduction',
    title:
      'Optimization of embeddings storage for RAG systems using quantization and dimensionality reduction techniques',
    authors: [
      'Naamán Huerga-Pérez',
      'Rubén Álvarez',
      'Rubén Ferrero-Guillén',
      'Alberto Martínez-Gutiérrez',
      'Javier Díez-González',
    ],
    authorsTruncated: false,
    date: '2025-04-30',
    arxiv: '2505.00105',
    sources: [S],
    summary:
      'On the MTEB retrieval benchmark, storing embeddings in 8-bit floating point cuts memory fourfold at almost no loss, doing better than int8 at the same size, and PCA is the best of the dimensionality reductions tried. Combining moderate PCA with float8 reaches eightfold compression with less loss than int8 alone; a plot of performance against storage helps pick a configuration for a memory budget.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason:
        'An engineering study of embeddings from pretrained text-embedding models on a retrieval benchmark.',
    },
  },
  {
    id: 'rectok-reconstruction-distillation-rectified-flow',
    title: 'RecTok: Reconstruction Distillation along Rectified Flow',
    authors: [
      'Qingyu Shi',
      'Size Wu',
      'Jinbin Bai',
      'Kaidong Yu',
      'Yujing Wang',
      'Yunhai Tong',
      'Xiangtai Li',
      'Xuelong Li',
    ],
    authorsTruncated: false,
    date: '2025-12-15',
    arxiv: '2512.13421',
    venue: 'CVPR 2026',
    sources: [S],
    summary:
      'High-dimensional visual tokenisers for diffusion models usually generate worse images than low-dimensional ones. Distilling semantics from vision foundation models into the forward flow-matching trajectory, rather than only into the latent space, plus a masked feature-reconstruction loss, removes that penalty: generation quality then keeps improving as the latent dimension grows, with state-of-the-art gFID on ImageNet.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason:
        'A visual tokeniser for large image diffusion models, trained with vision foundation models on ImageNet.',
    },
  },
  {
    id: 'isomorphic-consistent-variational-graph-autoencoders',
    title:
      'Isomorphic-Consistent Variational Graph Auto-Encoders for Multi-Level Graph Representation Learning',
    authors: ['Hanxuan Yang', 'Qingchao Kong', 'Wenji Mao'],
    authorsTruncated: false,
    date: '2023-12-09',
    arxiv: '2312.05519',
    sources: [S],
    summary:
      'Standard variational graph autoencoders only guarantee that isomorphic one-hop neighbourhoods get consistent embeddings, which hurts graph-level tasks. A decoder that reconstructs the GNN encoder’s multi-hop node embeddings (an inverse GNN) keeps higher-order isomorphic consistency, and the resulting unsupervised model does well on node classification, link prediction and graph classification.',
    topics: ['vae', 'other'],
    demo: {
      kind: 'none',
      reason:
        'A graph representation method evaluated on graph benchmarks; the sandbox has no graph family.',
    },
  },
  {
    id: 'grassmann-class-representation',
    title:
      'Get the Best of Both Worlds: Improving Accuracy and Transferability by Grassmann Class Representation',
    authors: ['Haoqi Wang', 'Zhizhong Li', 'Wayne Zhang'],
    authorsTruncated: false,
    date: '2023-08-03',
    arxiv: '2308.01547',
    venue: 'ICCV 2023',
    sources: [S],
    summary:
      'Replacing each class vector of the final layer by a linear subspace, with the logit given by the norm of the feature’s projection onto that subspace and the subspaces trained by Riemannian SGD, improves ImageNet accuracy across several architectures. Because features can vary within a class subspace, intra-class variability grows, and the features also transfer better to downstream data sets.',
    topics: ['other'],
    demo: {
      kind: 'none',
      reason:
        'The claims are measured on ImageNet-scale classification and transfer with large image models.',
    },
  },
  {
    id: 'i-predict-therefore-i-am-next-token-prediction',
    title:
      'I Predict Therefore I Am: Is Next Token Prediction Enough to Learn Human-Interpretable Concepts from Data?',
    authors: [
      'Yuhang Liu',
      'Dong Gong',
      'Yichao Cai',
      'Erdun Gao',
      'Zhen Zhang',
      'Biwei Huang',
      'Mingming Gong',
      'Anton van den Hengel',
      'Javen Qinfeng Shi',
    ],
    authorsTruncated: false,
    date: '2025-03-11',
    arxiv: '2503.08980',
    venue: 'ICLR 2026',
    sources: [S],
    summary:
      'If tokens are generated from latent discrete concepts, then, even when that generation is not invertible, the representations a model learns by next-token prediction approximately equal an invertible linear transform of the log posterior of the concepts given the context. This identifiability result grounds the linear representation hypothesis and suggests judging sparse autoencoders against supervised concept extractors; simulations and Pythia, Llama and DeepSeek models support it.',
    topics: ['contrastive', 'sparse-coding'],
    toyClaim:
      'A small next-token model trained on sequences generated from a few latent binary concepts learns representations from which the log posterior of each concept is recovered by a linear map with high $R^2$.',
    demo: {
      kind: 'planned',
      family: 'sequence',
      note: 'Next-token prediction on sequences generated from synthetic discrete concepts, with a linear probe against the true log posteriors.',
    },
  },
];
