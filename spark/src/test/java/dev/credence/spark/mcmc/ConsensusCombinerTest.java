package dev.credence.spark.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.random.RandomKey;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The consensus average on sub-posteriors whose answer is known in closed form. */
class ConsensusCombinerTest {

    static ShardPosterior gaussian(int p, double[] mean, double[] sd, long seed, int t) {
        double[] z = RandomKey.of(seed).normalDoubles(t * mean.length);
        double[][] x = new double[t][mean.length];
        for (int k = 0; k < t; k++) {
            for (int i = 0; i < mean.length; i++) {
                x[k][i] = mean[i] + sd[i] * z[k * mean.length + i];
            }
        }
        return new ShardPosterior(p, 100, List.of("a", "b"), x, 0);
    }

    @Test
    @DisplayName("Gaussian sub-posteriors combine to the precision-weighted product")
    void gaussianProduct() {
        ShardPosterior s0 = gaussian(0, new double[] {1, -2}, new double[] {0.5, 1}, 1, 4000);
        ShardPosterior s1 = gaussian(1, new double[] {2, 0}, new double[] {1, 0.5}, 2, 4000);
        double[][] c = ConsensusCombiner.combine(List.of(s0, s1));
        double[] m = ConsensusResult.mean(c);
        double[] sd = ConsensusResult.sd(c);
        // Product of N(1, 0.5^2) and N(2, 1): precision 4 + 1, mean (4 * 1 + 1 * 2) / 5 = 1.2.
        assertEquals(1.2, m[0], 0.03);
        assertEquals(-0.4, m[1], 0.03);
        assertEquals(Math.sqrt(1 / 5.0), sd[0], 0.02);
        assertEquals(Math.sqrt(1 / 5.0), sd[1], 0.02);
        // The combination is linear: its mean is the weighted average of the sample means exactly.
        double[][] w0 = Spd.inverse(ConsensusCombiner.covariance(s0.draws()), "w0");
        double[][] w1 = Spd.inverse(ConsensusCombiner.covariance(s1.draws()), "w1");
        double[][] tot = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                tot[i][j] = w0[i][j] + w1[i][j];
            }
        }
        double[] a = Spd.times(w0, ConsensusResult.mean(s0.draws()));
        double[] b = Spd.times(w1, ConsensusResult.mean(s1.draws()));
        double[] exact =
                Spd.times(Spd.inverse(tot, "tot"), new double[] {a[0] + b[0], a[1] + b[1]});
        assertEquals(exact[0], m[0], 1e-12);
        assertEquals(exact[1], m[1], 1e-12);
    }

    @Test
    @DisplayName("the inverse of a positive-definite matrix, and a clear refusal of a singular one")
    void spdInverse() {
        double[][] a = {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 2}};
        double[][] inv = Spd.inverse(a, "a");
        for (int i = 0; i < 3; i++) {
            double[] row = Spd.times(a, new double[] {inv[0][i], inv[1][i], inv[2][i]});
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? 1 : 0, row[j], 1e-12);
            }
        }
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Spd.inverse(new double[][] {{1, 1}, {1, 1}}, "the covariance"));
        assertTrue(e.getMessage().contains("the covariance is not positive definite"));
    }

    @Test
    @DisplayName("sub-posteriors with different parameters are refused")
    void mismatchRefused() {
        ShardPosterior s0 = gaussian(0, new double[] {0, 0}, new double[] {1, 1}, 1, 50);
        ShardPosterior s1 = new ShardPosterior(1, 100, List.of("a", "c"), s0.draws(), 0);
        assertThrows(
                IllegalArgumentException.class, () -> ConsensusCombiner.combine(List.of(s0, s1)));
    }
}
