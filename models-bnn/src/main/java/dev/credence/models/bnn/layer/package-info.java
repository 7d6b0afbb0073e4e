/**
 * Bayesian layers: a linear layer whose weights are random variables with a prior, and the ways a
 * Gaussian variational posterior over them can be sampled during training.
 *
 * <p>A {@link dev.credence.models.bnn.layer.BayesianLinear} declares its weight and bias as {@code
 * sample} sites with a {@link dev.credence.models.bnn.layer.WeightPrior}, so a network built from
 * it is an ordinary {@link dev.credence.api.model.Model}: NUTS samples the weights, SVI fits a
 * guide over them. When the guide is Gaussian and reports itself through a {@link
 * dev.credence.models.bnn.layer.GuideTap}, the layer can replace the shared weight draw by a
 * lower-variance {@link dev.credence.models.bnn.layer.Estimator}: the local reparameterisation
 * trick (Kingma, Salimans and Welling 2015) or Flipout (Wen et al. 2018). {@link
 * dev.credence.models.bnn.layer.MeanFieldGuide} is the Bayes-by-Backprop family (Blundell et al.
 * 2015), optionally initialised from a trained deterministic network (MOPED, Krishnan et al. 2020).
 */
package dev.credence.models.bnn.layer;
