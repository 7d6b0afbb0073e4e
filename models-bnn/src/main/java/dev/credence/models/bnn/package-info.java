/**
 * Bayesian multilayer perceptrons as ordinary Credence models.
 *
 * <p>{@link dev.credence.models.bnn.BnnModel} puts a prior on every weight of an {@link
 * dev.credence.models.bnn.Architecture}, keeps the data in a (subsampling) plate and observes the
 * targets through a {@link dev.credence.models.bnn.Likelihood}: Gaussian with a learned
 * homoscedastic noise scale, Gaussian with an input-dependent scale, or categorical. The same model
 * object is fitted by NUTS over all weights or by SVI with any guide, through {@link
 * dev.credence.api.infer.Inferences}; {@link dev.credence.models.bnn.fit.BnnFitter} does this by
 * name, together with the point-estimate baselines.
 *
 * <p>Every fit predicts through {@link dev.credence.models.bnn.predict.Predictor}: {@link
 * dev.credence.models.bnn.PosteriorPredictor} for posteriors, {@link
 * dev.credence.models.bnn.WeightSamples} for explicit weight sets (saved fits, MAP, MC dropout,
 * ensembles). {@link dev.credence.models.bnn.Mlp} is the deterministic network they all share.
 *
 * <p>A typical regression, end to end:
 *
 * <pre>{@code
 * BnnModel model = BnnModel.of(Architecture.relu(13, 50), Likelihood.homoscedastic(1),
 *         WeightPrior.normal(1), x, y);
 * FittedBnn fit = new BnnFitter(Inferences.discover())
 *         .fit(model, FitOptions.of("svi", Map.of("epochs", "40")), RandomKey.of(1));
 * RegressionPrediction p =
 *         ((RegressionDraws) fit.predictor().predict(xTest, RandomKey.of(2), 500)).summarise();
 * double[] epistemic = p.epistemic();                 // Var over weight draws of the mean
 * RegressionMetrics m = RegressionMetrics.of(p.draws(), yTest);
 * }</pre>
 */
package dev.credence.models.bnn;
