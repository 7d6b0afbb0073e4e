package dev.credence.models.bnn.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.credence.models.bnn.predict.ClassificationDraws;
import dev.credence.models.bnn.predict.RegressionDraws;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Metrics against values computed by hand. */
class CalibrationMetricsTest {
    // Four examples, two classes, one draw: confidences 0.9, 0.6, 0.7, 0.95.
    private final double[][] probs = {{0.9, 0.1}, {0.4, 0.6}, {0.7, 0.3}, {0.05, 0.95}};
    private final int[] labels = {0, 0, 0, 1};

    @Test
    @DisplayName("ECE with 2 and 10 bins, and the reliability diagram's CSV")
    void expectedCalibrationError() {
        ReliabilityDiagram r = ReliabilityDiagram.of(probs, labels, 2);
        // Bin (0, 0.5]: empty. Bin (0.5, 1]: all four; confidence 0.7875, accuracy 3/4.
        assertArrayEquals(new int[] {0, 4}, r.count());
        assertEquals(0.7875, r.confidence()[1], 1e-12);
        assertEquals(0.75, r.accuracy()[1], 1e-12);
        assertEquals(0.0375, r.ece(), 1e-12);
        // With 10 bins: (0.5,0.6] holds 0.6 (wrong), (0.6,0.7] 0.7 (right), (0.8,0.9] 0.9,
        // (0.9,1] 0.95: ECE = (0.6 + 0.3 + 0.1 + 0.05) / 4.
        ReliabilityDiagram r10 = ReliabilityDiagram.of(probs, labels, 10);
        assertEquals((0.6 + 0.3 + 0.1 + 0.05) / 4, r10.ece(), 1e-12);
        assertEquals(
                "lower,upper,count,confidence,accuracy", r10.toCsv().lines().findFirst().get());
    }

    @Test
    @DisplayName("Brier score, accuracy and log predictive density of a classifier")
    void brierAccuracyAndLogDensity() {
        // Brier: (0.01+0.01) + (0.36+0.36) + (0.09+0.09) + (0.0025+0.0025) over 4.
        assertEquals(
                (0.02 + 0.72 + 0.18 + 0.005) / 4,
                ClassificationMetrics.brier(probs, labels),
                1e-12);
        ClassificationMetrics m =
                ClassificationMetrics.of(new ClassificationDraws(new double[][][] {probs}), labels);
        assertEquals(0.75, m.accuracy(), 1e-12);
        assertEquals(
                (Math.log(0.9) + Math.log(0.4) + Math.log(0.7) + Math.log(0.95)) / 4,
                m.logLikelihood(),
                1e-12);
        assertEquals(0, m.meanMutualInformation(), 1e-12);
    }

    @Test
    @DisplayName("regression: RMSE, coverage and log predictive density (log-mean-exp over draws)")
    void regressionMetrics() {
        // Two draws per example: N(0,1) and N(2,1) for both examples; targets 1 and 5.
        RegressionDraws d =
                new RegressionDraws(
                        new double[][] {{0, 0}, {2, 2}}, new double[][] {{1, 1}, {1, 1}});
        RegressionMetrics m = RegressionMetrics.of(d, new double[] {1, 5});
        assertEquals(Math.sqrt((0 + 16) / 2.0), m.rmse(), 1e-12);
        double c = -0.5 * Math.log(2 * Math.PI);
        double l1 = c - 0.5; // both components at distance 1
        double l2 = Math.log((Math.exp(c - 12.5) + Math.exp(c - 4.5)) / 2);
        assertEquals((l1 + l2) / 2, m.logLikelihood(), 1e-12);
        // 1 is inside every central interval of the symmetric mixture; 5 is outside the 95% one.
        assertEquals(0.5, m.coverage95(), 1e-12);
        assertEquals(0.5, m.coverage50(), 1e-12);
        assertEquals(
                0.5,
                RegressionMetrics.coverage(new double[][] {{0, 0}, {2, 4}}, new double[] {1, 5}),
                1e-12);
    }

    @Test
    @DisplayName("bad labels are reported with their index")
    void badLabel() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ClassificationMetrics.of(
                                        new ClassificationDraws(new double[][][] {probs}),
                                        new int[] {0, 2, 0, 1}));
        assertEquals("ClassificationMetrics: label 2 of example 1 is outside 0..1", e.getMessage());
    }
}
