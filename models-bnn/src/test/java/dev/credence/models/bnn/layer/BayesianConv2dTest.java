package dev.credence.models.bnn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.nn.Conv2d;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The estimators of a Bayesian convolution against the exact moments of {@code conv(x, W) + b}
 * under {@code q(W) = N(M, S^2)}, {@code q(b) = N(m, s^2)}: every estimator has the exact mean and
 * variance at each output position; the shared draw and Flipout also have the exact covariance of
 * two positions that share the kernel, which the local reparameterisation sets to zero.
 */
class BayesianConv2dTest {
    private final Backend b = Backends.discover().select("jvm");

    @ParameterizedTest
    @EnumSource(Estimator.class)
    @DisplayName("outputs have the moments of the convolution under the weight posterior")
    void momentsMatchTheWeightPosterior(Estimator e) {
        BayesianConv2d layer =
                new BayesianConv2d(new Conv2d(1, 1, 2, 1, 0, true), WeightPrior.normal(1), e);
        // One 2x3 image; a 2x2 kernel gives two outputs that share the kernel.
        double[] xv = {0.5, -1.0, 2.0, 1.5, 0.3, -0.7};
        Tensor x = Tensor.of(b, xv, 1, 1, 2, 3);
        double[] mv = {0.2, 0.1, -0.3, 0.4};
        double[] sv = {0.5, 0.2, 0.1, 0.3};
        Tensor loc = Tensor.of(b, mv, 1, 1, 2, 2);
        Tensor scale = Tensor.of(b, sv, 1, 1, 2, 2);
        Tensor bLoc = Tensor.of(b, new double[] {0.4}, 1);
        Tensor bScale = Tensor.of(b, new double[] {0.3}, 1);
        double[] mean = new double[2];
        double[] var = new double[2];
        double cov = 0.09;
        for (int j = 0; j < 2; j++) {
            mean[j] = 0.4;
            var[j] = 0.09;
            for (int p = 0; p < 2; p++) {
                for (int q = 0; q < 2; q++) {
                    double xa = xv[p * 3 + q + j];
                    mean[j] += xa * mv[p * 2 + q];
                    var[j] += xa * xa * sv[p * 2 + q] * sv[p * 2 + q];
                }
            }
        }
        for (int p = 0; p < 2; p++) {
            for (int q = 0; q < 2; q++) {
                double s2 = sv[p * 2 + q] * sv[p * 2 + q];
                cov += xv[p * 3 + q] * xv[p * 3 + q + 1] * s2;
            }
        }
        int n = 20000;
        double[] s = new double[2];
        double[] ss = new double[2];
        double cross = 0;
        for (int i = 0; i < n; i++) {
            RandomKey k = RandomKey.of(200).fold(i);
            Tensor w = loc.add(scale.mul(k.fold(1).normal(b, DType.FLOAT64, 1, 1, 2, 2)));
            Tensor bias = bLoc.add(bScale.mul(k.fold(2).normal(b, DType.FLOAT64, 1)));
            GuideTap tap = new GuideTap();
            tap.record(w, new GuideTap.Entry(loc, scale, k.fold(3), null));
            tap.record(bias, new GuideTap.Entry(bLoc, bScale, k.fold(4), null));
            double[] y = layer.forward(x, new BayesianLayer.Draw(w, bias), tap).toDoubleArray();
            for (int j = 0; j < 2; j++) {
                s[j] += y[j];
                ss[j] += y[j] * y[j];
            }
            cross += y[0] * y[1];
        }
        for (int j = 0; j < 2; j++) {
            double m = s[j] / n;
            double v = ss[j] / n - m * m;
            assertEquals(mean[j], m, 4 * Math.sqrt(var[j] / n), e + ": mean at " + j);
            assertEquals(var[j], v, 4 * var[j] * Math.sqrt(2.0 / n), e + ": variance at " + j);
        }
        double c = cross / n - (s[0] / n) * (s[1] / n);
        double expected = e == Estimator.LOCAL ? 0 : cov;
        double se = Math.sqrt((var[0] * var[1] + cov * cov) / n);
        assertEquals(expected, c, 4 * se, e + ": covariance of the two positions");
    }
}
