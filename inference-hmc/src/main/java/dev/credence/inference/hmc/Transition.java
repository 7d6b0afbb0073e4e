package dev.credence.inference.hmc;

import java.util.SplittableRandom;

/**
 * One Markov transition of a Hamiltonian sampler: from the current point (position, log density and
 * gradient), draw momenta, integrate, and select the next point.
 */
interface Transition {
    /**
     * Moves {@code z} to the next state of the chain.
     *
     * @param z the current point; on return, the selected point
     * @param eps the step size
     * @param metric the metric
     * @param f the log density
     * @param rng the chain's generator
     * @return the transition's statistics
     */
    TransitionStats next(
            PhasePoint z, double eps, Metric metric, LogDensity f, SplittableRandom rng);
}
