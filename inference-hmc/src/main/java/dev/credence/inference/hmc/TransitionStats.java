package dev.credence.inference.hmc;

/**
 * What one Hamiltonian transition reports, as Stan's sampler diagnostics name them.
 *
 * @param acceptStat mean Metropolis acceptance over the trajectory ({@code accept_stat__})
 * @param stepSize the step size used ({@code stepsize__})
 * @param treeDepth the NUTS tree depth reached ({@code treedepth__}; 0 for static HMC)
 * @param leapfrogSteps the number of leapfrog steps ({@code n_leapfrog__})
 * @param divergent whether the trajectory diverged ({@code divergent__})
 * @param energy the Hamiltonian at the selected point ({@code energy__})
 * @param logDensity the log density at the selected point ({@code lp__})
 */
public record TransitionStats(
        double acceptStat,
        double stepSize,
        int treeDepth,
        int leapfrogSteps,
        boolean divergent,
        double energy,
        double logDensity) {}
