package dev.credence.models.bnn.laplace;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.Network;
import dev.credence.models.bnn.WeightSamples;
import dev.credence.models.bnn.predict.ClassificationDraws;
import dev.credence.models.bnn.predict.PredictiveDraws;
import dev.credence.models.bnn.predict.Predictor;
import dev.credence.models.bnn.predict.RegressionDraws;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Predictions of a {@link LaplacePosterior}, in one of three ways (Laplace Redux, section 2.3):
 *
 * <ul>
 *   <li>{@link Mode#PROBIT}: the linearised (GLM) predictive in closed form: the logits are
 *       Gaussian, {@code f ~ N(f*, J Sigma J^T)}, and the softmax of a Gaussian is approximated by
 *       the probit rule {@code softmax(f* / sqrt(1 + (pi / 8) diag(J Sigma J^T)))} (MacKay 1992;
 *       Gibbs 1997). One draw per example. For the last layer {@code J} comes from the features;
 *       for approximations over more layers from {@link LinearisedOutputs} (one backward pass per
 *       class). Laplace Redux and Immer et al. (2021) recommend it over weight sampling.
 *   <li>{@link Mode#MC}: the same Gaussian logits sampled, the softmax averaged over the draws (for
 *       regression, Gaussian draws of the mean with the noise scale added).
 *   <li>{@link Mode#SAMPLE}: weights drawn from the posterior and the network run on each draw ("NN
 *       sampling"). Far from a mode, or with a small prior precision, the drawn networks can leave
 *       the region where the Gaussian describes the posterior and predict much worse than the
 *       linearised model (Immer et al. 2021, section 3).
 * </ul>
 */
public final class LaplacePredictor implements Predictor {
    /** How predictions are made. */
    public enum Mode {
        /** Closed-form probit approximation of the last layer's linearised predictive. */
        PROBIT,
        /** Monte Carlo over the last layer's linearised (Gaussian) outputs. */
        MC,
        /** Monte Carlo over weights drawn from the posterior. */
        SAMPLE;

        /**
         * Parses {@code probit}, {@code mc} or {@code sample}.
         *
         * @param s the name
         * @return the mode
         */
        public static Mode parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "probit" -> PROBIT;
                case "mc", "glm" -> MC;
                case "sample", "nn" -> SAMPLE;
                default ->
                        throw new IllegalArgumentException(
                                "unknown Laplace predictive '"
                                        + s
                                        + "'; known: probit, mc, sample");
            };
        }
    }

    private static final int CHUNK = 512;
    private static final long JACOBIAN_ENTRIES = 2_000_000;

    private final LaplacePosterior posterior;
    private final Network net;
    private final Likelihood likelihood;
    private final Mode mode;
    private final Map<String, Tensor> map;

    /**
     * Wraps a posterior.
     *
     * @param posterior the Laplace approximation
     * @param net the network
     * @param likelihood the likelihood
     * @param mode how to predict
     */
    public LaplacePredictor(
            LaplacePosterior posterior, Network net, Likelihood likelihood, Mode mode) {
        if (mode == Mode.PROBIT && likelihood.isRegression()) {
            throw new IllegalArgumentException(
                    "Laplace: the probit predictive is for classification; use mc for regression");
        }
        this.posterior = posterior;
        this.net = net;
        this.likelihood = likelihood;
        this.mode = mode;
        this.map =
                posterior
                        .layout()
                        .unflatten(posterior.mode(), posterior.backend(), posterior.dtype());
    }

    @Override
    public PredictiveDraws predict(Tensor x, RandomKey key, int draws) {
        if (mode == Mode.SAMPLE) {
            return samples(key, draws).predict(x, key.fold(1), draws);
        }
        List<double[][][]> probs = new ArrayList<>();
        List<double[][]> means = new ArrayList<>();
        int s = mode == Mode.PROBIT ? 1 : Math.max(1, draws);
        int chunk = chunk();
        for (int at = 0; at < x.dim(0); at += chunk) {
            Tensor xc = x.narrow(0, at, Math.min(x.dim(0), at + chunk));
            Tensor[] fc = meanAndCovariance(xc);
            Tensor f = fc[0];
            Tensor cov = fc[1];
            try (var off = Autodiff.noGrad()) {
                if (mode == Mode.PROBIT) {
                    Tensor var = LinearAlgebra.diagonal(cov);
                    Tensor scaled = f.div(var.mul(Math.PI / 8).add(1).sqrt());
                    probs.add(new double[][][] {table(Reductions.softmax(scaled, 1))});
                } else {
                    Tensor fs = sampleLogits(f, cov, key.fold(at), s);
                    if (likelihood.isRegression()) {
                        means.add(table(fs.reshape(s, -1)));
                    } else {
                        double[][][] p = new double[s][][];
                        for (int k = 0; k < s; k++) {
                            p[k] = table(Reductions.softmax(fs.get(k), 1));
                        }
                        probs.add(p);
                    }
                }
            }
        }
        return likelihood.isRegression() ? regression(means, s) : classification(probs);
    }

    /**
     * The linearised outputs' mean {@code [N, K]} and covariance {@code [N, K, K]}: for the last
     * layer from its features, in closed form; otherwise with the Jacobians of {@link
     * LinearisedOutputs}.
     */
    private Tensor[] meanAndCovariance(Tensor xc) {
        if (posterior.settings().subset() != LaplaceSettings.Subset.LAST_LAYER) {
            return LinearisedOutputs.meanAndCovariance(posterior, net, map, xc);
        }
        try (var off = Autodiff.noGrad()) {
            Tensor phi = net.features(map, xc).cast(DType.FLOAT64);
            Tensor rows =
                    Indexing.concat(
                            List.of(phi, Tensor.ones(phi.backend(), DType.FLOAT64, phi.dim(0), 1)),
                            1);
            Tensor f = net.forward(map, xc, 0, null).cast(DType.FLOAT64);
            Tensor cov =
                    posterior
                            .curvatures()
                            .get(0)
                            .outputCovariance(rows, posterior.priorPrecision(0));
            return new Tensor[] {f, cov};
        }
    }

    /**
     * Examples per batch: the last layer's closed form and K-FAC's factored covariances are cheap
     * per example; diagonal and dense curvatures over many layers form each example's whole
     * Jacobian ({@code K x P}), so their batches hold about {@value #JACOBIAN_ENTRIES} entries.
     */
    private int chunk() {
        LaplaceSettings st = posterior.settings();
        if (st.subset() == LaplaceSettings.Subset.LAST_LAYER) {
            return CHUNK;
        }
        if (st.structure() == LaplaceSettings.Structure.KFAC) {
            return CHUNK / 4;
        }
        long p = 0;
        for (LayerBlock b : posterior.blocks()) {
            p += b.size();
        }
        return (int) Math.max(1, Math.min(CHUNK, JACOBIAN_ENTRIES / (p * net.outputs())));
    }

    /** {@code s} draws {@code f* + L z} with {@code L L^T = cov}, as {@code [s, N, K]}. */
    private static Tensor sampleLogits(Tensor f, Tensor cov, RandomKey key, int s) {
        int n = f.dim(0);
        int k = f.dim(1);
        Tensor jitter = LinearAlgebra.eye(f.backend(), k, DType.FLOAT64).mul(1e-12);
        Tensor l = LinearAlgebra.cholesky(cov.add(jitter));
        Tensor z = key.normal(f.backend(), DType.FLOAT64, s, n, k, 1);
        return l.matmul(z).reshape(s, n, k).add(f);
    }

    private ClassificationDraws classification(List<double[][][]> chunks) {
        int s = chunks.get(0).length;
        double[][][] out = new double[s][][];
        for (int k = 0; k < s; k++) {
            List<double[]> rows = new ArrayList<>();
            for (double[][][] c : chunks) {
                rows.addAll(List.of(c[k]));
            }
            out[k] = rows.toArray(new double[0][]);
        }
        return new ClassificationDraws(out);
    }

    private RegressionDraws regression(List<double[][]> chunks, int s) {
        double[][] mean = new double[s][];
        double[][] sd = new double[s][];
        for (int k = 0; k < s; k++) {
            int n = 0;
            for (double[][] c : chunks) {
                n += c[k].length;
            }
            mean[k] = new double[n];
            sd[k] = new double[n];
            int at = 0;
            for (double[][] c : chunks) {
                System.arraycopy(c[k], 0, mean[k], at, c[k].length);
                at += c[k].length;
            }
            java.util.Arrays.fill(sd[k], posterior.noise());
        }
        return new RegressionDraws(mean, sd);
    }

    private static double[][] table(Tensor t) {
        int n = t.dim(0);
        int k = t.dim(1);
        double[] v = t.toDoubleArray();
        double[][] out = new double[n][k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(v, i * k, out[i], 0, k);
        }
        return out;
    }

    /**
     * Weight sets drawn from the posterior.
     *
     * @param key the random key
     * @param n the number of sets
     * @return the sets as a predictor
     */
    public WeightSamples samples(RandomKey key, int n) {
        Map<String, Tensor> draws = posterior.sample(key, n);
        List<Map<String, Tensor>> sets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Tensor> w = new java.util.LinkedHashMap<>();
            for (String name : net.shapes().keySet()) {
                w.put(name, draws.get(name).get(i));
            }
            sets.add(w);
        }
        double[] noise = new double[likelihood.hasNoiseSite() ? n : 0];
        java.util.Arrays.fill(noise, posterior.noise());
        return new WeightSamples(net, likelihood, sets, noise, 0, describe() + ", " + n + " draws");
    }

    @Override
    public String describe() {
        LaplaceSettings s = posterior.settings();
        return String.format(
                Locale.ROOT,
                "Laplace %s %s, prior precision %s, %s predictive",
                s.subset().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                s.structure().name().toLowerCase(Locale.ROOT),
                precisions(posterior.priorPrecisions()),
                mode.name().toLowerCase(Locale.ROOT));
    }

    /** One precision as a number, several (per layer) as a bracketed list. */
    private static String precisions(double[] d) {
        boolean same = Arrays.stream(d).allMatch(v -> v == d[0]);
        if (same) {
            return String.format(Locale.ROOT, "%.4g", d[0]);
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < d.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", d[i]));
        }
        return b.append("] per layer").toString();
    }
}
