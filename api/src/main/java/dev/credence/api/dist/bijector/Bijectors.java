package dev.credence.api.dist.bijector;

import dev.credence.api.dist.constraint.Constraint;

/** Shortcuts to the two shared registries of {@link BijectorRegistry}. */
public final class Bijectors {
    private Bijectors() {}

    /**
     * Returns the exact bijection from an unconstrained space onto a constraint, for densities.
     *
     * @param constraint the target
     * @return {@code BijectorRegistry.bijectTo().get(constraint)}
     */
    public static Bijector bijectTo(Constraint constraint) {
        return BijectorRegistry.bijectTo().get(constraint);
    }

    /**
     * Returns a cheap map from an unconstrained space onto a constraint, for optimised parameters.
     *
     * @param constraint the target
     * @return {@code BijectorRegistry.transformTo().get(constraint)}
     */
    public static Bijector transformTo(Constraint constraint) {
        return BijectorRegistry.transformTo().get(constraint);
    }
}
