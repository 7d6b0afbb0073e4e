package dev.credence.api.dist;

import static dev.credence.api.dist.DistTesting.B;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.ScalarMath;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Gradients of {@code E[f(X)]} with respect to the parameters of gamma, beta and Dirichlet
 * distributions, three ways: the mean of implicit-reparameterisation (pathwise) gradients over
 * {@value #M} draws, central finite differences of the exact expectation computed by quadrature
 * (through the CDF for the gamma, {@code E f(X) = f(0) + int f'(x) Q(a, rate x) dx}), and the mean
 * of score-function estimates {@code f(x) d log p(x) / d theta}. Each Monte Carlo mean must lie
 * within four standard errors of the exact value; the pathwise estimator must also have the lower
 * variance, which is its point. With {@code f = log1p} no gradient has a closed form to copy.
 */
class ImplicitReparameterisationTest {
    private static final int M = 20_000;
    private static final double Z = 4;

    /** Mean, standard error and variance of per-draw gradient estimates. */
    record Estimate(double mean, double se, double variance) {
        static Estimate of(double[] v) {
            double m = 0;
            for (double x : v) {
                m += x;
            }
            m /= v.length;
            double ss = 0;
            for (double x : v) {
                ss += (x - m) * (x - m);
            }
            double var = ss / (v.length - 1);
            return new Estimate(m, Math.sqrt(var / v.length), var);
        }
    }

    @Test
    @DisplayName("I2 gamma: pathwise and score-function gradients match the CDF expectation")
    void gamma() {
        double a = 0.8;
        double r = 1.7;
        double[] exact = {
            central(h -> gammaExpectation(a + h, r), 1e-4 * a),
            central(h -> gammaExpectation(a, r + h), 1e-4 * r)
        };
        check(
                "gamma(" + a + ", " + r + ")",
                exact,
                List.of(full(a), full(r)),
                ps -> new Gamma(ps.get(0), ps.get(1)));
    }

    @Test
    @DisplayName("I2 inverse gamma: pathwise gradients match the expectation's differences")
    void inverseGamma() {
        // X = rate / G with G ~ Gamma(a, 1): E f(X) = int f'(x) P(a, rate / x) dx over x > 0.
        double a = 2.5;
        double r = 1.3;
        ToDoubleFunction<double[]> e =
                p ->
                        Quadrature.integrate(
                                t -> {
                                    // x = t / (1 - t) maps (0, 1) onto (0, infinity);
                                    // the integrand vanishes like (1 - t)^(a - 1) at 1.
                                    if (t >= 1) {
                                        return 0;
                                    }
                                    double x = t / (1 - t);
                                    double survival = 1 - ScalarMath.gammaQ(p[0], p[1] / x);
                                    return survival / (1 + x) / ((1 - t) * (1 - t));
                                },
                                0,
                                1,
                                64);
        double[] exact = {
            central(h -> e.applyAsDouble(new double[] {a + h, r}), 1e-4 * a),
            central(h -> e.applyAsDouble(new double[] {a, r + h}), 1e-4 * r)
        };
        check(
                "inverse gamma(" + a + ", " + r + ")",
                exact,
                List.of(full(a), full(r)),
                ps -> new InverseGamma(ps.get(0), ps.get(1)));
    }

    @Test
    @DisplayName("I2 beta: pathwise and score-function gradients match the exact expectation")
    void beta() {
        double a = 0.6;
        double b = 2.5;
        double[] exact = {
            central(h -> betaExpectation(a + h, b), 1e-4 * a),
            central(h -> betaExpectation(a, b + h), 1e-4 * b)
        };
        check(
                "beta(" + a + ", " + b + ")",
                exact,
                List.of(full(a), full(b)),
                ps -> new Beta(ps.get(0), ps.get(1)));
    }

    @Test
    @DisplayName("I2 Dirichlet: pathwise and score-function gradients match the exact expectation")
    void dirichlet() {
        // f(z) = log1p(z_0) through the marginal z_0 ~ Beta(a_0, a_1 + a_2).
        double[] alpha = {0.7, 1.5, 3};
        double[] exact = new double[3];
        for (int j = 0; j < 3; j++) {
            int jj = j;
            exact[j] =
                    central(
                            h -> {
                                double[] p = alpha.clone();
                                p[jj] += h;
                                return betaExpectation(p[0], p[1] + p[2]);
                            },
                            1e-4 * alpha[j]);
        }
        Tensor conc = Tensor.of(B, alpha).broadcastTo(M, 3);
        Tensor rowsOfAlpha = Tensor.of(B, conc.toDoubleArray(), M, 3);
        Function<Tensor, Tensor> f = x -> x.narrow(-1, 0, 1).reshape(M).log1p();
        Tensor path =
                Autodiff.valueAndGrad(
                                ps ->
                                        f.apply(new Dirichlet(ps.get(0)).rsample(RandomKey.of(5)))
                                                .sum(),
                                List.of(rowsOfAlpha))
                        .grads()
                        .get(0);
        Tensor x = new Dirichlet(rowsOfAlpha).sample(RandomKey.of(6));
        Tensor fx = f.apply(x);
        Tensor score =
                Autodiff.valueAndGrad(
                                ps -> new Dirichlet(ps.get(0)).logProb(x).mul(fx).sum(),
                                List.of(rowsOfAlpha))
                        .grads()
                        .get(0);
        double[] p = path.toDoubleArray();
        double[] s = score.toDoubleArray();
        for (int j = 0; j < 3; j++) {
            compare("Dirichlet, d/da_" + j, exact[j], column(p, j, 3), column(s, j, 3));
        }
    }

    @Test
    @DisplayName("I2 rsample draws are those of sample with the same key")
    void rsampleValuesAreSampleValues() {
        RandomKey k = RandomKey.of(11);
        Gamma g = new Gamma(full(0.4).narrow(0, 0, 50), Tensor.scalar(B, 2, DType.FLOAT64));
        assertArrayEquals(g.sample(k).toDoubleArray(), g.rsample(k).toDoubleArray(), 0);
        Distribution be = Beta.of(B, 0.3, 4).expand(50);
        assertArrayEquals(be.sample(k).toDoubleArray(), be.rsample(k).toDoubleArray(), 1e-13);
        Dirichlet d = new Dirichlet(Tensor.of(B, new double[] {0.2, 1, 5}).broadcastTo(50, 3));
        assertArrayEquals(d.sample(k).toDoubleArray(), d.rsample(k).toDoubleArray(), 1e-13);
    }

    private static void check(
            String what,
            double[] exact,
            List<Tensor> params,
            Function<List<Tensor>, Distribution> family) {
        List<Tensor> path =
                Autodiff.valueAndGrad(
                                ps -> family.apply(ps).rsample(RandomKey.of(1)).log1p().sum(),
                                params)
                        .grads();
        Tensor x = family.apply(params).sample(RandomKey.of(2));
        Tensor fx = x.log1p();
        List<Tensor> score =
                Autodiff.valueAndGrad(ps -> family.apply(ps).logProb(x).mul(fx).sum(), params)
                        .grads();
        for (int j = 0; j < exact.length; j++) {
            compare(
                    what + ", d/dparam" + j,
                    exact[j],
                    path.get(j).toDoubleArray(),
                    score.get(j).toDoubleArray());
        }
    }

    private static void compare(String what, double exact, double[] path, double[] score) {
        Estimate p = Estimate.of(path);
        Estimate s = Estimate.of(score);
        System.out.printf(
                "%s: exact %.6f, pathwise %.6f +- %.6f (var %.4g), score %.6f +- %.6f (var %.4g)%n",
                what, exact, p.mean(), p.se(), p.variance(), s.mean(), s.se(), s.variance());
        assertEquals(exact, p.mean(), Z * p.se() + 1e-7, what + ": pathwise mean");
        assertEquals(exact, s.mean(), Z * s.se() + 1e-7, what + ": score-function mean");
        assertTrue(
                p.variance() < s.variance(),
                what + ": pathwise variance " + p.variance() + " >= score " + s.variance());
    }

    /** E log1p(X) for X ~ Gamma(a, rate), as the integral of f'(x) Q(a, rate x). */
    static double gammaExpectation(double a, double rate) {
        double upper = (a + 60 + 12 * Math.sqrt(a)) / rate;
        return Quadrature.integrate(x -> ScalarMath.gammaQ(a, rate * x) / (1 + x), 0, upper, 64);
    }

    /**
     * E log1p(X) for X ~ Beta(a, b), b >= 1, with x = t^(1/a), which absorbs the x^(a - 1) of the
     * density: {@code int_0^1 log1p(t^(1/a)) (1 - t^(1/a))^(b - 1) dt / (a B(a, b))}.
     */
    static double betaExpectation(double a, double b) {
        double logB = ScalarMath.lgamma(a) + ScalarMath.lgamma(b) - ScalarMath.lgamma(a + b);
        double integral =
                Quadrature.integrate(
                        t -> {
                            double x = Math.pow(t, 1 / a);
                            return Math.log1p(x) * Math.pow(1 - x, b - 1);
                        },
                        0,
                        1,
                        64);
        return integral / a / Math.exp(logB);
    }

    private static double central(java.util.function.DoubleUnaryOperator e, double h) {
        return (e.applyAsDouble(h) - e.applyAsDouble(-h)) / (2 * h);
    }

    private static Tensor full(double v) {
        return Tensor.full(B, v, DType.FLOAT64, M);
    }

    private static double[] column(double[] rowMajor, int j, int width) {
        double[] out = new double[rowMajor.length / width];
        for (int i = 0; i < out.length; i++) {
            out[i] = rowMajor[i * width + j];
        }
        return out;
    }
}
