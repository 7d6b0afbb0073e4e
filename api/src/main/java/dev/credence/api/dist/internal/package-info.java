/**
 * Implementation helpers of the probabilistic core; not exported from the module.
 *
 * <p>{@link dev.credence.api.dist.internal.TensorMath} holds composite tensor operations (safe
 * {@code x log y}, triangular solves, a Cholesky factorisation, cumulative sums, triangular
 * packing) built from the public {@link dev.credence.api.tensor.Tensor} operations, so they
 * differentiate through the existing gradient rules. They are candidates for promotion to {@code
 * Tensor}. {@link dev.credence.api.dist.internal.HostSampler} draws non-reparameterised variates
 * (gamma, Poisson, binomial) on the host from a {@link dev.credence.api.random.RandomKey}.
 */
package dev.credence.api.dist.internal;
