package dev.credence.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Dual averaging, Welford and the warm-up windows, each on its own. */
class AdaptationTest {

    @Test
    @DisplayName("dual averaging: the first update by hand")
    void dualAveragingFirstStep() {
        DualAveraging da = DualAveraging.start(0.5, 0.8).update(0.3);
        // eta = 1/11, sBar = (0.8 - 0.3)/11, x = log(5) - sBar * 1 / 0.05, xBar = x (weight 1)
        double sBar = 0.5 / 11;
        double x = Math.log(5) - sBar / 0.05;
        assertEquals(sBar, da.sBar(), 1e-15);
        assertEquals(Math.exp(x), da.stepSize(), 1e-12);
        assertEquals(Math.exp(x), da.finalStepSize(), 1e-12);
    }

    @Test
    @DisplayName("dual averaging converges to the step size whose acceptance hits the target")
    void dualAveragingConverges() {
        // A fake sampler whose acceptance falls with the step size: accept = exp(-eps).
        DualAveraging da = DualAveraging.start(1.0, 0.8);
        for (int i = 0; i < 3000; i++) {
            da = da.update(Math.exp(-da.stepSize()));
        }
        assertEquals(-Math.log(0.8), da.finalStepSize(), 0.01);
    }

    @Test
    @DisplayName("Welford's variance with Stan's regularisation")
    void welford() {
        Welford w = new Welford(2, true);
        double[][] xs = {{1, 2}, {3, 1}, {5, 6}, {2, 2}};
        for (double[] x : xs) {
            w.add(x);
        }
        // sample variances 35/12 and 59/12, covariance 35/12
        double n = 4;
        double shrink = n / (n + 5);
        double reg = 1e-3 * 5 / (n + 5);
        assertArrayEquals(
                new double[] {shrink * 35.0 / 12 + reg, shrink * 59.0 / 12 + reg},
                w.regularisedVariance(),
                1e-12);
        assertEquals(shrink * 35.0 / 12, w.regularisedCovariance()[0][1], 1e-12);
        assertEquals(w.regularisedCovariance()[1][0], w.regularisedCovariance()[0][1], 1e-15);
    }

    @Test
    @DisplayName("warm-up windows end where Stan's do: 100, 150, 250, 450, 950 of 1000")
    void windows() {
        WarmupSchedule s = new WarmupSchedule(1000);
        List<Integer> ends = new ArrayList<>();
        int inWindow = 0;
        for (int i = 0; i < 1000; i++) {
            if (s.inSlowWindow(i)) {
                inWindow++;
            }
            if (s.endOfSlowWindow(i)) {
                ends.add(i + 1);
            }
        }
        assertEquals(List.of(100, 150, 250, 450, 950), ends);
        assertEquals(875, inWindow);
    }

    @Test
    @DisplayName("short warm-ups shrink the buffers to 15% and 10%")
    void shortWarmup() {
        WarmupSchedule s = new WarmupSchedule(100);
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            s.inSlowWindow(i);
            if (s.endOfSlowWindow(i)) {
                ends.add(i + 1);
            }
        }
        assertEquals(List.of(90), ends);
        WarmupSchedule none = new WarmupSchedule(10);
        for (int i = 0; i < 10; i++) {
            assertTrue(!none.inSlowWindow(i) && !none.endOfSlowWindow(i));
        }
    }
}
