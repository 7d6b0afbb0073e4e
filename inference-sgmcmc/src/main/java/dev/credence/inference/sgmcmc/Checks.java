package dev.credence.inference.sgmcmc;

/** Option checks with messages that name the option, the bound and the value found. */
final class Checks {
    private Checks() {}

    static void positive(String option, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(
                    "option '" + option + "' must be positive and finite, found " + v);
        }
    }

    static void atLeast(String option, long v, long min) {
        if (v < min) {
            throw new IllegalArgumentException(
                    "option '" + option + "' must be at least " + min + ", found " + v);
        }
    }
}
