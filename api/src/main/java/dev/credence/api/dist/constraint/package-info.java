/**
 * Constraints: the regions that random variables, parameters and bijectors live in.
 *
 * <p>A {@link dev.credence.api.dist.constraint.Constraint} answers one question, {@code
 * check(value)}: a BOOL tensor that says, event by event, whether a value is inside. Distributions
 * use constraints twice: to validate their parameters (the message names the parameter, the
 * constraint and the offending value) and to declare their support, which is what {@link
 * dev.credence.api.dist.bijector.BijectorRegistry} maps to an unconstrained space for HMC and
 * variational inference.
 *
 * <p>Build constraints with {@link dev.credence.api.dist.constraint.Constraints}: {@code real},
 * {@code positive}, {@code greaterThan(x)}, {@code interval(a, b)}, {@code unitInterval}, {@code
 * simplex}, {@code lowerCholesky}, {@code corrCholesky}, the integer sets, and {@code
 * independent(c, n)}, which judges {@code n} more trailing axes as one event. Bounds may be
 * constants or tensors ({@link dev.credence.api.dist.constraint.Bound}), so the support of a batch
 * of uniform distributions is one constraint.
 */
package dev.credence.api.dist.constraint;
