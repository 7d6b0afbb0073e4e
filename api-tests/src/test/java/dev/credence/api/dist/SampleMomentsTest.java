package dev.credence.api.dist;

import static dev.credence.api.dist.DistTesting.B;
import static dev.credence.api.dist.DistTesting.scalar;
import static dev.credence.api.dist.DistTesting.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sample means and variances of every family with finite fourth moments, against the exact ones.
 * Bounds are 5 standard errors of the estimator, estimated from the same draws; keys are fixed, so
 * each case is deterministic.
 */
class SampleMomentsTest {
    private static final int N = 20_000;
    private static final double Z = 5;

    static Stream<Arguments> families() {
        return Stream.of(
                arg("Normal", () -> new Normal(vec(0.3, -2), vec(1.7, 0.2))),
                arg("LogNormal", () -> new LogNormal(scalar(-0.2), scalar(0.5))),
                arg("HalfNormal", () -> new HalfNormal(scalar(2.5))),
                arg("StudentT", () -> new StudentT(scalar(10), scalar(0.5), scalar(2))),
                arg("Laplace", () -> new Laplace(scalar(-1), scalar(0.7))),
                arg("Exponential", () -> new Exponential(vec(1.3, 0.2))),
                arg("Gamma", () -> new Gamma(vec(2.5, 0.3, 40), vec(1.5, 2, 0.5))),
                arg("InverseGamma", () -> new InverseGamma(scalar(6), scalar(2))),
                arg("Beta", () -> new Beta(vec(2, 0.5, 0.05), vec(3.5, 0.5, 0.2))),
                arg("Uniform", () -> new Uniform(scalar(-1), scalar(3))),
                arg(
                        "ContinuousBernoulli",
                        () -> ContinuousBernoulli.withProbs(vec(0.3, 0.5, 0.97))),
                arg(
                        "ScaleMixtureNormal",
                        () -> new ScaleMixtureNormal(scalar(0.3), scalar(1), scalar(0.1))),
                arg("Bernoulli", () -> Bernoulli.withLogits(vec(-1.2, 0.4))),
                arg("Binomial", () -> Binomial.withProbs(vec(10, 200, 5000), vec(0.35, 0.02, 0.6))),
                arg("Poisson", () -> new Poisson(vec(0.7, 3.2, 40, 2000))),
                arg("MultivariateNormal", SampleMomentsTest::mvn),
                arg("Dirichlet", () -> new Dirichlet(vec(1.5, 2, 0.7))),
                arg("Independent", () -> new Independent(new Normal(vec(1, 2), vec(0.5, 3)), 1)));
    }

    private static Arguments arg(String name, Supplier<Distribution> d) {
        return Arguments.of(name, d);
    }

    private static Distribution mvn() {
        Tensor tril = Tensor.of(B, new double[] {1.5, 0, 0, 0.3, 0.8, 0, -0.4, 0.2, 1.2}, 3, 3);
        return new MultivariateNormal(vec(0.5, -1, 2), tril);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void momentsMatch(String name, Supplier<Distribution> make) {
        Distribution d = make.get();
        Tensor x = d.sample(RandomKey.of(name.hashCode()), N);
        assertEquals(d.shape(N), x.shape(), name + " sample shape");
        double[] mean = d.mean().broadcastTo(d.shape().dims()).toDoubleArray();
        double[] var = d.variance().broadcastTo(d.shape().dims()).toDoubleArray();
        double[][] cols = columns(x.toDoubleArray(), mean.length);
        for (int j = 0; j < mean.length; j++) {
            checkColumn(name + "[" + j + "]", cols[j], mean[j], var[j]);
        }
    }

    static double[][] columns(double[] flat, int k) {
        double[][] c = new double[k][flat.length / k];
        for (int i = 0; i < flat.length; i++) {
            c[i % k][i / k] = flat[i];
        }
        return c;
    }

    /** Compares the sample mean and variance with 5-standard-error bounds. */
    static void checkColumn(String what, double[] xs, double mean, double var) {
        int n = xs.length;
        double m = Arrays.stream(xs).average().orElseThrow();
        double m2 = 0;
        double m4 = 0;
        for (double x : xs) {
            double d = x - m;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        m2 /= n - 1;
        m4 /= n;
        double seMean = Math.sqrt(var / n);
        assertTrue(
                Math.abs(m - mean) <= Z * seMean + 1e-12,
                what + ": sample mean " + m + ", exact " + mean + ", bound " + Z * seMean);
        double seVar = Math.sqrt(Math.max(m4 - m2 * m2, 0) / n);
        assertTrue(
                Math.abs(m2 - var) <= Z * seVar + 1e-12,
                what + ": sample variance " + m2 + ", exact " + var + ", bound " + Z * seVar);
    }
}
