package dev.credence.cli.check;

import dev.credence.cli.CommandFailure;
import java.util.Locale;

/**
 * Option values against their documented ranges. Each method returns the value when it is in range
 * and otherwise throws a {@linkplain CommandFailure#usage usage failure} that names the option, the
 * range and the value found:
 *
 * <pre>{@code
 * Bounds.count("--chains", chains, 1, Bounds.MAX_CHAINS);   // --chains must be from 1 to 1000, found 0
 * Bounds.positive("--lr", lr);                               // --lr must be a positive finite number, found NaN
 * Bounds.probability("--adapt-delta", delta);                // strictly between 0 and 1
 * }</pre>
 *
 * <p>Upper bounds on counts keep a typo (an extra zero, a pasted seed) from starting a run that
 * would never end; sizes that are only too large for this machine are left to {@link MemoryBudget}.
 */
public final class Bounds {
    /** The most MCMC chains a command runs. */
    public static final int MAX_CHAINS = 1000;

    /** The most warm-up iterations per chain. */
    public static final int MAX_WARMUP = 1_000_000;

    /** The most epochs of a training run. */
    public static final int MAX_EPOCHS = 100_000;

    /** The most SBC replications. */
    public static final int MAX_REPLICATIONS = 100_000;

    /** The most posterior weight draws kept or predictive draws made. */
    public static final int MAX_DRAWS = 100_000;

    private Bounds() {}

    /**
     * An integer in {@code [min, max]}.
     *
     * @param option the option, such as {@code --chains}
     * @param value the value given
     * @param min the smallest allowed
     * @param max the largest allowed
     * @return the value
     */
    public static int count(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw CommandFailure.usage(
                    option
                            + " must be "
                            + (max == Integer.MAX_VALUE
                                    ? "at least " + min
                                    : "from " + min + " to " + max)
                            + ", found "
                            + value);
        }
        return value;
    }

    /**
     * A finite number above 0.
     *
     * @param option the option
     * @param value the value given
     * @return the value
     */
    public static double positive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw CommandFailure.usage(
                    option + " must be a positive finite number, found " + text(value));
        }
        return value;
    }

    /**
     * A number strictly between 0 and 1.
     *
     * @param option the option
     * @param value the value given
     * @return the value
     */
    public static double probability(String option, double value) {
        if (!(value > 0 && value < 1)) {
            throw CommandFailure.usage(
                    option + " must be strictly between 0 and 1, found " + text(value));
        }
        return value;
    }

    /**
     * A value from a fixed list.
     *
     * @param option the option
     * @param value the value given
     * @param allowed the allowed values
     * @return the value
     */
    public static String oneOf(String option, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw CommandFailure.usage(
                option
                        + " must be one of "
                        + String.join(", ", allowed)
                        + ", found '"
                        + value
                        + "'");
    }

    private static String text(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v)
                ? String.format(Locale.ROOT, "%.0f", v)
                : Double.toString(v);
    }
}
