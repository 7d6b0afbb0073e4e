package dev.credence.spark.svi;

import java.io.Serializable;

/**
 * One partition's share of an ELBO estimate and of its loss gradient, in host memory, or the sum of
 * several partitions' shares: what {@code treeAggregate} adds up on the way to the driver. The
 * empty part (no partition yet) is the zero of the sum.
 *
 * @param partitions how many partitions the part sums
 * @param elbo the ELBO share
 * @param logLikelihood the log-likelihood share
 * @param kl the KL share
 * @param grads the loss-gradient share, one flat array per param; null in the empty part
 */
record GradientPart(int partitions, double elbo, double logLikelihood, double kl, double[][] grads)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The zero of the sum. */
    static final GradientPart EMPTY = new GradientPart(0, 0, 0, 0, null);

    /**
     * Adds two parts; the result is new when both have gradients, so neither argument changes.
     *
     * @param a a part
     * @param b another part
     * @return their sum
     */
    static GradientPart plus(GradientPart a, GradientPart b) {
        if (a.grads == null) {
            return b.partitions == 0 ? a : b;
        }
        if (b.grads == null) {
            return a;
        }
        if (a.grads.length != b.grads.length) {
            throw new IllegalStateException(
                    "gradient parts over " + a.grads.length + " and " + b.grads.length + " params");
        }
        double[][] g = new double[a.grads.length][];
        for (int i = 0; i < g.length; i++) {
            double[] x = a.grads[i];
            double[] y = b.grads[i];
            double[] s = new double[x.length];
            for (int j = 0; j < s.length; j++) {
                s[j] = x[j] + y[j];
            }
            g[i] = s;
        }
        return new GradientPart(
                a.partitions + b.partitions,
                a.elbo + b.elbo,
                a.logLikelihood + b.logLikelihood,
                a.kl + b.kl,
                g);
    }
}
