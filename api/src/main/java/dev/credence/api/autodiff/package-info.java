/**
 * Reverse-mode automatic differentiation.
 *
 * <p>{@link dev.credence.api.autodiff.Autodiff} is the entry point. Every primitive of {@link
 * dev.credence.api.tensor.Tensor} has one vector-Jacobian rule in one table ({@code VjpRules}),
 * written with tensor operations so that gradients of gradients work. Composite operations
 * (softplus, logSumExp, cross-entropies, ...) need no rules of their own.
 */
package dev.credence.api.autodiff;
