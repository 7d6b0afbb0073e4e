package dev.credence.models.bnn.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The OOD AUROC against the pairwise definition, and accuracy against confidence by hand. */
class OodAndConfidenceTest {

    @Test
    @DisplayName("AUROC equals the pairwise count P(out > in) + P(tie)/2, with many ties")
    void aurocMatchesPairwiseCount() {
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            double[] in = new double[1 + r.nextInt(60)];
            double[] out = new double[1 + r.nextInt(60)];
            for (int i = 0; i < in.length; i++) {
                in[i] = r.nextInt(8); // coarse values: many ties
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = r.nextInt(10) + 0.5 * r.nextInt(2);
            }
            double pairs = 0;
            for (double a : in) {
                for (double b : out) {
                    pairs += b > a ? 1 : b == a ? 0.5 : 0;
                }
            }
            assertEquals(pairs / (in.length * out.length), OodDetection.auroc(in, out), 1e-12);
        }
    }

    @Test
    @DisplayName("AUROC: perfect separation is 1, reversed 0, identical scores 1/2; bad input")
    void aurocEdgeCases() {
        assertEquals(1.0, OodDetection.auroc(new double[] {0, 1}, new double[] {2, 3}), 0);
        assertEquals(0.0, OodDetection.auroc(new double[] {2, 3}, new double[] {0, 1}), 0);
        assertEquals(0.5, OodDetection.auroc(new double[] {1, 1}, new double[] {1}), 0);
        var empty =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> OodDetection.auroc(new double[0], new double[] {1}));
        assertTrue(empty.getMessage().contains("at least one"), empty.getMessage());
        var nan =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> OodDetection.auroc(new double[] {Double.NaN}, new double[] {1}));
        assertTrue(nan.getMessage().contains("finite"), nan.getMessage());
    }

    @Test
    @DisplayName("Accuracy against confidence: kept fractions and accuracies by hand")
    void confidenceCurveByHand() {
        // Confidences 0.9 (right), 0.6 (wrong), 0.7 (right), 0.95 (right).
        double[][] probs = {{0.9, 0.1}, {0.4, 0.6}, {0.7, 0.3}, {0.05, 0.95}};
        int[] labels = {0, 0, 0, 1};
        ConfidenceCurve c =
                ConfidenceCurve.of(probs, labels, new double[] {0, 0.65, 0.8, 0.92, 0.99});
        assertArrayEquals(new double[] {0.75, 1, 1, 1, Double.NaN}, c.accuracy(), 1e-12);
        assertArrayEquals(new double[] {1, 0.75, 0.5, 0.25, 0}, c.kept(), 1e-12);
        ConfidenceCurve d = ConfidenceCurve.of(probs, labels);
        assertEquals(21, d.thresholds().length);
        assertEquals(0.99, d.thresholds()[20], 0);
        assertThrows(
                IllegalArgumentException.class, () -> ConfidenceCurve.of(probs, new int[] {0, 1}));
    }
}
