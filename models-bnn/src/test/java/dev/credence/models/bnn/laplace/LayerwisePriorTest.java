package dev.credence.models.bnn.laplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.nn.Activation;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.Architecture;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.Mlp;
import dev.credence.models.bnn.Network;
import dev.credence.models.bnn.posterior.WeightLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Per-layer prior precisions tuned by the Laplace evidence, checked against conditions the tuner
 * does not compute itself: MacKay's fixed point {@code delta_l |theta_l|^2 = sum_i h_i / (h_i +
 * delta_l)} (the effective number of parameters of layer {@code l}) from the diagonal curvature
 * pass, and a vanishing numerical derivative of the evidence in each precision for K-FAC.
 */
class LayerwisePriorTest {
    private final Backend b = Backends.discover().select("jvm");
    private final Likelihood lik = Likelihood.categorical(3);
    private final Network net = new Mlp(new Architecture(4, new int[] {6}, Activation.TANH), 3);

    /** Weights whose first layer is 4 times and second layer 1/4 of their initial scale. */
    private Map<String, Tensor> weights() {
        Map<String, Tensor> w = new LinkedHashMap<>();
        for (var e : net.init(b, DType.FLOAT64, RandomKey.of(3)).entrySet()) {
            double scale = e.getKey().startsWith("0.") ? 4 : 0.25;
            w.put(e.getKey(), e.getValue().mul(e.getValue().scalarLike(scale)));
        }
        return w;
    }

    private Tensor inputs() {
        return RandomKey.of(5).normal(b, DType.FLOAT64, 40, 4);
    }

    private Tensor labels() {
        int[] y = new int[40];
        for (int i = 0; i < y.length; i++) {
            y[i] = (i * 7) % 3;
        }
        return Tensor.ofInts(b, y, y.length);
    }

    private LaplacePosterior fit(LaplaceSettings.Structure st, LaplaceSettings.PriorStructure p) {
        LaplaceSettings s =
                new LaplaceSettings(LaplaceSettings.Subset.ALL, st, Double.NaN, true, 8, p);
        return Laplace.fit(net, lik, weights(), Double.NaN, inputs(), labels(), s, RandomKey.of(1));
    }

    @Test
    @DisplayName("diagonal: each layer's precision is MacKay's fixed point of its own curvature")
    void diagonalFixedPoint() {
        LaplacePosterior post =
                fit(LaplaceSettings.Structure.DIAGONAL, LaplaceSettings.PriorStructure.LAYERWISE);
        WeightLayout layout = new WeightLayout(net.shapes());
        List<LayerBlock> blocks = Laplace.blocks(net, layout, LaplaceSettings.Subset.ALL);
        LaplaceSettings s =
                new LaplaceSettings(
                        LaplaceSettings.Subset.ALL, LaplaceSettings.Structure.DIAGONAL, 1, true, 8);
        double[] h =
                GgnPass.run(
                                net,
                                weights(),
                                lik,
                                Double.NaN,
                                inputs(),
                                labels(),
                                blocks,
                                s,
                                RandomKey.of(1))
                        .diagonal();
        double[] theta = layout.flatten(weights());
        double[] deltas = post.priorPrecisions();
        assertEquals(2, deltas.length, "one precision per layer");
        int at = 0;
        for (int l = 0; l < blocks.size(); l++) {
            LayerBlock blk = blocks.get(l);
            double norm = 0;
            double gamma = 0;
            for (int i = 0; i < blk.rows(); i++) {
                for (int o = 0; o < blk.cols(); o++) {
                    double v = theta[blk.position(i, o)];
                    norm += v * v;
                    double hi = Math.max(h[at++], 0);
                    gamma += hi / (hi + deltas[l]);
                }
            }
            assertEquals(gamma, deltas[l] * norm, 1e-5 * gamma, "layer " + l + ": fixed point");
        }
        // the large first layer asks for a weaker prior than the small second one
        assertTrue(deltas[0] * 10 < deltas[1], "precisions " + deltas[0] + ", " + deltas[1]);
    }

    @Test
    @DisplayName("K-FAC: the evidence is stationary in every precision and beats one shared")
    void kfacStationary() {
        LaplacePosterior post =
                fit(LaplaceSettings.Structure.KFAC, LaplaceSettings.PriorStructure.LAYERWISE);
        LaplacePosterior shared =
                fit(LaplaceSettings.Structure.KFAC, LaplaceSettings.PriorStructure.SCALAR);
        double[] d = post.priorPrecisions();
        assertEquals(2, d.length);
        double e = post.logEvidence(d);
        for (int l = 0; l < d.length; l++) {
            double eps = 1e-4;
            double[] up = d.clone();
            double[] down = d.clone();
            up[l] *= Math.exp(eps);
            down[l] *= Math.exp(-eps);
            double slope = (post.logEvidence(up) - post.logEvidence(down)) / (2 * eps);
            assertEquals(0, slope, 1e-3, "layer " + l + ": d evidence / d log delta");
            assertTrue(post.logEvidence(up) < e && post.logEvidence(down) < e, "a maximum");
        }
        double one = shared.priorPrecisions()[0];
        assertTrue(e > shared.logEvidence(one) + 1, "per-layer evidence above the shared one's");
        assertTrue(d[0] < one && one < d[1], "the shared precision lies between the layers'");
    }

    @Test
    @DisplayName("per-layer precisions over a dense all-weights curvature are refused")
    void denseRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new LaplaceSettings(
                                        LaplaceSettings.Subset.ALL,
                                        LaplaceSettings.Structure.FULL,
                                        Double.NaN,
                                        true,
                                        8,
                                        LaplaceSettings.PriorStructure.LAYERWISE));
        assertTrue(e.getMessage().contains("diag or kfac"), e.getMessage());
    }
}
