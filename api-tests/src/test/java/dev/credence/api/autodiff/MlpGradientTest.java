package dev.credence.api.autodiff;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.Losses;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Gradients of whole losses against central finite differences in FLOAT64, to 1e-6 relative: a
 * two-layer MLP with a softmax cross-entropy, and the composites that losses are built from.
 */
class MlpGradientTest {
    private final Backend b = Backends.discover().select("jvm");
    private final RandomKey key = RandomKey.of(2024);

    private Tensor normal(int seed, int... dims) {
        return key.fold(seed).normal(b, DType.FLOAT64, dims).mul(0.5);
    }

    private void check(String what, Function<List<Tensor>, Tensor> f, List<Tensor> args) {
        var r = Autodiff.valueAndGrad(f, args);
        for (int i = 0; i < args.size(); i++) {
            double[] fd = FiniteDifference.gradient(f, args, i);
            FiniteDifference.assertClose(
                    what + " argument " + i, fd, r.grads().get(i).toDoubleArray(), 1e-6);
        }
    }

    @Test
    @DisplayName("two-layer MLP with tanh and softmax cross-entropy")
    void mlpClassifier() {
        Tensor x = normal(1, 8, 5);
        Tensor labels = Tensor.ofInts(b, new int[] {0, 2, 1, 1, 0, 2, 2, 1}, 8);
        Tensor onehot = Indexing.oneHot(labels, 3, DType.FLOAT64);
        Function<List<Tensor>, Tensor> loss =
                p -> {
                    Tensor h = x.matmul(p.get(0)).add(p.get(1)).tanh();
                    Tensor logits = h.matmul(p.get(2)).add(p.get(3));
                    return Reductions.logSoftmax(logits, -1).mul(onehot).sum().neg().div(8.0);
                };
        check("MLP", loss, List.of(normal(2, 5, 6), normal(3, 6), normal(4, 6, 3), normal(5, 3)));
    }

    @Test
    @DisplayName("two-layer ReLU MLP with a Gaussian likelihood and softplus scale")
    void mlpRegression() {
        Tensor x = normal(6, 10, 3);
        Tensor y = normal(7, 10, 1);
        Function<List<Tensor>, Tensor> nll =
                p -> {
                    Tensor h = x.matmul(p.get(0)).add(p.get(1)).relu();
                    Tensor mu = h.matmul(p.get(2));
                    Tensor sigma = p.get(3).softplus().add(1e-3);
                    Tensor z = y.sub(mu).div(sigma);
                    return z.square().mul(0.5).add(sigma.log()).sum();
                };
        check(
                "regression MLP",
                nll,
                List.of(normal(8, 3, 7), normal(9, 7), normal(10, 7, 1), normal(11, 1)));
    }

    @Test
    @DisplayName("logSumExp, softplus, logSigmoid and both binary cross-entropies")
    void composites() {
        Tensor t = key.fold(12).uniform(b, DType.FLOAT64, 4, 3);
        check(
                "logSumExp",
                p -> p.get(0).mul(3.0).logSumExp(false, 1).sum(),
                List.of(normal(13, 4, 3)));
        check("softplus", p -> p.get(0).mul(20.0).softplus().sum(), List.of(normal(14, 4, 3)));
        check("logSigmoid", p -> p.get(0).mul(10.0).logSigmoid().sum(), List.of(normal(15, 4, 3)));
        check(
                "BCE with logits",
                p -> Losses.binaryCrossEntropyWithLogits(p.get(0).mul(4.0), t).sum(),
                List.of(normal(16, 4, 3)));
        check(
                "BCE on probabilities",
                p -> Losses.binaryCrossEntropy(p.get(0).sigmoid(), t).sum(),
                List.of(normal(17, 4, 3)));
        check(
                "softmax",
                p -> Reductions.softmax(p.get(0), 0).mul(t).sum(),
                List.of(normal(18, 4, 3)));
    }
}
