package dev.credence.models.bnn.laplace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.nn.Activation;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.Architecture;
import dev.credence.models.bnn.ConvNet;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.Mlp;
import dev.credence.models.bnn.Network;
import dev.credence.models.bnn.posterior.WeightLayout;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The linearised predictive's output covariance against {@code J Sigma J^T} formed directly: the
 * Jacobian {@code J} of the outputs in every weight by central finite differences, and {@code Sigma
 * = (H + delta I)^-1} as a dense matrix: for the dense and diagonal structures from the GGN built
 * from those same finite-difference Jacobians, for K-FAC from the curvature pass's Kronecker
 * factors, inverted block by block. Dense layers (the factorised K-FAC path) and a convolution (the
 * general path, several output positions) are both covered.
 */
class LinearisedOutputsTest {
    private static final double DELTA = 2.0;
    private static final int K = 3;

    private final Backend b = Backends.discover().select("jvm");
    private final Likelihood lik = Likelihood.categorical(K);
    private final Network mlp = new Mlp(new Architecture(3, new int[] {4}, Activation.TANH), K);
    private final Network cnn =
            new ConvNet(1, 4, 4, new int[] {2}, 3, new int[0], K, Activation.TANH);

    private Tensor labels(int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % K;
        }
        return Tensor.ofInts(b, y, n);
    }

    /** {@code [K][P]}: d output / d weight at one input row, central differences. */
    private double[][] jacobian(Network net, WeightLayout layout, double[] theta, Tensor row) {
        double h = 1e-6;
        double[][] j = new double[K][theta.length];
        for (int p = 0; p < theta.length; p++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[p] += h;
            down[p] -= h;
            double[] fu =
                    net.forward(layout.unflatten(up, b, DType.FLOAT64), row, 0, null)
                            .toDoubleArray();
            double[] fd =
                    net.forward(layout.unflatten(down, b, DType.FLOAT64), row, 0, null)
                            .toDoubleArray();
            for (int c = 0; c < K; c++) {
                j[c][p] = (fu[c] - fd[c]) / (2 * h);
            }
        }
        return j;
    }

    /** The GGN {@code sum_n J_n^T (diag p - p p^T) J_n} from finite-difference Jacobians. */
    private double[][] ggn(Network net, WeightLayout layout, double[] theta, Tensor x) {
        int p = theta.length;
        double[][] h = new double[p][p];
        Map<String, Tensor> w = layout.unflatten(theta, b, DType.FLOAT64);
        double[] prob = Reductions.softmax(net.forward(w, x, 0, null), 1).toDoubleArray();
        for (int n = 0; n < x.dim(0); n++) {
            double[][] j = jacobian(net, layout, theta, x.narrow(0, n, n + 1));
            for (int c = 0; c < K; c++) {
                for (int d = 0; d < K; d++) {
                    double lam = (c == d ? prob[n * K + c] : 0) - prob[n * K + c] * prob[n * K + d];
                    for (int a = 0; a < p; a++) {
                        for (int e = 0; e < p; e++) {
                            h[a][e] += j[c][a] * lam * j[d][e];
                        }
                    }
                }
            }
        }
        return h;
    }

    private void check(Network net, LaplaceSettings.Structure st) {
        WeightLayout layout = new WeightLayout(net.shapes());
        Map<String, Tensor> w = net.init(b, DType.FLOAT64, RandomKey.of(3));
        double[] theta = layout.flatten(w);
        Tensor x = RandomKey.of(5).normal(b, DType.FLOAT64, 6, net.inputs());
        Tensor y = labels(6);
        Tensor xs = RandomKey.of(9).normal(b, DType.FLOAT64, 2, net.inputs());
        LaplaceSettings s = new LaplaceSettings(LaplaceSettings.Subset.ALL, st, DELTA, true, 3);
        LaplacePosterior post = Laplace.fit(net, lik, w, Double.NaN, x, y, s, RandomKey.of(1));
        Tensor[] fc = LinearisedOutputs.meanAndCovariance(post, net, w, xs);
        double[] mean = fc[0].toDoubleArray();
        double[] cov = fc[1].toDoubleArray();
        assertEquals(List.of(2, K, K), List.of(fc[1].dim(0), fc[1].dim(1), fc[1].dim(2)));

        double[][] sigma = sigma(net, layout, theta, x, y, post, s);
        double[] f = net.forward(w, xs, 0, null).toDoubleArray();
        for (int n = 0; n < 2; n++) {
            double[][] j = jacobian(net, layout, theta, xs.narrow(0, n, n + 1));
            for (int c = 0; c < K; c++) {
                assertEquals(f[n * K + c], mean[n * K + c], 1e-12, "mean");
                for (int d = 0; d < K; d++) {
                    double want = 0;
                    for (int p = 0; p < theta.length; p++) {
                        for (int q = 0; q < theta.length; q++) {
                            want += j[c][p] * sigma[p][q] * j[d][q];
                        }
                    }
                    double got = cov[(n * K + c) * K + d];
                    assertEquals(
                            want,
                            got,
                            1e-6 * Math.max(1, Math.abs(want)),
                            st + " covariance of example " + n + ", outputs " + c + "," + d);
                }
            }
        }
    }

    /** {@code (H + delta I)^-1} in flat-layout coordinates, built without the code under test. */
    private double[][] sigma(
            Network net,
            WeightLayout layout,
            double[] theta,
            Tensor x,
            Tensor y,
            LaplacePosterior post,
            LaplaceSettings s) {
        int p = theta.length;
        double[][] out = new double[p][p];
        if (s.structure() == LaplaceSettings.Structure.KFAC) {
            GgnPass.Result r =
                    GgnPass.run(
                            net,
                            layout.unflatten(theta, b, DType.FLOAT64),
                            lik,
                            Double.NaN,
                            x,
                            y,
                            post.blocks(),
                            s,
                            RandomKey.of(1));
            for (int l = 0; l < post.blocks().size(); l++) {
                LayerBlock blk = post.blocks().get(l);
                double[][] a = r.a().get(l);
                double[][] g = r.g().get(l);
                int m = blk.size();
                int cols = blk.cols();
                double[][] prec = new double[m][m];
                for (int u = 0; u < m; u++) {
                    for (int v = 0; v < m; v++) {
                        prec[u][v] =
                                a[u / cols][v / cols] * g[u % cols][v % cols]
                                        + (u == v ? DELTA : 0);
                    }
                }
                double[][] inv = Dense.inverse(prec);
                for (int u = 0; u < m; u++) {
                    for (int v = 0; v < m; v++) {
                        out[blk.position(u / cols, u % cols)][blk.position(v / cols, v % cols)] =
                                inv[u][v];
                    }
                }
            }
            return out;
        }
        double[][] h = ggn(net, layout, theta, x);
        for (int u = 0; u < p; u++) {
            for (int v = 0; v < p; v++) {
                boolean keep = s.structure() == LaplaceSettings.Structure.FULL || u == v;
                h[u][v] = (keep ? h[u][v] : 0) + (u == v ? DELTA : 0);
            }
        }
        return Dense.inverse(h);
    }

    @Test
    @DisplayName("MLP, dense GGN: the linearised covariance is J Sigma J^T")
    void mlpFull() {
        check(mlp, LaplaceSettings.Structure.FULL);
    }

    @Test
    @DisplayName("MLP, diagonal GGN: the linearised covariance is J Sigma J^T")
    void mlpDiagonal() {
        check(mlp, LaplaceSettings.Structure.DIAGONAL);
    }

    @Test
    @DisplayName("MLP, K-FAC: the linearised covariance is J Sigma J^T (factorised path)")
    void mlpKfac() {
        check(mlp, LaplaceSettings.Structure.KFAC);
    }

    @Test
    @DisplayName("CNN, K-FAC: the linearised covariance is J Sigma J^T (several positions)")
    void cnnKfac() {
        check(cnn, LaplaceSettings.Structure.KFAC);
    }

    @Test
    @DisplayName("CNN, dense GGN: the linearised covariance is J Sigma J^T")
    void cnnFull() {
        check(cnn, LaplaceSettings.Structure.FULL);
    }
}
