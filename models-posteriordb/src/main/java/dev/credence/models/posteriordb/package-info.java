/**
 * The posteriordb panel: twelve real posteriors written as Credence models, each class beside the
 * Stan program it translates, and the tools to check a fit against posteriordb's reference.
 *
 * <h2>Reading a model</h2>
 *
 * Each class quotes its Stan program and follows it statement by statement: a parameter becomes a
 * {@code ctx.sample} site with the same name and support ({@link
 * dev.credence.api.dist.ImproperUniform} where Stan has no prior statement, so the flat prior is
 * explicit), {@code y ~ dist(...)} on data becomes {@code ctx.observe}, and {@code target += ...}
 * or a statement on a transformed quantity becomes {@code ctx.factor}. Transformed data is computed
 * once in the constructor; transformed parameters that posteriordb reports are deterministic sites.
 * Site names follow Stan's, so summaries carry Stan's parameter names ({@code beta[2]}).
 *
 * <h2>Checking a fit</h2>
 *
 * {@link dev.credence.models.posteriordb.Panel} maps posteriordb names to models and reads a
 * posterior's {@code data.json} ({@link dev.credence.models.posteriordb.PosteriorData}) and {@code
 * reference_summary.csv} ({@link dev.credence.models.posteriordb.ReferenceSummary}); {@link
 * dev.credence.models.posteriordb.Agreement} applies the panel's rule to a fit's draws.
 *
 * <h2>Beyond the panel</h2>
 *
 * {@link dev.credence.models.posteriordb.Garch11} and {@link
 * dev.credence.models.posteriordb.CorrelatedRegression} write posteriordb's {@code garch-garch11}
 * and {@code diamonds-diamonds} programs on simulated data (fixed keys), for speed measurements.
 */
package dev.credence.models.posteriordb;
