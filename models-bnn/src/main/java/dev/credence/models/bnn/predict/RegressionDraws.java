package dev.credence.models.bnn.predict;

/**
 * Gaussian predictive distributions {@code N(mean[s][i], sd[s][i]^2)}, one per draw {@code s} and
 * example {@code i}; the posterior predictive of example {@code i} is their equal mixture over
 * {@code s}.
 *
 * @param mean the means {@code [S][N]}
 * @param sd the standard deviations {@code [S][N]}, positive
 */
public record RegressionDraws(double[][] mean, double[][] sd) implements PredictiveDraws {

    /**
     * Validates the shapes.
     *
     * @param mean the means {@code [S][N]}
     * @param sd the standard deviations {@code [S][N]}
     */
    public RegressionDraws {
        if (mean.length == 0 || mean.length != sd.length) {
            throw new IllegalArgumentException(
                    "RegressionDraws: needs S >= 1 draws of means and sds, found "
                            + mean.length
                            + " and "
                            + sd.length);
        }
        for (int s = 0; s < mean.length; s++) {
            if (mean[s].length != mean[0].length || sd[s].length != mean[0].length) {
                throw new IllegalArgumentException(
                        "RegressionDraws: draw " + s + " has a different number of examples");
            }
        }
    }

    @Override
    public int draws() {
        return mean.length;
    }

    @Override
    public int examples() {
        return mean[0].length;
    }

    /**
     * The draws in other units: {@code y' = offset + factor * y}.
     *
     * @param offset the shift (the training mean when undoing standardisation)
     * @param factor the scale, positive (the training standard deviation)
     * @return the transformed draws
     */
    public RegressionDraws affine(double offset, double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("affine: factor must be positive, found " + factor);
        }
        double[][] m = new double[mean.length][];
        double[][] v = new double[sd.length][];
        for (int s = 0; s < mean.length; s++) {
            m[s] = new double[mean[s].length];
            v[s] = new double[sd[s].length];
            for (int i = 0; i < m[s].length; i++) {
                m[s][i] = offset + factor * mean[s][i];
                v[s][i] = factor * sd[s][i];
            }
        }
        return new RegressionDraws(m, v);
    }

    /**
     * Summarises the mixture per example.
     *
     * @return the predictive summary
     */
    public RegressionPrediction summarise() {
        return RegressionPrediction.of(this);
    }
}
