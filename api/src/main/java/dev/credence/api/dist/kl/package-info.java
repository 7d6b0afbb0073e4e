/**
 * Kullback-Leibler divergences between distributions.
 *
 * <p>{@link dev.credence.api.dist.kl.KlRegistry} is an open table of closed-form rules keyed by a
 * pair of classes, resolved to the most specific applicable rule; a missing or ambiguous rule is an
 * error that names both classes, never a silent fallback. {@link
 * dev.credence.api.dist.kl.KlRegistry#monteCarlo} is the explicit fallback: the average of {@code
 * log p(x) - log q(x)} over draws from {@code p}, reparameterised when possible.
 *
 * <p>Built-in rules: Normal, LogNormal, HalfNormal, Laplace, Exponential, Gamma, Beta, Dirichlet,
 * Bernoulli, Categorical, Poisson and MultivariateNormal against their own family, and Independent
 * against Independent (the base divergence summed over the reinterpreted axes). The formulas are
 * standard; each rule's documentation states the one it computes. Variational inference uses these
 * for the analytic KL term of the ELBO.
 */
package dev.credence.api.dist.kl;
