package dev.credence.api.dist.bijector;

import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.CorrCholesky;
import dev.credence.api.dist.constraint.GreaterThan;
import dev.credence.api.dist.constraint.IndependentConstraint;
import dev.credence.api.dist.constraint.IntegerInterval;
import dev.credence.api.dist.constraint.Interval;
import dev.credence.api.dist.constraint.LowerCholesky;
import dev.credence.api.dist.constraint.Ordered;
import dev.credence.api.dist.constraint.Real;
import dev.credence.api.dist.constraint.Simplex;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An open table from constraint types to factories of bijectors that map an unconstrained space
 * onto the constraint. See the package documentation for the two default tables, {@link
 * #bijectTo()} and {@link #transformTo()}, and when to use which.
 *
 * <p>Lookup walks the class hierarchy of the constraint, most specific class first, so a factory
 * registered for a subclass wins over one for its superclass. Registering is thread-safe; a
 * registration replaces an earlier one for the same type.
 *
 * <pre>{@code
 * BijectorRegistry.bijectTo().register(MyConstraint.class, c -> new MyBijector(c.bound()));
 * Bijector b = Bijectors.bijectTo(new MyConstraint(3));
 * }</pre>
 */
public final class BijectorRegistry {
    private static final BijectorRegistry BIJECT_TO = withDefaults(false);
    private static final BijectorRegistry TRANSFORM_TO = withDefaults(true);

    private final Map<Class<?>, BiFunction<BijectorRegistry, Constraint, Bijector>> factories =
            new ConcurrentHashMap<>();

    /** Creates an empty registry. */
    public BijectorRegistry() {}

    /**
     * Returns the shared registry of exact bijections, for densities (HMC, NUTS).
     *
     * @return the registry
     */
    public static BijectorRegistry bijectTo() {
        return BIJECT_TO;
    }

    /**
     * Returns the shared registry of cheap transforms, for variational parameters.
     *
     * @return the registry
     */
    public static BijectorRegistry transformTo() {
        return TRANSFORM_TO;
    }

    /**
     * Registers a factory for a constraint type.
     *
     * @param <C> the constraint type
     * @param type the constraint class
     * @param factory builds a bijector onto a given constraint of that class
     * @return this registry
     */
    public <C extends Constraint> BijectorRegistry register(
            Class<C> type, Function<? super C, ? extends Bijector> factory) {
        factories.put(type, (r, c) -> factory.apply(type.cast(c)));
        return this;
    }

    /**
     * Returns a bijector from an unconstrained space onto a constraint.
     *
     * @param constraint the target
     * @return the bijector, whose codomain is {@code constraint}
     * @throws IllegalArgumentException if no factory is registered for the constraint's type or a
     *     superclass of it
     */
    public Bijector get(Constraint constraint) {
        for (Class<?> c = constraint.getClass(); c != Object.class; c = c.getSuperclass()) {
            BiFunction<BijectorRegistry, Constraint, Bijector> f = factories.get(c);
            if (f != null) {
                return f.apply(this, constraint);
            }
        }
        throw new IllegalArgumentException(
                "no bijector is registered for the constraint "
                        + constraint.describe()
                        + " (type "
                        + constraint.getClass().getName()
                        + "); register one with register("
                        + constraint.getClass().getSimpleName()
                        + ".class, factory)");
    }

    /**
     * Returns an independent copy of this registry, to extend without touching the original.
     *
     * @return the copy
     */
    public BijectorRegistry copy() {
        BijectorRegistry r = new BijectorRegistry();
        r.factories.putAll(factories);
        return r;
    }

    private static BijectorRegistry withDefaults(boolean cheap) {
        BijectorRegistry r = new BijectorRegistry();
        r.register(Real.class, c -> new IdentityBijector(0));
        r.register(
                GreaterThan.class,
                c -> c.lower().is(0) ? new ExpBijector() : new LowerBoundBijector(c.lower()));
        r.register(
                Interval.class,
                c ->
                        c.lower().is(0) && c.upper().is(1)
                                ? new SigmoidBijector()
                                : new IntervalBijector(c.lower(), c.upper()));
        r.register(
                Simplex.class, c -> cheap ? new SoftmaxTransform() : new StickBreakingBijector());
        r.register(Ordered.class, c -> new OrderedBijector(c.isPositive()));
        r.register(LowerCholesky.class, c -> new LowerCholeskyBijector());
        r.register(CorrCholesky.class, c -> new CorrCholeskyBijector());
        // The base is looked up in the registry being asked, so copies see their own entries.
        r.factories.put(
                IndependentConstraint.class,
                (reg, c) -> {
                    IndependentConstraint ic = (IndependentConstraint) c;
                    return new IndependentBijector(reg.get(ic.base()), ic.reinterpreted());
                });
        r.register(
                IntegerInterval.class,
                c -> {
                    throw new IllegalArgumentException(
                            "the support "
                                    + c.describe()
                                    + " is discrete: no bijection maps a continuous space onto"
                                    + " it; condition or marginalise discrete sites");
                });
        return r;
    }
}
