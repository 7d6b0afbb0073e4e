/**
 * Probability distributions: batch and event shapes, sampling, log-densities, moments.
 *
 * <p>Every family extends {@link dev.credence.api.dist.Distribution}. Parameters are tensors
 * (FLOAT32 or FLOAT64, any backend) that broadcast to the batch shape; {@code of(...)} factories
 * build FLOAT64 scalars from doubles. The families:
 *
 * <ul>
 *   <li>continuous, reparameterised ({@code rsample}): {@link dev.credence.api.dist.Normal}, {@link
 *       dev.credence.api.dist.LogNormal}, {@link dev.credence.api.dist.HalfNormal}, {@link
 *       dev.credence.api.dist.Cauchy}, {@link dev.credence.api.dist.HalfCauchy}, {@link
 *       dev.credence.api.dist.Laplace}, {@link dev.credence.api.dist.Exponential}, {@link
 *       dev.credence.api.dist.Uniform}, {@link dev.credence.api.dist.ContinuousBernoulli}, {@link
 *       dev.credence.api.dist.MultivariateNormal}, {@link dev.credence.api.dist.Delta};
 *   <li>continuous, implicitly reparameterised ({@code rsample} through the CDF, Figurnov et al.
 *       2018): {@link dev.credence.api.dist.Gamma}, {@link dev.credence.api.dist.InverseGamma},
 *       {@link dev.credence.api.dist.Beta}, {@link dev.credence.api.dist.Dirichlet};
 *   <li>continuous, sampled without gradients: {@link dev.credence.api.dist.StudentT}, {@link
 *       dev.credence.api.dist.LKJCholesky}, {@link dev.credence.api.dist.ScaleMixtureNormal};
 *   <li>discrete: {@link dev.credence.api.dist.Bernoulli}, {@link
 *       dev.credence.api.dist.Categorical}, {@link dev.credence.api.dist.Binomial}, {@link
 *       dev.credence.api.dist.Poisson};
 *   <li>combinators: {@link dev.credence.api.dist.Independent} (batch axes become event axes) and
 *       {@link dev.credence.api.dist.TransformedDistribution} (a base pushed through bijectors,
 *       with the change-of-variables correction).
 * </ul>
 *
 * <p>Gamma variates follow Marsaglia and Tsang (2000); beta and Dirichlet variates are normalised
 * gammas; Poisson and binomial variates are exact (Knuth, TAOCP vol. 2, 3.4.1); LKJ Cholesky
 * factors use the onion method of Lewandowski, Kurowicka and Joe (2009, section 3.2). Gamma, beta
 * and Dirichlet draws get their gradients by implicit reparameterisation: the derivative of a draw
 * with respect to a shape is that of the CDF's inverse at a fixed uniform, computed by
 * differentiating the incomplete-gamma series and continued fraction in forward mode (Figurnov,
 * Mohamed and Mnih, "Implicit reparameterization gradients", NeurIPS 2018).
 *
 * <p>Arguments are validated in the base class (see {@link dev.credence.api.dist.Validation}).
 * Analytic KL divergences live in {@link dev.credence.api.dist.kl.KlRegistry}.
 */
package dev.credence.api.dist;
