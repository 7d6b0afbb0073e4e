package dev.credence.models.bnn.predict;

import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * A fitted network that predicts: the common face of Bayesian posteriors (NUTS draws, variational
 * guides) and of the baselines (a MAP network is one draw, MC dropout draws dropout masks, a deep
 * ensemble's members are its draws).
 */
public interface Predictor {
    /**
     * Draws predictive distributions at new inputs.
     *
     * @param x the inputs {@code [N, features]}, in the units the network was trained on
     * @param key the random key
     * @param draws the number of draws S (a predictor with a fixed number of members, such as an
     *     ensemble or a MAP network, may return that number instead)
     * @return one predictive distribution per draw and example
     */
    PredictiveDraws predict(Tensor x, RandomKey key, int draws);

    /**
     * A one-line description of how the predictor was obtained.
     *
     * @return the description
     */
    String describe();
}
