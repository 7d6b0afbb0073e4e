package dev.credence.api.infer.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.credence.api.random.RandomKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Average ranks against the definition, counted pair by pair. */
class RanksTest {

    /** Rank of x[i]: 1 + the values below it + half the other values equal to it. */
    private static double[] byDefinition(double[] x) {
        double[] r = new double[x.length];
        int nans = 0;
        int finite = 0;
        for (double v : x) {
            finite += Double.isNaN(v) ? 0 : 1;
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                r[i] = finite + ++nans;
                continue;
            }
            int below = 0;
            int equal = 0;
            for (int j = 0; j < x.length; j++) {
                if (j != i && x[j] < x[i]) {
                    below++;
                } else if (j != i && x[j] == x[i]) {
                    equal++;
                }
            }
            r[i] = 1 + below + equal / 2.0;
        }
        return r;
    }

    @Test
    @DisplayName("ties share their average rank, -0.0 ties with 0.0, NaNs rank last in order")
    void ranksAsDefined() {
        double[] x = {3, -0.0, 1, 3, 0.0, Double.NaN, -2, 3, Double.NaN, 1};
        assertArrayEquals(byDefinition(x), Ranks.average(x), 0);
        assertArrayEquals(
                new double[] {7, 2.5, 4.5, 7, 2.5, 9, 1, 7, 10, 4.5}, Ranks.average(x), 0);
    }

    @Test
    @DisplayName("random draws with repeated values rank as defined")
    void randomDraws() {
        double[] x = RandomKey.of(3).normalDoubles(500);
        for (int i = 0; i < x.length; i += 7) {
            x[i] = Math.rint(x[i] * 2) / 2;
        }
        assertArrayEquals(byDefinition(x), Ranks.average(x), 0);
    }
}
