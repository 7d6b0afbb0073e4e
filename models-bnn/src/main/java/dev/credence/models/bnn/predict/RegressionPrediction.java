package dev.credence.models.bnn.predict;

/**
 * Per-example summaries of a regression posterior predictive, the mixture of the draws' Gaussians:
 *
 * <pre>
 * mean        = E_s[m_s]
 * aleatoric   = E_s[sd_s^2]        noise the model expects even with the weights known
 * epistemic   = Var_s[m_s]         disagreement between draws: uncertainty about the weights
 * total       = aleatoric + epistemic   (law of total variance)
 * </pre>
 *
 * @param draws the draws summarised
 * @param mean the predictive means {@code [N]}
 * @param aleatoric the expected noise variances {@code [N]}
 * @param epistemic the variances of the draws' means {@code [N]}
 */
public record RegressionPrediction(
        RegressionDraws draws, double[] mean, double[] aleatoric, double[] epistemic) {

    /**
     * Summarises draws.
     *
     * @param d the draws
     * @return the summary
     */
    public static RegressionPrediction of(RegressionDraws d) {
        int s = d.draws();
        int n = d.examples();
        double[] mean = new double[n];
        double[] alea = new double[n];
        double[] epi = new double[n];
        for (int i = 0; i < n; i++) {
            double m = 0;
            double a = 0;
            for (int k = 0; k < s; k++) {
                m += d.mean()[k][i];
                a += d.sd()[k][i] * d.sd()[k][i];
            }
            m /= s;
            double v = 0;
            for (int k = 0; k < s; k++) {
                double e = d.mean()[k][i] - m;
                v += e * e;
            }
            mean[i] = m;
            alea[i] = a / s;
            epi[i] = v / s;
        }
        return new RegressionPrediction(d, mean, alea, epi);
    }

    /**
     * The total predictive variances.
     *
     * @return {@code aleatoric + epistemic}, per example
     */
    public double[] total() {
        double[] t = new double[mean.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = aleatoric[i] + epistemic[i];
        }
        return t;
    }

    /**
     * The predictive standard deviations.
     *
     * @return {@code sqrt(total)}, per example
     */
    public double[] sd() {
        double[] t = total();
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.sqrt(t[i]);
        }
        return t;
    }

    /**
     * The epistemic standard deviations.
     *
     * @return {@code sqrt(epistemic)}, per example
     */
    public double[] epistemicSd() {
        double[] t = new double[epistemic.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.sqrt(epistemic[i]);
        }
        return t;
    }

    /**
     * Central credible intervals of the predictive mixture.
     *
     * @param level the probability inside, in (0, 1), such as 0.95
     * @return {@code [2][N]}: lower bounds, then upper bounds
     */
    public double[][] interval(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("interval: level must be in (0, 1), found " + level);
        }
        int n = mean.length;
        double[][] out = new double[2][n];
        double[] m = new double[draws.draws()];
        double[] sd = new double[draws.draws()];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m.length; k++) {
                m[k] = draws.mean()[k][i];
                sd[k] = draws.sd()[k][i];
            }
            out[0][i] = GaussianMixture.quantile((1 - level) / 2, m, sd);
            out[1][i] = GaussianMixture.quantile((1 + level) / 2, m, sd);
        }
        return out;
    }

    /**
     * The log predictive density of observed targets, per example.
     *
     * @param y the targets {@code [N]}
     * @return {@code log (1/S) sum_s N(y_i | m_si, sd_si^2)}
     */
    public double[] logDensity(double[] y) {
        if (y.length != mean.length) {
            throw new IllegalArgumentException(
                    "logDensity: " + y.length + " targets for " + mean.length + " predictions");
        }
        double[] out = new double[y.length];
        double[] m = new double[draws.draws()];
        double[] sd = new double[draws.draws()];
        for (int i = 0; i < y.length; i++) {
            for (int k = 0; k < m.length; k++) {
                m[k] = draws.mean()[k][i];
                sd[k] = draws.sd()[k][i];
            }
            out[i] = GaussianMixture.logDensity(y[i], m, sd);
        }
        return out;
    }
}
