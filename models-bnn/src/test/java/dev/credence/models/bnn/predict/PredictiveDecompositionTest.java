package dev.credence.models.bnn.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The uncertainty decomposition and mixture summaries on cases with answers known by hand. */
class PredictiveDecompositionTest {

    @Test
    @DisplayName("regression: two draws N(0,1), N(2,1): mean 1, aleatoric 1, epistemic 1, total 2")
    void regressionLawOfTotalVariance() {
        RegressionDraws d =
                new RegressionDraws(
                        new double[][] {{0, 5}, {2, 5}}, new double[][] {{1, 0.5}, {1, 2}});
        RegressionPrediction p = d.summarise();
        assertArrayEquals(new double[] {1, 5}, p.mean(), 1e-12);
        assertArrayEquals(new double[] {1, (0.25 + 4) / 2}, p.aleatoric(), 1e-12);
        assertArrayEquals(new double[] {1, 0}, p.epistemic(), 1e-12);
        assertArrayEquals(new double[] {2, 2.125}, p.total(), 1e-12);
    }

    @Test
    @DisplayName("regression: a single draw has no epistemic part; its interval is Gaussian")
    void pointEstimateIntervals() {
        RegressionDraws d = new RegressionDraws(new double[][] {{3}}, new double[][] {{2}});
        RegressionPrediction p = d.summarise();
        assertEquals(0, p.epistemic()[0], 0);
        double[][] ci = p.interval(0.95);
        assertEquals(3 - 1.959963984540054 * 2, ci[0][0], 1e-8);
        assertEquals(3 + 1.959963984540054 * 2, ci[1][0], 1e-8);
        // log N(4 | 3, 2^2) = -log 2 - log(2 pi)/2 - 1/8
        assertEquals(
                -Math.log(2) - 0.5 * Math.log(2 * Math.PI) - 0.125,
                p.logDensity(new double[] {4})[0],
                1e-12);
    }

    @Test
    @DisplayName(
            "regression: mixture density is the log of the mean density, quantiles invert the CDF")
    void mixtureDensityAndQuantiles() {
        double[] m = {-1, 1};
        double[] s = {0.5, 0.5};
        double y = 0.3;
        double d1 = Math.exp(-0.5 * Math.pow((y + 1) / 0.5, 2)) / (0.5 * Math.sqrt(2 * Math.PI));
        double d2 = Math.exp(-0.5 * Math.pow((y - 1) / 0.5, 2)) / (0.5 * Math.sqrt(2 * Math.PI));
        assertEquals(Math.log((d1 + d2) / 2), GaussianMixture.logDensity(y, m, s), 1e-12);
        // Symmetric mixture: the median is 0 and quantiles are symmetric.
        assertEquals(0, GaussianMixture.quantile(0.5, m, s), 1e-9);
        double q = GaussianMixture.quantile(0.9, m, s);
        assertEquals(0.9, GaussianMixture.cdf(q, m, s), 1e-9);
        assertEquals(-q, GaussianMixture.quantile(0.1, m, s), 1e-9);
        // Phi(1.959963984540054) = 0.975
        assertEquals(0.975, GaussianMixture.normalCdf(1.959963984540054), 1e-12);
    }

    @Test
    @DisplayName(
            "classification: confident, disagreeing draws have MI = ln 2 and no aleatoric part")
    void classificationMutualInformation() {
        ClassificationDraws d =
                new ClassificationDraws(
                        new double[][][] {{{1, 0}, {0.5, 0.5}}, {{0, 1}, {0.5, 0.5}}});
        ClassificationPrediction p = d.summarise();
        assertArrayEquals(new double[] {0.5, 0.5}, p.probs()[0], 1e-12);
        assertArrayEquals(new double[] {Math.log(2), Math.log(2)}, p.entropy(), 1e-12);
        // Example 0: epistemic only. Example 1: both draws agree on a coin flip: aleatoric only.
        assertArrayEquals(new double[] {0, Math.log(2)}, p.expectedEntropy(), 1e-12);
        assertArrayEquals(new double[] {Math.log(2), 0}, p.mutualInformation(), 1e-12);
    }

    @Test
    @DisplayName("affine change of units scales means and sds and shifts log densities by -log s")
    void unitsChange() {
        RegressionDraws d =
                new RegressionDraws(new double[][] {{0.5}, {-0.5}}, new double[][] {{1}, {2}});
        RegressionDraws o = d.affine(10, 3);
        assertArrayEquals(new double[] {11.5}, o.mean()[0], 1e-12);
        assertArrayEquals(new double[] {6}, o.sd()[1], 1e-12);
        double lz = d.summarise().logDensity(new double[] {0.2})[0];
        double ly = o.summarise().logDensity(new double[] {10 + 3 * 0.2})[0];
        assertEquals(lz - Math.log(3), ly, 1e-12);
    }
}
