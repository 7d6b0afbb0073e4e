package dev.credence.api.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Optimizers against hand-computed steps, schedules against their formulas, exact resumption. */
class OptimizerTest {
    private final Backend b = Backends.discover().select("jvm");

    private Tensor t(double... v) {
        return Tensor.of(b, v, v.length);
    }

    @Test
    @DisplayName("SGD: p - lr g; with momentum the second step uses v = mu v + g")
    void sgd() {
        Sgd plain = Sgd.of(0.1);
        var u = plain.step(List.of(t(1, 2)), List.of(t(0.5, -1)), plain.init(List.of(t(1, 2))));
        assertArrayEquals(new double[] {0.95, 2.1}, u.params().get(0).toDoubleArray(), 1e-15);
        Sgd mom = new Sgd(LearningRate.constant(0.1), 0.9, false, 0);
        var s = mom.init(List.of(t(1)));
        var u1 = mom.step(List.of(t(1)), List.of(t(2)), s);
        var u2 = mom.step(u1.params(), List.of(t(2)), u1.state());
        // v1 = 2, p1 = 1 - 0.2 = 0.8; v2 = 0.9*2 + 2 = 3.8, p2 = 0.8 - 0.38 = 0.42
        assertEquals(0.8, u1.params().get(0).item(), 1e-15);
        assertEquals(0.42, u2.params().get(0).item(), 1e-15);
        assertEquals(2, u2.state().step());
    }

    @Test
    @DisplayName("Adam: the first step moves each coordinate by lr * g / (|g| + eps)")
    void adamFirstStep() {
        Adam adam = Adam.of(0.01);
        var u = adam.step(List.of(t(1, 1)), List.of(t(3, -0.5)), adam.init(List.of(t(1, 1))));
        assertArrayEquals(
                new double[] {1 - 0.01 * 3 / (3 + 1e-8), 1 + 0.01 * 0.5 / (0.5 + 1e-8)},
                u.params().get(0).toDoubleArray(),
                1e-15);
        // second step by hand
        double m = 0.9 * 0.3 + 0.1 * 1.0;
        double v = 0.999 * 0.009 + 0.001 * 1.0;
        double mhat = m / (1 - 0.81);
        double vhat = v / (1 - 0.998001);
        var u2 = adam.step(u.params(), List.of(t(1, 1)), u.state());
        double p1 = u.params().get(0).toDoubleArray()[0];
        assertEquals(
                p1 - 0.01 * mhat / (Math.sqrt(vhat) + 1e-8),
                u2.params().get(0).toDoubleArray()[0],
                1e-15);
    }

    @Test
    @DisplayName("AdamW decays the weights by lr*wd before the Adam step; Adam adds wd*p to g")
    void weightDecay() {
        Adam w = Adam.adamW(LearningRate.constant(0.1), 0.9, 0.999, 1e-8, 0.5);
        var u = w.step(List.of(t(2)), List.of(t(1)), w.init(List.of(t(2))));
        assertEquals(2 * (1 - 0.05) - 0.1 * 1 / (1 + 1e-8), u.params().get(0).item(), 1e-12);
        Adam l2 = Adam.adam(LearningRate.constant(0.1), 0.9, 0.999, 1e-8, 0.5);
        var u2 = l2.step(List.of(t(2)), List.of(t(-3)), l2.init(List.of(t(2))));
        // g' = -3 + 0.5*2 = -2, step = -0.1 * -2/2
        assertEquals(2.1, u2.params().get(0).item(), 1e-7);
    }

    @Test
    @DisplayName("ClippedAdam clamps gradients and decays the rate every step")
    void clipped() {
        Adam c = Adam.clipped(0.1, 1.0, 0.5);
        var s = c.init(List.of(t(0)));
        var u1 = c.step(List.of(t(0)), List.of(t(100)), s);
        assertEquals(-0.1 * 1 / (1 + 1e-8), u1.params().get(0).item(), 1e-12);
        assertEquals(
                1.0 * 0.1,
                ((List<Tensor>) u1.state().slots().get(0)).get(0).item(),
                1e-12,
                "first moment saw the clipped gradient");
        var u2 = c.step(u1.params(), List.of(t(100)), u1.state());
        assertEquals(
                u1.params().get(0).item() - 0.05 * 1 / (1 + 1e-8),
                u2.params().get(0).item(),
                1e-12);
    }

    @Test
    @DisplayName("schedules follow their formulas")
    void schedules() {
        assertEquals(0.1, LearningRate.step(0.1, 10, 0.5).at(10), 0);
        assertEquals(0.05, LearningRate.step(0.1, 10, 0.5).at(11), 0);
        assertEquals(0.1 * 0.9 * 0.9, LearningRate.exponential(0.1, 0.9).at(3), 1e-17);
        LearningRate cos = LearningRate.cosine(1.0, 100, 0.0);
        assertEquals(1.0, cos.at(1), 0);
        assertEquals(0.5, cos.at(51), 1e-12);
        assertEquals(0.0, cos.at(500), 1e-12);
        LearningRate w = LearningRate.warmup(4, LearningRate.constant(0.2));
        assertEquals(0.05, w.at(1), 1e-17);
        assertEquals(0.2, w.at(4), 1e-17);
        assertEquals(0.2, w.at(5), 1e-17);
        assertThrows(IllegalArgumentException.class, () -> LearningRate.constant(-1));
    }

    @Test
    @DisplayName("resuming from a saved state equals running straight through")
    void resume() {
        Adam adam = Adam.of(0.05);
        List<Tensor> p = List.of(t(1, -2), t(0.5));
        OptimizerState s = adam.init(p);
        List<Tensor> p3 = p;
        OptimizerState s3 = s;
        for (int i = 0; i < 3; i++) {
            var u = adam.step(p3, List.of(p3.get(0).mul(2), p3.get(1).sin()), s3);
            p3 = u.params();
            s3 = u.state();
        }
        // "checkpoint": copy the state's tensors into fresh ones, then continue
        OptimizerState copy =
                new OptimizerState(
                        s3.step(),
                        s3.slots().stream()
                                .map(
                                        l ->
                                                l.stream()
                                                        .map(
                                                                x ->
                                                                        Tensor.of(
                                                                                b,
                                                                                x.toDoubleArray(),
                                                                                x.shape().dims()))
                                                        .toList())
                                .toList());
        var a = adam.step(p3, List.of(p3.get(0).mul(2), p3.get(1).sin()), s3);
        var c = adam.step(p3, List.of(p3.get(0).mul(2), p3.get(1).sin()), copy);
        assertArrayEquals(a.params().get(0).toDoubleArray(), c.params().get(0).toDoubleArray(), 0);
        assertArrayEquals(a.params().get(1).toDoubleArray(), c.params().get(1).toDoubleArray(), 0);
    }

    @Test
    @DisplayName("mismatched gradients are a clear error")
    void mismatch() {
        Adam adam = Adam.of(0.1);
        var s = adam.init(List.of(t(1, 2)));
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> adam.step(List.of(t(1, 2)), List.of(t(1, 2, 3)), s));
        assertTrue(
                e.getMessage().contains("shape [2]") && e.getMessage().contains("[3]"),
                e.getMessage());
    }
}
