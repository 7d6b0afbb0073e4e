/**
 * Point-estimate baselines in the same API as the Bayesian networks: the MAP network, MC dropout
 * (Gal and Ghahramani, "Dropout as a Bayesian approximation", ICML 2016) and deep ensembles
 * (Lakshminarayanan, Pritzel and Blundell, "Simple and scalable predictive uncertainty estimation
 * using deep ensembles", NeurIPS 2017). Each is trained by {@link
 * dev.credence.models.bnn.baseline.PointTrainer} and predicts as a {@link
 * dev.credence.models.bnn.WeightSamples}, so its predictive draws, uncertainty decomposition and
 * metrics are computed exactly as for a posterior.
 */
package dev.credence.models.bnn.baseline;
