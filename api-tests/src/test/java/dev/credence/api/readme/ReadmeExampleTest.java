package dev.credence.api.readme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.DType;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's "write your first model" example, verbatim, so the README stays true. */
class ReadmeExampleTest {

    @Test
    @DisplayName("the README's Poisson regression recovers its weights")
    void poissonRegression() {
        Backend b = Backends.discover().select("jvm");
        RandomKey[] keys = RandomKey.of(7).split(2);
        Tensor x = keys[0].normal(b, DType.FLOAT64, 500, 3); // 500 rows, 3 features
        Tensor y = x.matmul(Tensor.of(b, new double[] {0.5, -1, 0.25}, 3)).exp(); // expected counts

        Tensor w = Tensor.zeros(b, DType.FLOAT64, 3);
        for (int step = 0; step < 200; step++) {
            try (TensorScope scope = TensorScope.open()) { // frees intermediates each step
                var r =
                        Autodiff.valueAndGrad(
                                p -> {
                                    Tensor eta = x.matmul(p.get(0)); // log-rate
                                    return eta.exp().sub(y.mul(eta)).mean(); // Poisson NLL
                                },
                                List.of(w));
                w = scope.keep(w.sub(r.grads().get(0).mul(0.1))); // keep the new weights
            }
        }
        assertArrayEquals(new double[] {0.5, -1, 0.25}, w.toDoubleArray(), 0.01);
    }
}
