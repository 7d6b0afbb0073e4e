package dev.credence.io.stan;

import java.util.List;
import java.util.Objects;

/**
 * One MCMC chain as a Stan CSV file holds it: the post-warm-up draws of every parameter, the
 * sampler's per-draw diagnostics, and the adapted step size and metric.
 *
 * <p>Parameter names use Stan's flattened form ({@code theta.1}, {@code L.2.1}); {@link
 * StanCsv#flatNames(String, int...)} makes them. Arrays are held as given, not copied.
 *
 * @param run the settings shared by the chains of the run
 * @param id the chain number, from 1
 * @param names the parameter columns, in order
 * @param draws {@code draws[d][p]}: draw {@code d} of parameter {@code p}
 * @param diagnostics {@code diagnostics[d][k]}: draw {@code d} of the diagnostic {@code
 *     StanCsv.DIAGNOSTICS.get(k)}
 * @param stepSize the step size after adaptation
 * @param inverseMetric the diagonal of the inverse mass matrix after adaptation, on the
 *     unconstrained space (its length may differ from the number of columns)
 * @param warmupSeconds the wall time of warm-up
 * @param samplingSeconds the wall time of sampling
 */
public record StanChain(
        StanRun run,
        int id,
        List<String> names,
        double[][] draws,
        double[][] diagnostics,
        double stepSize,
        double[] inverseMetric,
        double warmupSeconds,
        double samplingSeconds) {

    /**
     * Validates that the arrays agree with the names and with each other.
     *
     * @param run the settings shared by the chains of the run
     * @param id the chain number, from 1
     * @param names the parameter columns, in order
     * @param draws {@code draws[d][p]}: draw {@code d} of parameter {@code p}
     * @param diagnostics {@code diagnostics[d][k]}: draw {@code d} of the diagnostic {@code
     *     StanCsv.DIAGNOSTICS.get(k)}
     * @param stepSize the step size after adaptation
     * @param inverseMetric the diagonal of the inverse mass matrix after adaptation, on the
     *     unconstrained space (its length may differ from the number of columns)
     * @param warmupSeconds the wall time of warm-up
     * @param samplingSeconds the wall time of sampling
     * @throws IllegalArgumentException naming the first row whose length is wrong
     */
    public StanChain {
        Objects.requireNonNull(run, "run");
        names = List.copyOf(names);
        if (id < 1) {
            throw new IllegalArgumentException("Stan chain: ids start at 1, found " + id);
        }
        if (draws.length != diagnostics.length) {
            throw new IllegalArgumentException(
                    "Stan chain "
                            + id
                            + ": "
                            + draws.length
                            + " draws but "
                            + diagnostics.length
                            + " rows of diagnostics");
        }
        int k = StanCsv.DIAGNOSTICS.size();
        for (int d = 0; d < draws.length; d++) {
            if (draws[d].length != names.size() || diagnostics[d].length != k) {
                throw new IllegalArgumentException(
                        "Stan chain "
                                + id
                                + ", draw "
                                + d
                                + ": expected "
                                + names.size()
                                + " values and "
                                + k
                                + " diagnostics, found "
                                + draws[d].length
                                + " and "
                                + diagnostics[d].length);
            }
        }
        Objects.requireNonNull(inverseMetric, "inverseMetric");
    }
}
