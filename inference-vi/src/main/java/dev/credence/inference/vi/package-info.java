/**
 * Variational inference: fit a simple distribution {@code q} (the <em>guide</em>) to a model's
 * posterior by maximising the evidence lower bound
 *
 * <pre>
 * ELBO(q) = E_q[ log p(x, z) - log q(z) ] = log p(x) - KL(q(z) || p(z | x))  &lt;=  log p(x).
 * </pre>
 *
 * <h2>The pieces</h2>
 *
 * <ul>
 *   <li><b>Objectives</b> ({@link dev.credence.inference.vi.Elbo}): {@link
 *       dev.credence.inference.vi.TraceElbo} estimates the bound by Monte Carlo with
 *       reparameterised draws (Kingma and Welling, "Auto-encoding variational Bayes", ICLR 2014),
 *       adding a score-function term for guide sites that cannot be reparameterised (Ranganath,
 *       Gerrish and Blei, "Black box variational inference", AISTATS 2014); {@link
 *       dev.credence.inference.vi.TraceMeanFieldElbo} uses closed-form KL terms where the {@link
 *       dev.credence.api.dist.kl.KlRegistry} has a rule; {@link
 *       dev.credence.inference.vi.ImportanceWeightedElbo} is the tighter bound of Burda, Grosse and
 *       Salakhutdinov ("Importance weighted autoencoders", ICLR 2016), also an estimator of {@code
 *       log p(x)}.
 *   <li><b>Guides</b> are ordinary {@link dev.credence.api.model.Model}s whose learnable numbers
 *       are {@code param} sites. The automatic ones ({@link dev.credence.inference.vi.AutoGuide})
 *       are built from the model's latent sites on the unconstrained space, as ADVI does
 *       (Kucukelbir, Tran, Ranganath, Gelman and Blei, "Automatic differentiation variational
 *       inference", JMLR 18, 2017): mean-field {@link dev.credence.inference.vi.AutoNormal} and
 *       {@link dev.credence.inference.vi.AutoDiagonalNormal} (for network weights, Bayes by
 *       Backprop: Blundell, Cornebise, Kavukcuoglu and Wierstra, "Weight uncertainty in neural
 *       networks", ICML 2015), full-rank {@link dev.credence.inference.vi.AutoMultivariateNormal},
 *       {@link dev.credence.inference.vi.AutoLowRankMultivariateNormal}, MAP with {@link
 *       dev.credence.inference.vi.AutoDelta}, and {@link dev.credence.inference.vi.AutoLaplace}. An
 *       amortised guide (an encoder network mapping each data point to its posterior's parameters)
 *       is a user-written guide whose network weights are param sites, declared with {@link
 *       dev.credence.api.model.ModuleSites}.
 *   <li><b>Optimisation</b>: {@link dev.credence.inference.vi.Svi} (stochastic variational
 *       inference, Hoffman, Blei, Wang and Paisley, JMLR 14, 2013) steps an {@link
 *       dev.credence.api.optim.Optimizer} on the params' unconstrained values, with minibatches
 *       from subsampling plates, a NaN/Inf guard, checkpoints and bit-exact resumption. The fitted
 *       guide is a {@link dev.credence.api.infer.Posterior} ({@link
 *       dev.credence.inference.vi.GuidePosterior}).
 * </ul>
 *
 * <h2>Minibatches and the KL term</h2>
 *
 * A model that subsamples {@code B} of {@code N} data points in a plate has its likelihood scaled
 * by {@code N / B} by the model API, so each minibatch ELBO is an unbiased estimate of the full one
 * and the KL term keeps its full weight: users never weigh it by hand. Estimates report the two
 * parts separately ({@link dev.credence.inference.vi.ElboEstimate}).
 *
 * <h2>Which guide</h2>
 *
 * Mean-field guides are cheap and scale to network weights but understate posterior variance and
 * ignore correlations; the full-rank guide captures correlations at {@code O(D^2)} parameters; the
 * low-rank one sits between. MAP ({@code AutoDelta}) gives a point estimate; the Laplace
 * approximation adds a Gaussian from the curvature at the mode, computed by autodiff.
 *
 * <p>Through the inference registry the module is the {@code svi} algorithm ({@link
 * dev.credence.inference.vi.SviProvider}).
 */
package dev.credence.inference.vi;
