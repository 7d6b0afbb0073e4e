package dev.credence.models.bnn.laplace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.autodiff.Autodiff;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The curvature pass against the exact generalised Gauss-Newton matrix {@code sum_n J_n^T
 * (diag(p_n) - p_n p_n^T) J_n} of tiny networks, with the Jacobians taken output by output with
 * autodiff: the dense and diagonal structures equal it (and its diagonal), and for one example
 * K-FAC's Kronecker product equals each layer's diagonal block.
 */
class GgnTest {
    private final Backend b = Backends.discover().select("jvm");
    private final Likelihood lik = Likelihood.categorical(3);

    private final Network mlp = new Mlp(new Architecture(3, new int[] {4}, Activation.TANH), 3);
    private final Network cnn =
            new ConvNet(1, 4, 4, new int[] {2}, 3, new int[0], 3, Activation.TANH);

    private Tensor inputs(Network net, int n) {
        return RandomKey.of(5).normal(b, DType.FLOAT64, n, net.inputs());
    }

    private Tensor labels(int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
        }
        return Tensor.ofInts(b, y, n);
    }

    /** The exact GGN in flat-layout coordinates. */
    private double[][] exact(Network net, Map<String, Tensor> w, Tensor x) {
        WeightLayout layout = new WeightLayout(net.shapes());
        List<String> names = new ArrayList<>(w.keySet());
        int p = layout.size();
        int n = x.dim(0);
        Tensor logits = net.forward(w, x, 0, null);
        double[] prob = Reductions.softmax(logits, 1).toDoubleArray();
        double[][] h = new double[p][p];
        for (int i = 0; i < n; i++) {
            double[][] jac = new double[3][];
            for (int k = 0; k < 3; k++) {
                int row = i;
                int col = k;
                List<Tensor> g =
                        Autodiff.valueAndGrad(
                                        ps -> {
                                            Map<String, Tensor> m = new LinkedHashMap<>();
                                            for (int q = 0; q < names.size(); q++) {
                                                m.put(names.get(q), ps.get(q));
                                            }
                                            return net.forward(m, x, 0, null)
                                                    .narrow(0, row, row + 1)
                                                    .narrow(1, col, col + 1)
                                                    .sum();
                                        },
                                        new ArrayList<>(w.values()))
                                .grads();
                Map<String, Tensor> gm = new LinkedHashMap<>();
                for (int q = 0; q < names.size(); q++) {
                    gm.put(names.get(q), g.get(q));
                }
                jac[k] = layout.flatten(gm);
            }
            for (int k = 0; k < 3; k++) {
                for (int l = 0; l < 3; l++) {
                    double lam = (k == l ? prob[i * 3 + k] : 0) - prob[i * 3 + k] * prob[i * 3 + l];
                    for (int a = 0; a < p; a++) {
                        double ja = jac[k][a] * lam;
                        if (ja == 0) {
                            continue;
                        }
                        for (int c = 0; c < p; c++) {
                            h[a][c] += ja * jac[l][c];
                        }
                    }
                }
            }
        }
        return h;
    }

    private GgnPass.Result pass(
            Network net,
            Map<String, Tensor> w,
            Tensor x,
            LaplaceSettings.Structure st,
            List<LayerBlock> blocks) {
        LaplaceSettings s = new LaplaceSettings(LaplaceSettings.Subset.ALL, st, 1, true, 2);
        return GgnPass.run(
                net, w, lik, Double.NaN, x, labels(x.dim(0)), blocks, s, RandomKey.of(1));
    }

    private static int[] positions(List<LayerBlock> blocks) {
        List<Integer> pos = new ArrayList<>();
        for (LayerBlock blk : blocks) {
            for (int i = 0; i < blk.rows(); i++) {
                for (int o = 0; o < blk.cols(); o++) {
                    pos.add(blk.position(i, o));
                }
            }
        }
        return pos.stream().mapToInt(Integer::intValue).toArray();
    }

    private void denseAndDiagonalMatch(Network net) {
        Map<String, Tensor> w = net.init(b, DType.FLOAT64, RandomKey.of(3));
        Tensor x = inputs(net, 5);
        double[][] want = exact(net, w, x);
        WeightLayout layout = new WeightLayout(net.shapes());
        List<LayerBlock> blocks = Laplace.blocks(net, layout, LaplaceSettings.Subset.ALL);
        int[] pos = positions(blocks);
        double[][] full = pass(net, w, x, LaplaceSettings.Structure.FULL, blocks).full();
        double[] diag = pass(net, w, x, LaplaceSettings.Structure.DIAGONAL, blocks).diagonal();
        for (int i = 0; i < pos.length; i++) {
            assertEquals(want[pos[i]][pos[i]], diag[i], 1e-10, "diagonal " + i);
            for (int j = 0; j < pos.length; j++) {
                assertEquals(want[pos[i]][pos[j]], full[i][j], 1e-10, "GGN " + i + "," + j);
            }
        }
    }

    @Test
    @DisplayName("dense and diagonal GGN of an MLP equal the exact GGN")
    void mlpGgn() {
        denseAndDiagonalMatch(mlp);
    }

    @Test
    @DisplayName("dense and diagonal GGN of a convolutional network equal the exact GGN")
    void convGgn() {
        denseAndDiagonalMatch(cnn);
    }

    @Test
    @DisplayName("for one example, each layer's K-FAC product equals its exact GGN block")
    void kfacExactForOneExample() {
        Map<String, Tensor> w = mlp.init(b, DType.FLOAT64, RandomKey.of(4));
        Tensor x = inputs(mlp, 1);
        double[][] want = exact(mlp, w, x);
        WeightLayout layout = new WeightLayout(mlp.shapes());
        List<LayerBlock> blocks = Laplace.blocks(mlp, layout, LaplaceSettings.Subset.ALL);
        GgnPass.Result r = pass(mlp, w, x, LaplaceSettings.Structure.KFAC, blocks);
        for (int l = 0; l < blocks.size(); l++) {
            LayerBlock blk = blocks.get(l);
            double[][] a = r.a().get(l);
            double[][] g = r.g().get(l);
            for (int i = 0; i < blk.rows(); i++) {
                for (int o = 0; o < blk.cols(); o++) {
                    for (int j = 0; j < blk.rows(); j++) {
                        for (int q = 0; q < blk.cols(); q++) {
                            assertEquals(
                                    want[blk.position(i, o)][blk.position(j, q)],
                                    a[i][j] * g[o][q],
                                    1e-10,
                                    "layer " + l + " block entry");
                        }
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("sampled-label K-FAC factors average to the exact ones")
    void sampledLabelsAreUnbiased() {
        Map<String, Tensor> w = mlp.init(b, DType.FLOAT64, RandomKey.of(6));
        Tensor x = inputs(mlp, 4);
        WeightLayout layout = new WeightLayout(mlp.shapes());
        List<LayerBlock> blocks = Laplace.blocks(mlp, layout, LaplaceSettings.Subset.ALL);
        double[][] exactG = pass(mlp, w, x, LaplaceSettings.Structure.KFAC, blocks).g().get(1);
        int runs = 400;
        double[][] mean = new double[3][3];
        for (int r = 0; r < runs; r++) {
            LaplaceSettings s =
                    new LaplaceSettings(
                            LaplaceSettings.Subset.ALL,
                            LaplaceSettings.Structure.KFAC,
                            1,
                            false,
                            4);
            double[][] g =
                    GgnPass.run(mlp, w, lik, Double.NaN, x, labels(4), blocks, s, RandomKey.of(r))
                            .g()
                            .get(1);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    mean[i][j] += g[i][j] / runs;
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(exactG[i][i], mean[i][i], 0.15 * exactG[i][i], "G diagonal " + i);
        }
    }
}
