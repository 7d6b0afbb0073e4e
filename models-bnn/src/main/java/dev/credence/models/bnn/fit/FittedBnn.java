package dev.credence.models.bnn.fit;

import dev.credence.api.infer.Posterior;
import dev.credence.models.bnn.BnnModel;
import dev.credence.models.bnn.predict.Predictor;

/**
 * A fitted network: how it predicts, how it was fitted and how long that took.
 *
 * @param model the model it was fitted to
 * @param predictor the predictor
 * @param options the method and options used
 * @param posterior the posterior for the Bayesian methods ({@code nuts}, {@code svi}), else null
 * @param seconds the wall-clock time of the fit
 */
public record FittedBnn(
        BnnModel model,
        Predictor predictor,
        FitOptions options,
        Posterior posterior,
        double seconds) {}
