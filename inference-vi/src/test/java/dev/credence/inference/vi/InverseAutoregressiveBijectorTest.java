package dev.credence.inference.vi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.TransformedDistribution;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Posterior;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pieces of the flow guide: MADE's masks, the IAF step's Jacobian, inverse and cache. */
class InverseAutoregressiveBijectorTest {
    static final Backend B = GuideRecoveryTest.B;
    static final int D = 5;

    /** An IAF step with random (non-zero) weights everywhere, output layers included. */
    static InverseAutoregressiveBijector randomStep(boolean reversed, long seed) {
        MaskedAutoregressiveNetwork net =
                new MaskedAutoregressiveNetwork(
                        B,
                        DType.FLOAT64,
                        MaskedAutoregressiveNetwork.order(D, reversed),
                        new int[] {8, 7});
        List<Tensor> w = new ArrayList<>();
        RandomKey key = RandomKey.of(seed);
        int i = 0;
        for (Tensor t : net.init("t", B, DType.FLOAT64, key).values()) {
            w.add(key.fold(100 + i++).normal(B, DType.FLOAT64, t.shape().dims()).mul(0.5));
        }
        return new InverseAutoregressiveBijector(net, w);
    }

    static double[][] jacobian(InverseAutoregressiveBijector f, Tensor x) {
        double[][] j = new double[D][];
        for (int i = 0; i < D; i++) {
            int row = i;
            j[i] =
                    Autodiff.valueAndGrad(
                                    xs -> f.forward(xs.get(0)).narrow(0, row, row + 1).sum(),
                                    List.of(x))
                            .grads()
                            .get(0)
                            .toDoubleArray();
        }
        return j;
    }

    @Test
    @DisplayName("V1 an IAF step is autoregressive: output i depends only on earlier inputs")
    void triangularJacobian() {
        Tensor x = RandomKey.of(3).normal(B, DType.FLOAT64, D);
        for (boolean reversed : new boolean[] {false, true}) {
            double[][] j = jacobian(randomStep(reversed, 7), x);
            int[] order = MaskedAutoregressiveNetwork.order(D, reversed);
            for (int i = 0; i < D; i++) {
                for (int k = 0; k < D; k++) {
                    if (order[k] > order[i]) {
                        assertEquals(0, j[i][k], 0, "dy" + i + "/dx" + k + " must vanish");
                    } else if (order[k] < order[i]) {
                        assertTrue(j[i][k] != 0, "dy" + i + "/dx" + k + " should not vanish");
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("V2 log|det J| is the sum of log-scales and matches the Jacobian's diagonal")
    void logDeterminant() {
        InverseAutoregressiveBijector f = randomStep(true, 9);
        Tensor x = RandomKey.of(4).normal(B, DType.FLOAT64, D);
        double[][] j = jacobian(f, x);
        double expected = 0;
        for (int i = 0; i < D; i++) {
            expected += Math.log(Math.abs(j[i][i]));
        }
        Tensor y = f.forward(x);
        assertEquals(expected, f.logAbsDetJacobian(x, y).item(), 1e-12);
        // Without the cache: a fresh bijector with the same weights.
        assertEquals(expected, randomStep(true, 9).logAbsDetJacobian(x, y).item(), 1e-12);
    }

    @Test
    @DisplayName("V3 the inverse undoes the step (D network passes), batched")
    void inverse() {
        InverseAutoregressiveBijector f = randomStep(false, 11);
        Tensor x = RandomKey.of(5).normal(B, DType.FLOAT64, 3, D);
        Tensor y = f.forward(x);
        Tensor copy = Tensor.of(B, y.toDoubleArray(), 3, D);
        assertArrayEquals(x.toDoubleArray(), f.inverse(copy).toDoubleArray(), 1e-10);
    }

    @Test
    @DisplayName("V4 a flow's density of its own draw equals the density found by inversion")
    void cachedDensityEqualsInvertedDensity() {
        Tensor zeros = Tensor.zeros(B, DType.FLOAT64, D);
        TransformedDistribution q =
                new TransformedDistribution(
                        new Independent(new Normal(zeros, zeros.onesLike()), 1),
                        List.of(randomStep(false, 1), randomStep(true, 2)));
        Tensor y = q.rsample(RandomKey.of(6), 4);
        double[] cached = q.logProb(y).toDoubleArray();
        double[] inverted = q.logProb(Tensor.of(B, y.toDoubleArray(), 4, D)).toDoubleArray();
        assertArrayEquals(inverted, cached, 1e-9);
    }

    @Test
    @DisplayName("V5 svi with guide=iaf fits through the registry and names its params")
    void sviProvider() {
        InferenceConfig c =
                InferenceConfig.of(RandomKey.of(1))
                        .with("guide", "iaf")
                        .with("flows", "3")
                        .with("flow-hidden", "6,5")
                        .with("steps", "50");
        Posterior post = Inferences.discover().create("svi", c).fit(FlowGuideTest.BANANA);
        Map<String, Tensor> params = ((GuidePosterior) post).params();
        assertTrue(params.containsKey("auto.iaf2.w1"), params.keySet().toString());
        assertEquals(2, post.sample(RandomKey.of(2), 10).size());
        InferenceConfig bad = InferenceConfig.of(RandomKey.of(1)).with("flow-hidden", "8,x");
        var e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class,
                        () -> Inferences.discover().create("svi", bad));
        assertTrue(e.getMessage().contains("flow-hidden"), e.getMessage());
    }
}
