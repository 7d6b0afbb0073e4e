package dev.credence.inference.hmc;

/**
 * The output of one chain: unconstrained draws and per-draw statistics after warm-up.
 *
 * @param draws {@code draws[draw][coordinate]} on the unconstrained space
 * @param stats one record per draw
 * @param stepSize the step size used after warm-up
 * @param metric the adapted metric
 */
public record ChainResult(
        double[][] draws, TransitionStats[] stats, double stepSize, Metric metric) {}
