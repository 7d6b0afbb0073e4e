package dev.credence.models.bnn.predict;

/**
 * One predictive distribution per posterior draw, for every example: the raw material of all
 * predictive summaries and metrics. Values are host arrays indexed {@code [draw][example]}.
 */
public sealed interface PredictiveDraws permits RegressionDraws, ClassificationDraws {
    /**
     * Returns the number of draws.
     *
     * @return S
     */
    int draws();

    /**
     * Returns the number of examples.
     *
     * @return N
     */
    int examples();
}
