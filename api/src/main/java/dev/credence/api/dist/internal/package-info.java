/**
 * Implementation helpers of the probabilistic core; not exported from the module.
 *
 * <p>{@link dev.credence.api.dist.internal.HostSampler} draws non-reparameterised variates (gamma,
 * Poisson, binomial) on the host from a {@link dev.credence.api.random.RandomKey}. Composite tensor
 * operations that distributions need (safe {@code x log y}, triangular solves, the Cholesky
 * factorisation, cumulative sums, triangular packing) are public, in {@code
 * dev.credence.api.tensor}, so plugins use the same ones.
 */
package dev.credence.api.dist.internal;
