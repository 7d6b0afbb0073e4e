/**
 * Bijectors: invertible maps with log-Jacobians, and the registries that connect them to
 * constraints.
 *
 * <p>A {@link dev.credence.api.dist.bijector.Bijector} {@code f} maps a domain onto a codomain. If
 * {@code X} has density {@code p_X} then {@code Y = f(X)} has {@code log p_Y(y) = log p_X(x) -
 * log|det J_f(x)|}; {@link dev.credence.api.dist.TransformedDistribution} applies this, and {@link
 * dev.credence.api.model.Potential} uses it the other way round, adding {@code log|det J|} to move
 * a density from a constrained space (a positive scale, a simplex, a correlation matrix) to all of
 * {@code R^n}, where HMC can move freely.
 *
 * <h2>bijectTo or transformTo</h2>
 *
 * Both registries answer "how do I reach this constraint from unconstrained numbers?", with
 * different promises:
 *
 * <ul>
 *   <li>{@link dev.credence.api.dist.bijector.BijectorRegistry#bijectTo()} returns an exact
 *       bijection between {@code R^n} (with {@code n} as small as the constraint allows) and the
 *       constraint, with a correct log-determinant. Use it whenever a density must be carried
 *       across: HMC and NUTS potentials, transformed distributions, a guide's density in
 *       variational inference.
 *   <li>{@link dev.credence.api.dist.bijector.BijectorRegistry#transformTo()} returns any smooth
 *       surjection onto the constraint, possibly over-parameterised and without a log-determinant.
 *       Use it for quantities that are optimised, not integrated: variational parameters such as a
 *       Dirichlet's concentration or a probability vector kept in a {@code param} site.
 * </ul>
 *
 * The two differ today for the simplex: {@code bijectTo} gives the stick-breaking bijection from
 * {@code R^(K-1)}, {@code transformTo} the softmax from {@code R^K}, which is cheaper and treats
 * coordinates symmetrically but is not injective. For other built-in constraints they agree.
 *
 * <h2>Extending</h2>
 *
 * Both tables are open: register a factory for a new constraint type (or override a built-in one on
 * a {@link dev.credence.api.dist.bijector.BijectorRegistry#copy() copy}). Built in: {@code real}
 * (identity), {@code positive} ({@link dev.credence.api.dist.bijector.ExpBijector}), {@code
 * greaterThan} ({@link dev.credence.api.dist.bijector.LowerBoundBijector}), {@code unitInterval}
 * ({@link dev.credence.api.dist.bijector.SigmoidBijector}), {@code interval} ({@link
 * dev.credence.api.dist.bijector.IntervalBijector}), {@code simplex} ({@link
 * dev.credence.api.dist.bijector.StickBreakingBijector}), {@code lowerCholesky} ({@link
 * dev.credence.api.dist.bijector.LowerCholeskyBijector}), {@code corrCholesky} ({@link
 * dev.credence.api.dist.bijector.CorrCholeskyBijector}), and {@code independent(c, n)}. Composite
 * maps are built with {@link dev.credence.api.dist.bijector.ComposeBijector} and {@link
 * dev.credence.api.dist.bijector.InverseBijector}.
 */
package dev.credence.api.dist.bijector;
