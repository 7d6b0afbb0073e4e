package dev.credence.models.vae;

/**
 * The ELBO of each example, in its two parts: {@code ELBO_n = logLikelihood_n - kl_n}, with {@code
 * logLikelihood_n = log p(x_n | z_n)} at one draw {@code z_n ~ q(z | x_n)} and {@code kl_n = KL(q(z
 * | x_n) || p(z))} in closed form.
 *
 * @param logLikelihood the reconstruction term of each example (nats)
 * @param kl the KL term of each example (nats)
 */
public record ExampleElbo(double[] logLikelihood, double[] kl) {

    /**
     * Checks the lengths.
     *
     * @param logLikelihood the reconstruction terms
     * @param kl the KL terms
     */
    public ExampleElbo {
        if (logLikelihood.length != kl.length) {
            throw new IllegalArgumentException(
                    "ExampleElbo: "
                            + logLikelihood.length
                            + " likelihood terms, "
                            + kl.length
                            + " KL terms");
        }
    }

    /**
     * Returns the number of examples.
     *
     * @return N
     */
    public int size() {
        return kl.length;
    }

    /**
     * Returns the mean negative ELBO per example: the test loss of PyTorch's example.
     *
     * @return {@code (1/N) sum_n (kl_n - logLikelihood_n)}
     */
    public double meanLoss() {
        return meanKl() - meanLogLikelihood();
    }

    /**
     * Returns the mean reconstruction term.
     *
     * @return {@code (1/N) sum_n logLikelihood_n}
     */
    public double meanLogLikelihood() {
        return mean(logLikelihood);
    }

    /**
     * Returns the mean KL term.
     *
     * @return {@code (1/N) sum_n kl_n}
     */
    public double meanKl() {
        return mean(kl);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}
