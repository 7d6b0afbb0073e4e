package dev.credence.inference.vi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Initial locations from prior draws. */
class MedianInitTest {

    @Test
    @DisplayName("element-wise median over draws; non-finite medians become 0")
    void elementWise() {
        List<double[]> draws =
                List.of(
                        new double[] {1, 5, Double.NaN},
                        new double[] {3, -1, Double.NaN},
                        new double[] {2, 100, Double.NaN});
        double[] m = MedianInit.of(draws, new int[] {3}, new int[0], new int[] {3});
        assertArrayEquals(new double[] {2, 5, 0}, m);
    }

    @Test
    @DisplayName("plate axes are pooled and broadcast to the full size")
    void pooledPlateAxis() {
        // draws of shape [2 (plate, B = 2 of N = 4), 2 (event)]: column 0 and column 1 pooled
        List<double[]> draws = List.of(new double[] {1, 10, 3, 30}, new double[] {2, 20, 4, 40});
        double[] m = MedianInit.of(draws, new int[] {2, 2}, new int[] {0}, new int[] {4, 2});
        assertArrayEquals(new double[] {2.5, 25, 2.5, 25, 2.5, 25, 2.5, 25}, m);
    }
}
