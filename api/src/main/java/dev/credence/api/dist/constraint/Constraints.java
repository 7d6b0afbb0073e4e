package dev.credence.api.dist.constraint;

import dev.credence.api.tensor.Tensor;

/** Factories for the built-in constraints. */
public final class Constraints {
    private static final GreaterThan POSITIVE = new GreaterThan(Bound.of(0), false);
    private static final GreaterThan NON_NEGATIVE = new GreaterThan(Bound.of(0), true);
    private static final Interval UNIT = new Interval(Bound.of(0), Bound.of(1));
    private static final IntegerInterval BOOLEANS = new IntegerInterval(Bound.of(0), Bound.of(1));
    private static final IntegerInterval NON_NEGATIVE_INTEGER =
            new IntegerInterval(Bound.of(0), null);
    private static final IndependentConstraint REAL_VECTOR =
            new IndependentConstraint(Real.INSTANCE, 1);

    private Constraints() {}

    /**
     * The real line.
     *
     * @return the constraint
     */
    public static Constraint real() {
        return Real.INSTANCE;
    }

    /**
     * Real vectors (event dimension 1).
     *
     * @return {@code independent(real(), 1)}
     */
    public static Constraint realVector() {
        return REAL_VECTOR;
    }

    /**
     * Positive values, {@code x > 0}.
     *
     * @return the constraint
     */
    public static Constraint positive() {
        return POSITIVE;
    }

    /**
     * Non-negative values, {@code x >= 0}.
     *
     * @return the constraint
     */
    public static Constraint nonNegative() {
        return NON_NEGATIVE;
    }

    /**
     * Values above a constant, {@code x > lower}.
     *
     * @param lower the bound
     * @return the constraint
     */
    public static Constraint greaterThan(double lower) {
        return lower == 0 ? POSITIVE : new GreaterThan(Bound.of(lower), false);
    }

    /**
     * Values above a tensor bound, {@code x > lower}.
     *
     * @param lower the bound
     * @return the constraint
     */
    public static Constraint greaterThan(Tensor lower) {
        return new GreaterThan(Bound.of(lower), false);
    }

    /**
     * Values above a bound of either kind, {@code x > lower}.
     *
     * @param lower the bound
     * @return the constraint
     */
    public static Constraint greaterThan(Bound lower) {
        return lower.is(0) ? POSITIVE : new GreaterThan(lower, false);
    }

    /**
     * The closed interval between two constants.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     * @return the constraint
     */
    public static Constraint interval(double lower, double upper) {
        return lower == 0 && upper == 1 ? UNIT : new Interval(Bound.of(lower), Bound.of(upper));
    }

    /**
     * The closed interval between tensor bounds.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     * @return the constraint
     */
    public static Constraint interval(Tensor lower, Tensor upper) {
        return new Interval(Bound.of(lower), Bound.of(upper));
    }

    /**
     * The closed interval between bounds of either kind.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     * @return the constraint
     */
    public static Constraint interval(Bound lower, Bound upper) {
        return lower.is(0) && upper.is(1) ? UNIT : new Interval(lower, upper);
    }

    /**
     * The unit interval [0, 1].
     *
     * @return the constraint
     */
    public static Constraint unitInterval() {
        return UNIT;
    }

    /**
     * The probability simplex (event dimension 1).
     *
     * @return the constraint
     */
    public static Constraint simplex() {
        return Simplex.INSTANCE;
    }

    /**
     * Strictly increasing vectors (event dimension 1), Stan's {@code ordered[K]}.
     *
     * @return the constraint
     */
    public static Constraint ordered() {
        return Ordered.ORDERED;
    }

    /**
     * Strictly increasing vectors of positive entries (event dimension 1), Stan's {@code
     * positive_ordered[K]}.
     *
     * @return the constraint
     */
    public static Constraint positiveOrdered() {
        return Ordered.POSITIVE_ORDERED;
    }

    /**
     * Cholesky factors of positive-definite matrices (event dimension 2).
     *
     * @return the constraint
     */
    public static Constraint lowerCholesky() {
        return LowerCholesky.INSTANCE;
    }

    /**
     * Cholesky factors of correlation matrices (event dimension 2).
     *
     * @return the constraint
     */
    public static Constraint corrCholesky() {
        return CorrCholesky.INSTANCE_CORR;
    }

    /**
     * The values 0 and 1.
     *
     * @return the constraint
     */
    public static Constraint booleans() {
        return BOOLEANS;
    }

    /**
     * The integers 0, 1, 2, ...
     *
     * @return the constraint
     */
    public static Constraint nonNegativeInteger() {
        return NON_NEGATIVE_INTEGER;
    }

    /**
     * The integers between two constants, inclusive.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     * @return the constraint
     */
    public static Constraint integerInterval(int lower, int upper) {
        return new IntegerInterval(Bound.of(lower), Bound.of(upper));
    }

    /**
     * The integers from 0 to a tensor bound, inclusive (binomial counts).
     *
     * @param upper the upper bound
     * @return the constraint
     */
    public static Constraint integerInterval(Tensor upper) {
        return new IntegerInterval(Bound.of(0), Bound.of(upper));
    }

    /**
     * A constraint on blocks of trailing axes, each element satisfying {@code base}.
     *
     * @param base the constraint on each element (or base event)
     * @param reinterpreted how many more trailing axes form one event
     * @return the constraint; {@code base} itself when {@code reinterpreted} is 0
     */
    public static Constraint independent(Constraint base, int reinterpreted) {
        if (reinterpreted == 0) {
            return base;
        }
        if (base == Real.INSTANCE && reinterpreted == 1) {
            return REAL_VECTOR;
        }
        return new IndependentConstraint(base, reinterpreted);
    }
}
