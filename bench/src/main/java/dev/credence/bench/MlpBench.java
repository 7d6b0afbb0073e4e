package dev.credence.bench;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Value and gradient of a 784-400-20 ReLU MLP (the VAE encoder's shape) with a squared-error loss,
 * on a batch of 128: two matmuls forward, four backward.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MlpBench {
    /** The element type. */
    @Param({"FLOAT32", "FLOAT64"})
    public DType dtype;

    private Tensor x;
    private Tensor y;
    private List<Tensor> params;

    /**
     * Creates data and parameters.
     *
     * @param s the backend
     */
    @Setup
    public void setup(BackendState s) {
        RandomKey k = RandomKey.of(1);
        x = k.fold(1).uniform(s.b, dtype, 128, 784);
        y = k.fold(2).normal(s.b, dtype, 128, 20);
        params =
                List.of(
                        k.fold(3).normal(s.b, dtype, 784, 400).mul(0.05),
                        Tensor.zeros(s.b, dtype, 400),
                        k.fold(4).normal(s.b, dtype, 400, 20).mul(0.05),
                        Tensor.zeros(s.b, dtype, 20));
    }

    /**
     * One value-and-gradient evaluation inside a scope, as a training step would run it.
     *
     * @return the loss
     */
    @Benchmark
    public double valueAndGrad() {
        try (TensorScope scope = TensorScope.open()) {
            var r =
                    Autodiff.valueAndGrad(
                            p -> {
                                Tensor h = x.matmul(p.get(0)).add(p.get(1)).relu();
                                Tensor out = h.matmul(p.get(2)).add(p.get(3));
                                return out.sub(y).square().sum();
                            },
                            params);
            return r.value().item() + r.grads().get(0).size();
        }
    }
}
