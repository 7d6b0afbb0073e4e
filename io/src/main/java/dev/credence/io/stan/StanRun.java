package dev.credence.io.stan;

import java.util.Objects;

/**
 * The settings of an MCMC run that every chain's Stan CSV file repeats in its comment header.
 *
 * @param model the model name ({@code # model = ...})
 * @param seed the run's seed ({@code # seed = ...})
 * @param numWarmup the number of warm-up iterations (not saved in the file)
 * @param maxDepth the NUTS maximum tree depth
 * @param adaptDelta the target acceptance statistic of step-size adaptation
 */
public record StanRun(String model, long seed, int numWarmup, int maxDepth, double adaptDelta) {

    /**
     * Validates the settings.
     *
     * @param model the model name ({@code # model = ...})
     * @param seed the run's seed ({@code # seed = ...})
     * @param numWarmup the number of warm-up iterations (not saved in the file)
     * @param maxDepth the NUTS maximum tree depth
     * @param adaptDelta the target acceptance statistic of step-size adaptation
     * @throws IllegalArgumentException if a count is negative or the model name is blank
     */
    public StanRun {
        Objects.requireNonNull(model, "model");
        if (model.isBlank() || model.contains("\n")) {
            throw new IllegalArgumentException(
                    "Stan run: the model name must be one non-blank line, found \"" + model + "\"");
        }
        if (numWarmup < 0 || maxDepth < 1 || !(adaptDelta > 0 && adaptDelta < 1)) {
            throw new IllegalArgumentException(
                    "Stan run: need numWarmup >= 0, maxDepth >= 1 and 0 < adaptDelta < 1, found "
                            + numWarmup
                            + ", "
                            + maxDepth
                            + ", "
                            + adaptDelta);
        }
    }
}
