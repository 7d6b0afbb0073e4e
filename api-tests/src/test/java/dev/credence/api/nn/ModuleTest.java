package dev.credence.api.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.optim.Adam;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Modules: parameter naming and initialisation, shapes, dropout, and training end to end. */
class ModuleTest {
    private final Backend b = Backends.discover().select("jvm");

    @Test
    @DisplayName("an MLP names its parameters by layer and draws them within PyTorch's bounds")
    void mlpParameters() {
        Sequential mlp = Sequential.mlp(Activation.RELU, Activation.SIGMOID, 784, 400, 20);
        Map<String, Tensor> p = mlp.init(b, DType.FLOAT32, RandomKey.of(1));
        assertEquals(
                List.of("0.weight", "0.bias", "2.weight", "2.bias"), new ArrayList<>(p.keySet()));
        assertEquals(Shape.of(784, 400), p.get("0.weight").shape());
        double bound = 1 / Math.sqrt(784);
        for (double v : p.get("0.weight").toDoubleArray()) {
            assertTrue(Math.abs(v) <= bound, "weight " + v + " outside +-" + bound);
        }
        Tensor y = mlp.apply(Params.of(p), Tensor.zeros(b, DType.FLOAT32, 5, 784), null);
        assertEquals(Shape.of(5, 20), y.shape());
    }

    @Test
    @DisplayName("a wrong input width names the layer and the shapes")
    void badInput() {
        Linear l = new Linear(3, 2);
        var p = Params.of(l.init(b, DType.FLOAT64, RandomKey.of(0)));
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> l.apply(p, Tensor.zeros(b, DType.FLOAT64, 4, 5), null));
        assertTrue(
                e.getMessage().contains("Linear(3, 2)") && e.getMessage().contains("[4, 5]"),
                e.getMessage());
        var missing =
                assertThrows(
                        IllegalArgumentException.class, () -> Params.of(Map.of()).get("weight"));
        assertTrue(
                missing.getMessage().contains("missing parameter 'weight'"), missing.getMessage());
    }

    @Test
    @DisplayName("dropout is the identity without a key and preserves the mean with one")
    void dropout() {
        Dropout d = new Dropout(0.3);
        Tensor x = Tensor.ones(b, DType.FLOAT64, 100_000);
        assertEquals(x, d.apply(Params.of(Map.of()), x, null));
        Tensor y = d.apply(Params.of(Map.of()), x, RandomKey.of(3));
        assertEquals(1.0, y.mean().item(), 5 * Math.sqrt(0.3 / 0.7 / 100_000));
        double zeros = y.eq(0).cast(DType.FLOAT64).mean().item();
        assertEquals(0.3, zeros, 5 * Math.sqrt(0.21 / 100_000));
    }

    @Test
    @DisplayName("Adam trains a small tanh MLP to fit sin(x)")
    void trainsEndToEnd() {
        Sequential net = Sequential.mlp(Activation.TANH, Activation.IDENTITY, 1, 32, 1);
        Map<String, Tensor> p = net.init(b, DType.FLOAT64, RandomKey.of(5));
        List<String> names = new ArrayList<>(p.keySet());
        Tensor x = Tensor.of(b, linspace(-3, 3, 64), 64, 1);
        Tensor y = x.sin();
        Adam adam = Adam.of(0.02);
        List<Tensor> values = new ArrayList<>(p.values());
        var state = adam.init(values);
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < 800; step++) {
            var r =
                    Autodiff.valueAndGrad(
                            v -> {
                                Map<String, Tensor> m = new LinkedHashMap<>();
                                for (int i = 0; i < names.size(); i++) {
                                    m.put(names.get(i), v.get(i));
                                }
                                return net.apply(Params.of(m), x, null).sub(y).square().mean();
                            },
                            values);
            if (step == 0) {
                first = r.value().item();
            }
            last = r.value().item();
            var u = adam.step(values, r.grads(), state);
            values = u.params();
            state = u.state();
        }
        assertTrue(last < 0.01 && last < first / 20, "loss went from " + first + " to " + last);
    }

    private static double[] linspace(double lo, double hi, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * i / (n - 1);
        }
        return v;
    }
}
