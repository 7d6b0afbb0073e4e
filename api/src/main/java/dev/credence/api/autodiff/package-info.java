/**
 * Reverse-mode automatic differentiation.
 *
 * <p>{@link dev.credence.api.autodiff.Autodiff} is the entry point: value and gradient of a
 * function, vector-Jacobian products, variables and no-grad blocks. The tape itself (the node of a
 * tracked tensor, the recording switch, the table with one vector-Jacobian rule per {@link
 * dev.credence.api.backend.Primitive}, and the backward pass) lives in {@code
 * dev.credence.api.tensor} beside {@link dev.credence.api.tensor.Tensor}, which records a node for
 * every primitive it applies; this package depends on that one and not the other way round, so the
 * two form no import circle. Composite operations (softplus, logSumExp, Cholesky solves, ...) need
 * no rules of their own, and because the rules are written with tensor operations, gradients of
 * gradients work.
 */
package dev.credence.api.autodiff;
