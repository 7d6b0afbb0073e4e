package dev.credence.inference.hmc;

/**
 * How to run a Hamiltonian sampler. Defaults are Stan's.
 *
 * @param algorithm NUTS or static HMC
 * @param chains the number of chains
 * @param numWarmup warm-up iterations per chain (adaptation; not returned)
 * @param numSamples draws per chain after warm-up
 * @param maxTreeDepth NUTS tree depth limit (at most {@code 2^depth} leapfrog steps)
 * @param targetAccept target mean acceptance statistic for step-size adaptation ({@code
 *     adapt_delta})
 * @param denseMetric whether to adapt a dense rather than diagonal metric
 * @param integrationTime static HMC's trajectory length {@code L * eps}
 * @param initRadius initial values are uniform on {@code [-r, r]} in the unconstrained space
 * @param threads threads to run chains on (results do not depend on it)
 */
public record SamplerSettings(
        Algorithm algorithm,
        int chains,
        int numWarmup,
        int numSamples,
        int maxTreeDepth,
        double targetAccept,
        boolean denseMetric,
        double integrationTime,
        double initRadius,
        int threads) {

    /** The transition kernel. */
    public enum Algorithm {
        /** The No-U-Turn sampler. */
        NUTS,
        /** Static HMC with a fixed integration time. */
        HMC
    }

    /**
     * Validates the settings.
     *
     * @param algorithm NUTS or static HMC
     * @param chains the number of chains, at least 1
     * @param numWarmup warm-up iterations, at least 0
     * @param numSamples draws per chain, at least 1
     * @param maxTreeDepth tree depth limit, 1 to 30
     * @param targetAccept in (0, 1)
     * @param denseMetric dense metric
     * @param integrationTime positive
     * @param initRadius non-negative
     * @param threads at least 1
     */
    public SamplerSettings {
        require(chains >= 1, "chains must be >= 1, found " + chains);
        require(numWarmup >= 0, "warm-up iterations must be >= 0, found " + numWarmup);
        require(numSamples >= 1, "draws must be >= 1, found " + numSamples);
        require(
                maxTreeDepth >= 1 && maxTreeDepth <= 30,
                "max tree depth must be in 1..30, found " + maxTreeDepth);
        require(
                targetAccept > 0 && targetAccept < 1,
                "target acceptance must be in (0, 1), found " + targetAccept);
        require(integrationTime > 0, "integration time must be positive, found " + integrationTime);
        require(initRadius >= 0, "init radius must be >= 0, found " + initRadius);
        require(threads >= 1, "threads must be >= 1, found " + threads);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Stan's defaults: NUTS, 4 chains of 1000 warm-up and 1000 draws, depth 10, delta 0.8, diagonal
     * metric, init radius 2, one thread per available processor.
     *
     * @return the defaults
     */
    public static SamplerSettings defaults() {
        return new SamplerSettings(
                Algorithm.NUTS,
                4,
                1000,
                1000,
                10,
                0.8,
                false,
                2 * Math.PI,
                2,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Returns a copy with other chain counts and lengths.
     *
     * @param chains the number of chains
     * @param numWarmup warm-up iterations
     * @param numSamples draws per chain
     * @return the new settings
     */
    public SamplerSettings withIterations(int chains, int numWarmup, int numSamples) {
        return new SamplerSettings(
                algorithm,
                chains,
                numWarmup,
                numSamples,
                maxTreeDepth,
                targetAccept,
                denseMetric,
                integrationTime,
                initRadius,
                threads);
    }

    /**
     * Returns a copy with another target acceptance.
     *
     * @param delta the target in (0, 1)
     * @return the new settings
     */
    public SamplerSettings withTargetAccept(double delta) {
        return new SamplerSettings(
                algorithm,
                chains,
                numWarmup,
                numSamples,
                maxTreeDepth,
                delta,
                denseMetric,
                integrationTime,
                initRadius,
                threads);
    }

    /**
     * Returns a copy with another algorithm.
     *
     * @param a the algorithm
     * @return the new settings
     */
    public SamplerSettings withAlgorithm(Algorithm a) {
        return new SamplerSettings(
                a,
                chains,
                numWarmup,
                numSamples,
                maxTreeDepth,
                targetAccept,
                denseMetric,
                integrationTime,
                initRadius,
                threads);
    }

    /**
     * Returns a copy with a dense or diagonal metric.
     *
     * @param dense whether the metric is dense
     * @return the new settings
     */
    public SamplerSettings withDenseMetric(boolean dense) {
        return new SamplerSettings(
                algorithm,
                chains,
                numWarmup,
                numSamples,
                maxTreeDepth,
                targetAccept,
                dense,
                integrationTime,
                initRadius,
                threads);
    }

    /**
     * Returns a copy that runs on another number of threads.
     *
     * @param n the number of threads
     * @return the new settings
     */
    public SamplerSettings withThreads(int n) {
        return new SamplerSettings(
                algorithm,
                chains,
                numWarmup,
                numSamples,
                maxTreeDepth,
                targetAccept,
                denseMetric,
                integrationTime,
                initRadius,
                n);
    }
}
