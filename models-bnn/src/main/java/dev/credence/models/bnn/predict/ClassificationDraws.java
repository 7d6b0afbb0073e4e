package dev.credence.models.bnn.predict;

/**
 * Class probabilities per draw and example; the posterior predictive is their average over draws.
 *
 * @param probs the probabilities {@code [S][N][K]}, each row summing to one
 */
public record ClassificationDraws(double[][][] probs) implements PredictiveDraws {

    /**
     * Validates the shapes.
     *
     * @param probs the probabilities {@code [S][N][K]}
     */
    public ClassificationDraws {
        if (probs.length == 0 || probs[0].length == 0) {
            throw new IllegalArgumentException(
                    "ClassificationDraws: needs at least one draw and one example");
        }
        int n = probs[0].length;
        int k = probs[0][0].length;
        for (double[][] d : probs) {
            if (d.length != n) {
                throw new IllegalArgumentException(
                        "ClassificationDraws: draws have different numbers of examples");
            }
            for (double[] row : d) {
                if (row.length != k) {
                    throw new IllegalArgumentException(
                            "ClassificationDraws: rows have different numbers of classes");
                }
            }
        }
    }

    @Override
    public int draws() {
        return probs.length;
    }

    @Override
    public int examples() {
        return probs[0].length;
    }

    /**
     * Returns the number of classes.
     *
     * @return K
     */
    public int classes() {
        return probs[0][0].length;
    }

    /**
     * Summarises the predictive per example.
     *
     * @return the predictive summary
     */
    public ClassificationPrediction summarise() {
        return ClassificationPrediction.of(this);
    }
}
