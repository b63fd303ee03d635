import type { PaperRecord } from './schema';

const S = '004_d30bd53dd70b72ae' as const;

/** A listing-004 entry: the dump gives titles, abstracts, an author count and a date, but no names. */
function paper(p: Omit<PaperRecord, 'authors' | 'authorsTruncated' | 'sources'>): PaperRecord {
  return { ...p, authors: [], authorsTruncated: true, sources: [S] };
}

type Related = Extract<PaperRecord['demo'], { kind: 'none' }>['related'];
const noToy = (reason: string, related?: Related): PaperRecord['demo'] => (related ? { kind: 'none', reason, related } : { kind: 'none', reason });

/** Papers of listing 004 (a daily-papers dump). Summaries in the project's words. */
export const records: PaperRecord[] = [
  paper({
    id: 'relative-representations',
    title: 'Relative representations enable zero-shot latent space communication',
    date: '2022-09-30',
    summary:
      'Latent spaces of networks trained with different seeds or settings differ by transformations that mostly preserve angles. Representing each sample by its cosine similarities to a fixed set of anchor samples removes those differences, so encoders and decoders trained separately can be stitched together without further training.',
    topics: ['representation-similarity'],
    toyClaim: 'Two encoders whose latents differ by a random rotation and scaling give the same relative (anchor-cosine) representation.',
    demo: { kind: 'planned', family: 'geometry', note: 'Anchor-based relative representations of rotated and rescaled latent spaces.' },
  }),
  paper({
    id: 'intrinsic-dimensionality-language-model-fine-tuning',
    title: 'Intrinsic Dimensionality Explains the Effectiveness of Language Model Fine-Tuning',
    date: '2020-12-22',
    summary:
      'Fine-tuning a pretrained language model can be done in a random subspace of very few parameters, and pretraining lowers this intrinsic dimension. Larger models have smaller intrinsic dimensions, which yields generalisation bounds that do not depend on the full parameter count.',
    topics: ['learning-dynamics'],
    demo: noToy('The claim concerns fine-tuning large pretrained language models on language tasks.', { family: 'dynamics' }),
  }),
  paper({
    id: 'unsupervised-manifold-linearizing-and-clustering',
    title: 'Unsupervised Manifold Linearizing and Clustering',
    date: '2023-01-04',
    summary:
      'Data near a union of low-dimensional manifolds can be clustered while each cluster is mapped to its own linear subspace, by optimising a rate-reduction objective with a doubly stochastic membership. The method is reported to be more accurate and scalable than deep clustering baselines on image benchmarks.',
    topics: ['representation-similarity', 'other'],
    toyClaim: 'Points on a union of curved synthetic manifolds are clustered correctly and mapped to near-orthogonal linear subspaces.',
    demo: { kind: 'planned', family: 'geometry', note: 'A union of synthetic manifolds, clustered and linearised.' },
  }),
  paper({
    id: 'rethinking-positive-pairs-in-contrastive-learning',
    title: 'Rethinking Positive Pairs in Contrastive Learning',
    date: '2024-10-23',
    summary:
      'Contrastive learning usually treats only closely related samples as positives. Learning the features shared by arbitrary pairs of samples, even from different classes, is shown to be possible and useful, widening what counts as a positive pair.',
    topics: ['contrastive'],
    demo: noToy('The claims are evaluated on natural-image benchmarks with pretrained backbones.', { family: 'contrastive' }),
  }),
  paper({
    id: 'unified-embedding-web-scale',
    title: 'Unified Embedding: Battle-Tested Feature Representations for Web-Scale ML Systems',
    date: '2023-05-20',
    summary:
      'Web-scale recommender models embed many categorical features with huge vocabularies. Sharing one embedding table across features (multiplexed embeddings) is simpler and performs better than separate tables, as shown in production search, ads and recommendation systems.',
    topics: ['other'],
    demo: noToy('The claims concern production recommender systems and their data.'),
  }),
  paper({
    id: 'task-vectors-learned-anisotropic-scaling',
    title: 'Knowledge Composition using Task Vectors with Learned Anisotropic Scaling',
    date: '2024-07-03',
    summary:
      'Task vectors, the weight differences produced by fine-tuning, can be combined by learning a separate coefficient for each parameter block instead of one scalar per task. This composes knowledge more flexibly and serves as a parameter-efficient fine-tuning method when data are scarce.',
    topics: ['learning-dynamics', 'other'],
    demo: noToy('The method operates on fine-tuned large pretrained vision-language models.'),
  }),
  paper({
    id: 'autoint',
    title: 'AutoInt: Automatic Feature Interaction Learning via Self-Attentive Neural Networks',
    date: '2018-10-28',
    summary:
      'For click-through-rate prediction with sparse, high-dimensional categorical inputs, multi-head self-attention over feature embeddings learns high-order feature interactions automatically, with better accuracy and some interpretability on benchmark data.',
    topics: ['other'],
    demo: noToy('A recommender-system method evaluated on click-through-rate data sets; no latent-identification claim.'),
  }),
  paper({
    id: 'information-shapes-koopman-representation',
    title: 'Information Shapes Koopman Representation',
    date: '2025-10-14',
    summary:
      'Finding a finite-dimensional Koopman subspace for a nonlinear dynamical system is hard with deep encoders. An information-theoretic objective balancing simplicity (compression) against expressiveness (predictive information) is proposed and improves Koopman learning on several dynamical systems.',
    topics: ['learning-dynamics', 'other'],
    toyClaim: 'On a simple nonlinear system with a known Koopman embedding, the learned latent evolves linearly and recovers that embedding up to a linear map.',
    demo: { kind: 'planned', family: 'dynamics', note: 'A Koopman autoencoder on a system with a known linearising embedding.' },
  }),
  paper({
    id: 'split-invariant-equivariant-representations',
    title: 'Self-supervised learning of Split Invariant Equivariant representations',
    date: '2023-02-14',
    summary:
      'A representation split into an invariant part and an equivariant part, with a hypernetwork predicting how the equivariant part transforms, learns both kinds of structure at once. A new data set of rendered 3D objects under known transformations is introduced to evaluate it.',
    topics: ['contrastive'],
    demo: noToy('The evaluation uses a rendered 3D-object data set and image encoders.', { family: 'contrastive' }),
  }),
  paper({
    id: 'hyperbolic-category-discovery',
    title: 'Hyperbolic Category Discovery',
    date: '2025-04-08',
    summary:
      'In generalised category discovery, embedding images in hyperbolic rather than Euclidean or spherical space better captures hierarchical structure, and consistently improves existing methods at clustering unlabelled images into known and new classes.',
    topics: ['representation-similarity', 'other'],
    demo: noToy('The claims are about image benchmarks for category discovery with pretrained backbones.'),
  }),
  paper({
    id: 'learning-without-augmenting-frame-projections',
    title: 'Learning Without Augmenting: Unsupervised Time Series Representation Learning via Frame Projections',
    date: '2025-10-26',
    summary:
      'Instead of hand-designed augmentations, views of a time series are generated by projecting it onto different frames (orthonormal bases and overcomplete frames); self-supervised learning on these views improves downstream performance over augmentation-based methods.',
    topics: ['contrastive'],
    demo: noToy('The claims concern real time-series benchmarks.', { family: 'contrastive' }),
  }),
  paper({
    id: 'intrinsic-dataset-properties-natural-medical-images',
    title: 'The Effect of Intrinsic Dataset Properties on Generalization: Unraveling Learning Differences Between Natural and Medical Images',
    date: '2024-01-16',
    summary:
      'Generalisation error grows with the intrinsic dimension of the training data, but faster for medical images than for natural ones. A dataset property, label sharpness, explains the gap and also predicts vulnerability to adversarial attacks.',
    topics: ['other'],
    demo: noToy('The claims compare real natural-image and medical-image data sets.'),
  }),
  paper({
    id: 'householder-projector-latent-semantics',
    title: 'Householder Projector for Unsupervised Latent Semantics Discovery',
    date: '2023-07-16',
    summary:
      'Interpretable directions in a StyleGAN latent space are found better with an orthogonal projection parameterised by Householder reflections, which keeps the directions orthogonal while fine-tuning. Attributes come out more disentangled with little fine-tuning and no loss of image quality.',
    topics: ['representation-similarity'],
    toyClaim: 'In a synthetic latent space whose factors lie along orthogonal directions, an orthogonal (Householder) projection recovers those directions.',
    demo: { kind: 'planned', family: 'geometry', note: "The paper's claim is about StyleGAN; a toy can only check orthogonal direction discovery on synthetic latents." },
  }),
  paper({
    id: 'revisiting-diffusion-predictions-dimensionality',
    title: 'Revisiting Diffusion Model Predictions Through Dimensionality',
    summary:
      'Which target a diffusion or flow-matching model should predict (noise, velocity or the clean data) depends on the dimensionality of the data relative to its intrinsic dimension. An analysis of this dependence motivates choosing the target automatically, which improves generation across architectures and scales.',
    topics: ['other'],
    demo: noToy('The claims concern generative image models and their training targets.'),
  }),
  paper({
    id: 'provable-advantage-of-unsupervised-pretraining',
    title: 'On the Provable Advantage of Unsupervised Pretraining',
    date: '2023-03-02',
    summary:
      'A generic framework shows when unsupervised pretraining on plentiful unlabelled data lowers the labelled-sample complexity of a downstream task, covering factor models, Gaussian mixtures and contrastive learning. The advantage appears when the representation class is rich and the downstream predictor class simple.',
    topics: ['learning-dynamics', 'contrastive'],
    toyClaim: 'In a linear factor model, fitting the factors on unlabelled data first lets a downstream regression reach a given error with fewer labels.',
    demo: { kind: 'planned', family: 'dynamics', note: 'Label efficiency with and without unsupervised pretraining in a factor model.' },
  }),
  paper({
    id: 'symbolic-synthesis-of-neural-networks',
    title: 'Symbolic Synthesis of Neural Networks',
    date: '2023-03-06',
    summary:
      'Networks whose structure is synthesised from symbolic programs inherit some of the modularity and data efficiency of symbolic systems. Experiments indicate that symbolic structure helps when it fits the task and can be learned for simple program classes.',
    topics: ['other'],
    demo: noToy('A neurosymbolic architecture study without a latent-recovery claim.'),
  }),
  paper({
    id: 'model-agnostic-generalization-difficulty',
    title: 'Model-agnostic Measure of Generalization Difficulty',
    date: '2023-05-01',
    summary:
      'The difficulty of a benchmark is measured as the information needed, beyond the training data, to generalise well; it grows with the intrinsic dimension of the task. Among common benchmarks, this measure ranks tasks by how much inductive bias they demand.',
    topics: ['other'],
    demo: noToy('The claim is a measure computed on real benchmark data sets.'),
  }),
  paper({
    id: 'diffusion-spectral-entropy',
    title: 'Assessing Neural Network Representations During Training Using Noise-Resilient Diffusion Spectral Entropy',
    date: '2023-12-03',
    summary:
      'Entropy and mutual information of representations are estimated through the spectrum of a diffusion operator built on the data manifold, which is robust to noise and high dimension. The estimates track training dynamics and predict downstream accuracy across many ImageNet models.',
    topics: ['representation-similarity', 'learning-dynamics'],
    toyClaim: 'On synthetic data with known intrinsic dimension, diffusion spectral entropy reflects that dimension and is stable as noise dimensions are added.',
    demo: { kind: 'planned', family: 'geometry', note: 'Diffusion spectral entropy on synthetic manifolds of known dimension.' },
  }),
  paper({
    id: 'diffumatch',
    title: 'DiffuMatch: Category-Agnostic Spectral Diffusion Priors for Robust Non-rigid Shape Matching',
    date: '2025-07-31',
    summary:
      'For non-rigid 3D shape correspondence with functional maps, a diffusion model learned in the spectral domain replaces hand-designed regularisers and improves zero-shot matching across shape categories.',
    topics: ['other'],
    demo: noToy('A 3D shape-matching method evaluated on mesh data sets.'),
  }),
  paper({
    id: 'disentanglement-via-latent-quantization',
    title: 'Disentanglement via Latent Quantization',
    date: '2023-05-28',
    summary:
      'Forcing an autoencoder to encode each latent dimension on a small learned scalar codebook, together with strong weight decay, is an inductive bias that favours disentangled representations. The resulting quantised-latent autoencoder improves disentanglement metrics without hurting reconstruction.',
    topics: ['vae', 'ica'],
    toyClaim: 'On data generated from a few discrete-valued factors, a latent-quantised autoencoder aligns each latent with one factor more often than an unquantised one.',
    demo: { kind: 'planned', family: 'autoencoders', note: 'Quantised against continuous latents on synthetic factor data.' },
  }),
  paper({
    id: 'neural-snowflakes',
    title: 'Neural Snowflakes: Universal Latent Graph Inference via Trainable Latent Geometries',
    date: '2023-10-23',
    summary:
      'A trainable latent geometry (the neural snowflake) can represent any finite weighted graph isometrically, giving latent graph inference for graph networks a representational guarantee and better downstream results without searching over geometries.',
    topics: ['representation-similarity', 'other'],
    demo: noToy('A graph-learning architecture evaluated on graph benchmarks.'),
  }),
  paper({
    id: 'cmim-contrastive-mutual-information-machine',
    title: 'cMIM: A Contrastive Mutual Information Framework for Unified Generative and Discriminative Representation Learning',
    date: '2025-02-26',
    summary:
      'Adding a contrastive term to the mutual information machine, a probabilistic autoencoder, yields representations that serve discriminative tasks while keeping generative ability, without the need for data augmentation or large batches.',
    topics: ['contrastive', 'vae'],
    demo: noToy('The claims concern representation quality on real downstream benchmarks.', { family: 'contrastive' }),
  }),
  paper({
    id: 'lambda-orthogonality-compatible-representations',
    title: 'λ-Orthogonality Regularization for Compatible Representation Learning',
    titleSource: 'listing 004; its "boldsymbolλ" is the LaTeX for a bold lambda, written here as λ',
    date: '2025-09-20',
    summary:
      'To make a new model\'s representations compatible with an old one, the map between them is kept close to orthogonal through a relaxed, λ-weighted orthogonality penalty. This preserves the new model\'s zero-shot quality while keeping retrieval compatible across updates.',
    topics: ['representation-similarity'],
    toyClaim: 'Aligning two synthetic representation spaces with a nearly orthogonal map preserves distances better than an unconstrained linear map while still aligning them.',
    demo: { kind: 'planned', family: 'geometry', note: 'Relaxed-orthogonality alignment of two synthetic representation spaces.' },
  }),
  paper({
    id: 'interpreting-black-box-high-dimensional',
    title: 'Interpreting Black-box Machine Learning Models for High Dimensional Datasets',
    date: '2022-08-29',
    summary:
      'For high-dimensional tabular data, a black-box model is explained by first selecting the most relevant features and then fitting an interpretable surrogate on them, which gives more faithful explanations than competing approaches on data sets of 50 to 20,000 features.',
    topics: ['other'],
    demo: noToy('An explainability method evaluated on real tabular data sets.'),
  }),
  paper({
    id: 'stationary-representations-compatibility',
    title: 'Stationary Representations: Optimally Approximating Compatibility and Implications for Improved Model Replacements',
    date: '2024-05-04',
    summary:
      'Representations trained against a fixed, stationary classifier geometry approximate compatibility across model updates optimally, so a retrieval system can replace its model without reprocessing the gallery while still improving.',
    topics: ['representation-similarity'],
    demo: noToy('The claims concern retrieval systems on image data sets.', { family: 'geometry' }),
  }),
  paper({
    id: 'semi-supervised-gmm-category-discovery',
    title: 'Learning Semi-supervised Gaussian Mixture Models for Generalized Category Discovery',
    date: '2023-05-10',
    summary:
      'Category discovery with an unknown number of new classes is handled by a semi-supervised Gaussian mixture whose components split and merge during training, together with prototype-based contrastive learning.',
    topics: ['contrastive', 'other'],
    demo: noToy('An image category-discovery method evaluated on real benchmarks.'),
  }),
  paper({
    id: 'bt2-backward-compatible-training',
    title: 'BT^2: Backward-compatible Training with Basis Transformation',
    date: '2022-11-07',
    summary:
      'A new embedding model is made compatible with an old one by adding dimensions through a learned basis transformation, so the gallery need not be re-embedded; the approach holds up across large architecture and modality changes.',
    topics: ['representation-similarity'],
    demo: noToy('The claims concern retrieval models trained on real image data.', { family: 'geometry' }),
  }),
  paper({
    id: 'frechet-cumulative-covariance-net',
    title: 'Fréchet Cumulative Covariance Net for Deep Nonlinear Sufficient Dimension Reduction with Random Objects',
    date: '2025-02-21',
    summary:
      'Nonlinear sufficient dimension reduction is extended to responses that live in non-Euclidean metric spaces (distributions, networks, shapes) through a Fréchet cumulative covariance and a neural network, with consistency guarantees and applications to facial-expression data.',
    topics: ['other'],
    demo: noToy('A statistical dimension-reduction method without a latent-identification claim suited to this sandbox.'),
  }),
  paper({
    id: 'wasserstein-dependency-measure',
    title: 'Wasserstein Dependency Measure for Representation Learning',
    date: '2019-03-27',
    summary:
      'Mutual-information objectives are limited because tight bounds need exponentially many samples. Replacing the KL divergence in mutual information by a Wasserstein distance, enforced with Lipschitz constraints, gives a dependency measure that learns more complete representations.',
    topics: ['contrastive'],
    demo: noToy('The claimed gains are shown on representation-learning tasks with real data.', { family: 'contrastive' }),
  }),
  paper({
    id: 'g-simclr',
    title: 'G-SimCLR : Self-Supervised Contrastive Learning with Guided Projection via Pseudo Labelling',
    date: '2020-09-24',
    summary:
      'SimCLR batches can contain images of the same class treated as negatives. Pseudo-labels from clustering an autoencoder\'s features are used to build batches without same-class negatives, with modest gains on CIFAR-10 and an ImageNet subset.',
    topics: ['contrastive'],
    demo: noToy('The method and its evaluation depend on natural-image data.', { family: 'contrastive' }),
  }),
  paper({
    id: 'from-flat-to-hierarchical-matching-pursuit',
    title: 'From Flat to Hierarchical: Extracting Sparse Representations with Matching Pursuit',
    date: '2025-06-03',
    summary:
      'Model representations contain hierarchical and conditionally dependent features that a one-layer SAE encoder treats poorly. An SAE whose encoder unrolls matching pursuit, selecting atoms by the residual, captures such hierarchies better, supporting interpretability methods built from the phenomenology of representations.',
    topics: ['sparse-coding'],
    toyClaim: 'With a parent feature gating its children, a matching-pursuit SAE recovers the child features better than a standard SAE.',
    demo: { kind: 'planned', family: 'sae', note: 'A matching-pursuit SAE on hierarchical synthetic features.' },
  }),
  paper({
    id: 'intrinsic-dimension-of-objective-landscapes',
    title: 'Measuring the Intrinsic Dimension of Objective Landscapes',
    date: '2018-04-24',
    summary:
      'Training a network in a random low-dimensional subspace of its parameters and finding the smallest dimension that reaches good performance measures the intrinsic dimension of the problem. It is often far below the parameter count and varies across tasks, which also gives a way to compress networks.',
    topics: ['learning-dynamics'],
    toyClaim: 'Training in a random subspace reaches 90% of full performance at a dimension far below the parameter count, and that dimension grows with task complexity.',
    demo: { kind: 'planned', family: 'dynamics', note: 'Random-subspace training of a small network on synthetic tasks.' },
  }),
  paper({
    id: 'noisy-labels-long-tail-representation-calibration',
    title: 'When Noisy Labels Meet Long Tail Dilemmas: A Representation Calibration Method',
    date: '2022-11-20',
    summary:
      'When labels are both noisy and class-imbalanced, assuming the representations of each class follow a multivariate Gaussian and calibrating them towards that distribution improves the classifier, with theory and benchmark results.',
    topics: ['other'],
    demo: noToy('A robust-training method evaluated on real noisy, long-tailed data sets.'),
  }),
  paper({
    id: 'geometric-deep-learning',
    title: 'Geometric Deep Learning: Grids, Groups, Graphs, Geodesics, and Gauges',
    date: '2021-04-27',
    summary:
      'A unifying text: symmetry and invariance under groups explain the designs of convolutional, graph, recurrent and attention architectures, and give a constructive recipe for building architectures that respect known symmetries of the data.',
    topics: ['other'],
    demo: noToy('A survey and framework, not a single testable claim.'),
  }),
  paper({
    id: 'rag-embedding-storage-quantization',
    title: 'Optimization of embeddings storage for RAG systems using quantization and dimensionality reduction techniques',
    date: '2025-04-30',
    summary:
      'Retrieval embeddings stored in lower precision (float8) and reduced by PCA keep most retrieval quality at a fraction of the memory, and plotting performance against storage helps choose the combination for a given budget.',
    topics: ['other'],
    demo: noToy('An engineering study of retrieval embeddings from pretrained language models.'),
  }),
  paper({
    id: 'rectok',
    title: 'RecTok: Reconstruction Distillation along Rectified Flow',
    date: '2025-12-15',
    summary:
      'Visual tokenisers for diffusion models face a trade-off between latent dimensionality and generation quality. Distilling semantic features along the rectified-flow trajectory and adding reconstruction alignment lets high-dimensional latents generate well, improving as the dimension grows.',
    topics: ['other'],
    demo: noToy('A visual tokeniser for large image diffusion models.'),
  }),
  paper({
    id: 'isomorphic-consistent-variational-graph-autoencoders',
    title: 'Isomorphic-Consistent Variational Graph Auto-Encoders for Multi-Level Graph Representation Learning',
    date: '2023-12-09',
    summary:
      'A variational graph autoencoder with a decoder that respects graph isomorphism learns task-agnostic node and graph representations that perform well on node classification, link prediction and graph classification.',
    topics: ['vae', 'other'],
    demo: noToy('A graph representation method evaluated on graph benchmarks.'),
  }),
  paper({
    id: 'grassmann-class-representation',
    title: 'Get the Best of Both Worlds: Improving Accuracy and Transferability by Grassmann Class Representation',
    date: '2023-08-03',
    summary:
      'Representing each class by a linear subspace instead of a vector, with the logit given by the norm of the projection onto it, improves both classification accuracy and the transferability of the learned features.',
    topics: ['representation-similarity'],
    demo: noToy('The claims are measured on ImageNet-scale image classification and transfer.'),
  }),
  paper({
    id: 'i-predict-therefore-i-am',
    title: 'I Predict Therefore I Am: Is Next Token Prediction Enough to Learn Human-Interpretable Concepts from Data?',
    date: '2025-03-11',
    summary:
      'Under a latent-variable model of how tokens are generated from concepts, next-token prediction identifies the concepts up to a linear transformation. This supports the linear representation hypothesis, and a structured sparse autoencoder built on the result is evaluated on simulations and open language models.',
    topics: ['contrastive', 'sparse-coding'],
    toyClaim: 'A small next-token model trained on sequences generated from latent concepts learns representations from which the concepts are linearly recoverable.',
    demo: { kind: 'planned', family: 'contrastive', note: 'Next-token prediction on sequences generated from synthetic latent concepts.' },
  }),
];
