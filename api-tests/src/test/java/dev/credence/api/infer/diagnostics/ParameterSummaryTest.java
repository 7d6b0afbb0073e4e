package dev.credence.api.infer.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ParameterSummary#of} shares sorts and normal scores between its columns; every column must
 * still be exactly what the corresponding {@link Convergence} function computes on its own.
 */
class ParameterSummaryTest {

    @ParameterizedTest(name = "{0} chains of {1} draws, ties {2}")
    @CsvSource({"4, 1000, false", "4, 999, false", "1, 10, false", "3, 201, true", "2, 64, true"})
    void everyColumnEqualsItsOwnFunction(int chains, int n, boolean ties) {
        SplittableRandom rng = new SplittableRandom(chains * 1000L + n);
        double[][] draws = new double[chains][n];
        for (int c = 0; c < chains; c++) {
            double x = 0;
            for (int i = 0; i < n; i++) {
                // An autocorrelated chain with a chain-specific offset.
                x = 0.7 * x + rng.nextGaussian() + 0.1 * c;
                draws[c][i] = ties ? Math.round(x * 2) / 2.0 : x;
            }
        }
        ParameterSummary s = ParameterSummary.of("x", draws);
        double[] all = Convergence.flatten(draws);
        assertEquals(Convergence.mean(all), s.mean());
        assertEquals(Math.sqrt(Convergence.variance(all)), s.sd());
        assertEquals(Convergence.quantile(all, 0.05), s.q5());
        assertEquals(Convergence.quantile(all, 0.5), s.q50());
        assertEquals(Convergence.quantile(all, 0.95), s.q95());
        assertEquals(Convergence.mcseMean(draws), s.mcseMean());
        assertEquals(Convergence.essBulk(draws), s.essBulk());
        assertEquals(Convergence.essTail(draws), s.essTail());
        assertEquals(Convergence.rhat(draws), s.rhat());
    }
}
