/**
 * Stochastic-gradient MCMC: samplers that follow noisy minibatch gradients of a model's log
 * density, for posteriors over data sets too large for a full-data gradient at every step (Bayesian
 * neural networks).
 *
 * <p>Three algorithms, each an {@link dev.credence.api.infer.InferenceProvider}:
 *
 * <ul>
 *   <li>{@code sgld} ({@link dev.credence.inference.sgmcmc.SgldProvider}): stochastic gradient
 *       Langevin dynamics, Welling and Teh (ICML 2011);
 *   <li>{@code sghmc} ({@link dev.credence.inference.sgmcmc.SghmcProvider}): stochastic gradient
 *       Hamiltonian Monte Carlo with friction, Chen, Fox and Guestrin (ICML 2014);
 *   <li>{@code csgmcmc} ({@link dev.credence.inference.sgmcmc.CsgmcmcProvider}): cyclical SG-MCMC,
 *       Zhang, Li, Zhang, Chen and Wilson (ICLR 2020).
 * </ul>
 *
 * <p><b>Minibatches come from the model.</b> A plate with subsampling ({@code ctx.plate("data", N,
 * B)}) draws a fresh minibatch at every evaluation and scales its log-likelihood by {@code N / B},
 * so {@link dev.credence.inference.sgmcmc.MinibatchPotential} yields unbiased estimates of the
 * gradient of the full log density on the unconstrained space. A model without subsampling gets
 * exact gradients.
 *
 * <p><b>The pieces</b>, each a small state transition: {@link
 * dev.credence.inference.sgmcmc.Dynamics} (the update rule), {@link
 * dev.credence.inference.sgmcmc.StepSchedule} (step sizes, noise on or off, kept draws), {@link
 * dev.credence.inference.sgmcmc.SgmcmcSettings} (the run), and {@link
 * dev.credence.inference.sgmcmc.Sgmcmc#fit} (chains on threads, draws mapped back to the
 * constrained sites). The result is a {@link dev.credence.api.infer.DrawsPosterior} like NUTS's, so
 * predictive distributions, summaries and Stan CSV work unchanged.
 *
 * <p>Neither SGLD nor SGHMC corrects its discretisation with a Metropolis step: with a constant
 * step the chains sample a slightly wider distribution than the posterior (by a relative amount of
 * the order of the step times the curvature, plus the gradient noise the friction does not absorb);
 * decreasing steps remove the bias at the price of slower mixing. The tests measure this bias on a
 * conjugate linear regression, where it is known exactly.
 */
package dev.credence.inference.sgmcmc;
