/**
 * Laplace approximations of a trained network's posterior (Daxberger et al. 2021, "Laplace Redux"):
 * a Gaussian at the MAP weights whose precision is the generalised Gauss-Newton matrix of the
 * likelihood plus the prior precision.
 *
 * <p>Choices ({@link dev.credence.models.bnn.laplace.LaplaceSettings}): the last layer or all
 * weights; a dense, diagonal or Kronecker-factored (K-FAC) curvature; a given prior precision or
 * one tuned by the Laplace marginal likelihood, for all weights or per layer. The mode is any
 * trained network: the MAP estimate, or the SWA mean of SWAG's SGD phase. {@link
 * dev.credence.models.bnn.laplace.Laplace} builds the approximation from one pass over the data
 * (per-example output gradients from a probed forward pass; receptive fields for convolutions),
 * decomposes the curvature once with a host eigensolver ({@link
 * dev.credence.models.bnn.laplace.SymmetricEigen}) so that any prior precision is cheap, and
 * returns a {@link dev.credence.models.bnn.laplace.LaplacePosterior}. {@link
 * dev.credence.models.bnn.laplace.LaplacePredictor} predicts with the linearised network (the GLM
 * predictive of Immer et al. 2021: Gaussian outputs, probit or Monte Carlo; for more than the last
 * layer through {@link dev.credence.models.bnn.laplace.LinearisedOutputs}) or by sampling weights.
 */
package dev.credence.models.bnn.laplace;
