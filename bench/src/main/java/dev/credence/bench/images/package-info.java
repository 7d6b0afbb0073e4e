/**
 * The image benchmark of issue 17: Fashion-MNIST training, its test split in distribution and
 * MNIST's test split out of distribution, for every network method of {@code models-bnn} and the
 * installed inference providers; accuracy, NLL, ECE, Brier, OOD AUROC and training time over
 * several seeds, with reliability diagrams and an accuracy-against-confidence plot. A method is one
 * entry of {@link dev.credence.bench.images.Methods}; run with {@code bench/images.sh}.
 */
package dev.credence.bench.images;
