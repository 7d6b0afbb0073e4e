/**
 * Hamiltonian Monte Carlo: the No-U-Turn sampler and static HMC, with Stan's warm-up (step-size
 * search, dual averaging, windowed diagonal or dense metric adaptation) and multi-chain runs on
 * threads.
 *
 * <p>The pieces are small state transitions, each tested on its own: {@link
 * dev.credence.inference.hmc.Leapfrog} (one integration step), {@link
 * dev.credence.inference.hmc.DualAveraging} (a record and its update), {@code Welford} (streaming
 * covariance), {@code WarmupSchedule} (Stan's windows), {@code NutsTransition} and {@code
 * StaticHmcTransition} (one Markov transition each), {@code Chain} (one chain) and {@link
 * dev.credence.inference.hmc.Sampler} (many). The samplers see the model only as a {@link
 * dev.credence.inference.hmc.LogDensity} on the unconstrained space.
 */
package dev.credence.inference.hmc;
