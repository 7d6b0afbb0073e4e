/**
 * Gaussian posteriors in weight space that generate their own draws: the flat {@link
 * dev.credence.models.bnn.posterior.WeightLayout} of a network's named weights, the {@link
 * dev.credence.models.bnn.posterior.WeightPosterior} base class that turns flat draws into the
 * {@link dev.credence.api.infer.Posterior} every other fit returns (so a {@code PosteriorPredictor}
 * predicts with it unchanged), and equal mixtures of such posteriors ({@link
 * dev.credence.models.bnn.posterior.MixturePosterior}, MultiSWAG's form).
 */
package dev.credence.models.bnn.posterior;
