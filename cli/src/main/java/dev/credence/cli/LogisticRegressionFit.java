package dev.credence.cli;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.DType;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A small real job through the public API: simulate a logistic-regression data set from known
 * weights, then recover them by full-batch gradient descent on the mean negative log-likelihood
 * (binary cross-entropy with logits), with gradients from autodiff.
 */
final class LogisticRegressionFit {

    /**
     * What a fit found.
     *
     * @param trueWeights the weights the data were simulated from
     * @param fitted the fitted weights
     * @param finalLoss the mean negative log-likelihood at the end
     * @param accuracy the training accuracy
     * @param seconds wall time of the fit
     */
    record Result(
            double[] trueWeights,
            double[] fitted,
            double finalLoss,
            double accuracy,
            double seconds) {}

    private LogisticRegressionFit() {}

    static Result run(
            Backend b, long seed, int rows, int features, int steps, double lr, PrintWriter log) {
        RandomKey[] k = RandomKey.of(seed).split(3);
        Tensor x = k[0].normal(b, DType.FLOAT64, rows, features);
        Tensor wTrue = k[1].normal(b, DType.FLOAT64, features);
        Tensor p = x.matmul(wTrue).sigmoid();
        Tensor y = k[2].uniform(b, DType.FLOAT64, rows).lt(p).cast(DType.FLOAT64);
        Tensor w = Tensor.zeros(b, DType.FLOAT64, features);
        long t0 = System.nanoTime();
        double loss = Double.NaN;
        for (int step = 1; step <= steps; step++) {
            try (TensorScope scope = TensorScope.open()) {
                var r =
                        Autodiff.valueAndGrad(
                                a -> x.matmul(a.get(0)).binaryCrossEntropyWithLogits(y).mean(),
                                List.of(w));
                loss = r.value().item();
                if (!Double.isFinite(loss)) {
                    throw new ArithmeticException("loss became " + loss + " at step " + step);
                }
                w = scope.keep(w.sub(r.grads().get(0).mul(lr)));
            }
            if (log != null && (step % (steps / 10) == 0 || step == 1)) {
                log.printf(Locale.ROOT, "step %4d  mean NLL %.5f%n", step, loss);
                log.flush();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double acc = x.matmul(w).gt(0).cast(DType.FLOAT64).eq(y).cast(DType.FLOAT64).mean().item();
        return new Result(wTrue.toDoubleArray(), w.toDoubleArray(), loss, acc, seconds);
    }
}
