package dev.credence.models.bnn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Gradients of the layer's estimators against central finite differences, and their moments. */
class BayesianLinearTest {
    private final Backend b = Backends.discover().select("jvm");
    private final RandomKey key = RandomKey.of(3);
    private final int rows = 4;
    private final int in = 3;
    private final int out = 2;

    private Tensor normal(int seed, int... dims) {
        return RandomKey.of(seed).normal(b, DType.FLOAT64, dims);
    }

    /**
     * The layer output as a function of (x, loc, log scale, bias loc, bias log scale, eps_w, eps_b)
     * with every random number fixed, reduced to a scalar with fixed weights.
     */
    private Function<List<Tensor>, Tensor> loss(Estimator e, Tensor cotangent) {
        BayesianLinear layer = new BayesianLinear(in, out, WeightPrior.normal(1), e);
        return p -> {
            Tensor x = p.get(0);
            Tensor loc = p.get(1);
            Tensor scale = p.get(2).exp();
            Tensor bLoc = p.get(3);
            Tensor bScale = p.get(4).exp();
            Tensor w = loc.add(scale.mul(normal(11, in, out)));
            Tensor bias = bLoc.add(bScale.mul(normal(12, out)));
            GuideTap.Entry qw = new GuideTap.Entry(loc, scale, key, null);
            GuideTap.Entry qb = new GuideTap.Entry(bLoc, bScale, key.fold(1), null);
            return layer.forward(x, w, bias, qw, qb).mul(cotangent).sum();
        };
    }

    @ParameterizedTest
    @EnumSource(Estimator.class)
    @DisplayName("reverse-mode gradients of every estimator match central finite differences")
    void gradientsMatchFiniteDifferences(Estimator e) {
        List<Tensor> args =
                List.of(
                        normal(1, rows, in),
                        normal(2, in, out),
                        normal(3, in, out).mul(0.3).sub(1),
                        normal(4, out),
                        normal(5, out).mul(0.3).sub(1));
        Function<List<Tensor>, Tensor> f = loss(e, normal(6, rows, out));
        List<Tensor> grads = Autodiff.valueAndGrad(f, args).grads();
        double h = 1e-6;
        for (int a = 0; a < args.size(); a++) {
            double[] base = args.get(a).toDoubleArray();
            double[] numeric = new double[base.length];
            for (int i = 0; i < base.length; i++) {
                numeric[i] = (at(f, args, a, i, h) - at(f, args, a, i, -h)) / (2 * h);
            }
            assertArrayEquals(
                    numeric, grads.get(a).toDoubleArray(), 1e-6, e + ": gradient of argument " + a);
        }
    }

    private double at(Function<List<Tensor>, Tensor> f, List<Tensor> args, int a, int i, double d) {
        double[] v = args.get(a).toDoubleArray();
        v[i] += d;
        Tensor moved = Tensor.of(b, v, DType.FLOAT64, args.get(a).shape().dims());
        List<Tensor> copy = new java.util.ArrayList<>(args);
        copy.set(a, moved);
        return f.apply(copy).item();
    }

    @ParameterizedTest
    @EnumSource(Estimator.class)
    @DisplayName("every estimator's outputs have the mean and variance of x W + b under q")
    void momentsMatchTheWeightPosterior(Estimator e) {
        BayesianLinear layer = new BayesianLinear(in, 1, WeightPrior.normal(1), e);
        Tensor x = Tensor.of(b, new double[] {0.5, -1.0, 2.0}, 1, in);
        Tensor loc = Tensor.of(b, new double[] {0.2, 0.1, -0.3}, in, 1);
        Tensor scale = Tensor.of(b, new double[] {0.5, 0.2, 0.1}, in, 1);
        Tensor bLoc = Tensor.of(b, new double[] {0.4}, 1);
        Tensor bScale = Tensor.of(b, new double[] {0.3}, 1);
        // Exact: mean x.loc + bLoc, variance x^2.scale^2 + bScale^2.
        double mean = 0.5 * 0.2 - 0.1 - 0.6 + 0.4;
        double var = 0.25 * 0.25 + 0.04 + 4 * 0.01 + 0.09;
        int n = 20000;
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            RandomKey k = RandomKey.of(100).fold(i);
            Tensor w = loc.add(scale.mul(k.fold(1).normal(b, DType.FLOAT64, in, 1)));
            Tensor bias = bLoc.add(bScale.mul(k.fold(2).normal(b, DType.FLOAT64, 1)));
            GuideTap.Entry qw = new GuideTap.Entry(loc, scale, k.fold(3), null);
            GuideTap.Entry qb = new GuideTap.Entry(bLoc, bScale, k.fold(4), null);
            double y = layer.forward(x, w, bias, qw, qb).item();
            s += y;
            s2 += y * y;
        }
        double m = s / n;
        double v = s2 / n - m * m;
        assertEquals(mean, m, 4 * Math.sqrt(var / n), e + ": mean");
        assertEquals(var, v, 4 * var * Math.sqrt(2.0 / n), e + ": variance");
    }
}
