package dev.credence.spark.predict;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.Normal;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.Site;
import dev.credence.api.model.Trace;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import dev.credence.spark.ExecutorBackends;
import dev.credence.spark.HostValue;
import dev.credence.spark.Shard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The posterior predictive summary of a block of rows, as one process computes it: for each
 * posterior draw {@code theta_s}, run the model on the rows with its latent sites fixed at the draw
 * and read the predicted site's distribution {@code p(y | x, theta_s)}: its mean {@code m_s} and
 * variance {@code v_s}. By the law of total variance,
 *
 * <pre>
 * mean        = (1/S) sum_s m_s
 * epistemic   = (1/S) sum_s (m_s - mean)^2      (what more data would remove)
 * aleatoric   = (1/S) sum_s v_s                 (the noise the likelihood keeps)
 * sd          = sqrt(epistemic + aleatoric)
 * </pre>
 *
 * and the quantiles are those of the mixture {@code (1/S) sum_s p(y | x, theta_s)}, computed
 * exactly for a Normal likelihood ({@link NormalMixture}); other likelihoods get the moments only,
 * and asking them for quantiles is an error. Every number of a row depends on that row and the
 * draws only, not on the other rows of its batch, so any batching gives the same table.
 */
public final class BatchPredictor {
    private final PredictionSpec spec;
    private final Backend backend;
    private final List<Map<String, Tensor>> draws;

    /**
     * Prepares the draws on this JVM's backend.
     *
     * @param spec the prediction
     */
    public BatchPredictor(PredictionSpec spec) {
        this.spec = spec;
        this.backend = ExecutorBackends.get(spec.backend());
        Map<String, Tensor> all = HostValue.toTensors(backend, spec.draws());
        this.draws = new ArrayList<>();
        for (int s = 0; s < spec.drawCount(); s++) {
            Map<String, Tensor> d = new LinkedHashMap<>();
            for (var e : all.entrySet()) {
                d.put(e.getKey(), e.getValue().get(s));
            }
            draws.add(d);
        }
    }

    /**
     * Predicts a block of rows.
     *
     * @param rows the rows' features (targets, if any, are ignored)
     * @return {@code [rows][columns]} in the order of {@link PredictionSpec#columns()}
     */
    public double[][] predict(Shard rows) {
        int n = rows.rows();
        int s = draws.size();
        double[][] m = new double[s][];
        double[][] v = new double[s][];
        boolean normal = true;
        try (TensorScope scope = TensorScope.open();
                var off = Autodiff.noGrad()) {
            Shard x = new Shard(rows.partition(), n, rows.cols(), rows.features(), null);
            Model model = spec.model().model(x.toBatch(backend));
            for (int k = 0; k < s; k++) {
                Trace t =
                        Handlers.trace(
                                Handlers.seed(
                                        Handlers.substitute(model, draws.get(k)), RandomKey.of(k)));
                if (!t.contains(spec.site())) {
                    throw new IllegalArgumentException(
                            "prediction: the model has no site '"
                                    + spec.site()
                                    + "'; its sites: "
                                    + t.sites().stream().map(Site::name).toList());
                }
                Distribution d = t.get(spec.site()).distribution();
                normal &= d instanceof Normal;
                m[k] = flat(d.mean(), n, spec.site());
                v[k] = flat(d.variance(), n, spec.site());
            }
        }
        if (!normal && spec.quantiles().length > 0) {
            throw new IllegalArgumentException(
                    "prediction: quantiles are computed for a Normal likelihood; site '"
                            + spec.site()
                            + "' has another distribution: ask for the mean and sds only");
        }
        return summarise(m, v, n);
    }

    private double[][] summarise(double[][] m, double[][] v, int n) {
        int s = m.length;
        double[] q = spec.quantiles();
        double[][] out = new double[n][4 + q.length];
        double[] means = new double[s];
        double[] sds = new double[s];
        for (int i = 0; i < n; i++) {
            double mean = 0;
            double alea = 0;
            for (int k = 0; k < s; k++) {
                mean += m[k][i];
                alea += v[k][i];
            }
            mean /= s;
            alea /= s;
            double epi = 0;
            for (int k = 0; k < s; k++) {
                double dm = m[k][i] - mean;
                epi += dm * dm;
            }
            epi /= s;
            double[] row = out[i];
            row[0] = mean;
            row[1] = Math.sqrt(epi + alea);
            row[2] = Math.sqrt(epi);
            row[3] = Math.sqrt(alea);
            if (q.length > 0) {
                for (int k = 0; k < s; k++) {
                    means[k] = m[k][i];
                    sds[k] = Math.sqrt(v[k][i]);
                }
                for (int j = 0; j < q.length; j++) {
                    row[4 + j] = NormalMixture.quantile(q[j], means, sds);
                }
            }
        }
        return out;
    }

    private static double[] flat(Tensor t, int n, String site) {
        if (t.size() != n) {
            throw new IllegalArgumentException(
                    "prediction: site '"
                            + site
                            + "' should have one value per row ("
                            + n
                            + "), its distribution has shape "
                            + t.shape());
        }
        return t.toDoubleArray();
    }
}
