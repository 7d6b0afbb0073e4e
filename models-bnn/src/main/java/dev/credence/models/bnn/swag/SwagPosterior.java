package dev.credence.models.bnn.swag;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.models.bnn.posterior.WeightLayout;
import dev.credence.models.bnn.posterior.WeightPosterior;

/**
 * The SWAG posterior: a Gaussian with the iterates' mean and a covariance that is half diagonal,
 * half low rank (Maddox et al. 2019, equation 3 and the sampling rule of section 4.2):
 *
 * <pre>
 * Sigma = (1/2) diag(theta2_bar - theta_bar^2) + (1/2) D D^T / (K - 1)
 * theta = theta_bar + (1/sqrt 2) diag^(1/2) z1 + (1/sqrt(2 (K - 1))) D z2,   z1 ~ N(0, I_P), z2 ~ N(0, I_K)
 * </pre>
 *
 * where the columns of {@code D} are the last K deviations, and {@code Sigma} times a scale when
 * one is given ({@link SwagSettings#scale}). With a single deviation the low-rank part is left out.
 * {@link #covariance} gives the matrix itself for small P (tests).
 */
public final class SwagPosterior extends WeightPosterior {
    private final SwagMoments moments;
    private final double[] sd;
    private final double scale;

    /**
     * Wraps collected moments.
     *
     * @param moments the moments of at least one iterate
     * @param layout the weights' layout, of the moments' size
     * @param backend the backend of the draws
     * @param dtype the dtype of the draws
     * @param noise the homoscedastic noise scale, or NaN if the likelihood has none
     * @param scale the factor on the covariance, positive (1: the paper's)
     */
    public SwagPosterior(
            SwagMoments moments,
            WeightLayout layout,
            Backend backend,
            DType dtype,
            double noise,
            double scale) {
        super(layout, backend, dtype, noise);
        if (moments.count() < 1 || moments.mean().length != layout.size()) {
            throw new IllegalArgumentException(
                    "SWAG: needs the moments of at least one iterate of "
                            + layout.size()
                            + " weights, found "
                            + moments);
        }
        if (!(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "SWAG: the covariance scale must be positive and finite, found " + scale);
        }
        this.moments = moments;
        this.scale = scale;
        double[] var = moments.diagonal();
        this.sd = new double[var.length];
        for (int i = 0; i < var.length; i++) {
            sd[i] = Math.sqrt(var[i]);
        }
    }

    /** {@return the moments} */
    public SwagMoments moments() {
        return moments;
    }

    @Override
    protected double[][] sampleFlat(RandomKey key, int n) {
        double[] mean = moments.mean();
        double[][] dev = moments.deviations();
        int k = dev.length;
        double lowRank = k > 1 ? Math.sqrt(scale / (2.0 * (k - 1))) : 0;
        double half = Math.sqrt(scale / 2);
        double[][] out = new double[n][];
        for (int s = 0; s < n; s++) {
            RandomKey ks = key.fold(s);
            double[] z1 = ks.fold(0).normalDoubles(mean.length);
            double[] z2 = ks.fold(1).normalDoubles(k);
            double[] theta = new double[mean.length];
            for (int i = 0; i < theta.length; i++) {
                theta[i] = mean[i] + half * sd[i] * z1[i];
            }
            if (lowRank > 0) {
                for (int j = 0; j < k; j++) {
                    double c = lowRank * z2[j];
                    double[] d = dev[j];
                    for (int i = 0; i < theta.length; i++) {
                        theta[i] += c * d[i];
                    }
                }
            }
            out[s] = theta;
        }
        return out;
    }

    /**
     * The SWAG covariance as a dense matrix; for small numbers of weights only.
     *
     * @return {@code [P][P]}
     */
    public double[][] covariance() {
        int p = moments.mean().length;
        double[][] dev = moments.deviations();
        int k = dev.length;
        double[][] c = new double[p][p];
        for (int i = 0; i < p; i++) {
            c[i][i] = 0.5 * scale * sd[i] * sd[i];
        }
        if (k > 1) {
            double w = 0.5 * scale / (k - 1);
            for (double[] d : dev) {
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < p; j++) {
                        c[i][j] += w * d[i] * d[j];
                    }
                }
            }
        }
        return c;
    }
}
