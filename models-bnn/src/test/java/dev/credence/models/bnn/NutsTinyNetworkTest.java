package dev.credence.models.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.DrawsPosterior;
import dev.credence.api.infer.Inferences;
import dev.credence.api.nn.Activation;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.data.ToyRegression;
import dev.credence.models.bnn.fit.BnnFitter;
import dev.credence.models.bnn.fit.FitOptions;
import dev.credence.models.bnn.fit.FittedBnn;
import dev.credence.models.bnn.layer.WeightPrior;
import dev.credence.models.bnn.predict.RegressionDraws;
import dev.credence.models.bnn.predict.RegressionPrediction;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * NUTS over every weight of a tiny network (1-10-1, tanh, 31 weights and a noise scale) on the gap
 * data set, reduced from the claim in the module's report: the posterior is confident on the data
 * and at least three times less so in the gap.
 */
class NutsTinyNetworkTest {
    private static final Backend B = Backends.discover().select("jvm");
    private static ToyRegression data;
    private static FittedBnn fit;
    private static RegressionPrediction onGrid;
    private static double[] grid;

    @BeforeAll
    static void fitOnce() {
        data = ToyRegression.gap(30, 0.1, RandomKey.of(1));
        BnnModel model =
                BnnModel.of(
                        new Architecture(1, new int[] {10}, Activation.TANH),
                        Likelihood.homoscedastic(1),
                        WeightPrior.normal(1),
                        Tensor.of(B, data.x(), data.x().length, 1),
                        Tensor.of(B, data.y(), data.y().length));
        fit =
                new BnnFitter(Inferences.discover())
                        .fit(
                                model,
                                FitOptions.of(
                                        "nuts",
                                        Map.of(
                                                "chains", "2",
                                                "num-warmup", "200",
                                                "num-samples", "200",
                                                "threads", "2")),
                                RandomKey.of(7));
        grid = ToyRegression.grid(121);
        onGrid =
                ((RegressionDraws)
                                fit.predictor()
                                        .predict(
                                                Tensor.of(B, grid, grid.length, 1),
                                                RandomKey.of(9),
                                                300))
                        .summarise();
    }

    @Test
    @DisplayName("NUTS draws every weight and the noise scale: 32 parameters, 2 x 200 draws")
    void drawsEveryWeight() {
        Draws d = ((DrawsPosterior) fit.posterior()).draws();
        assertEquals(2, d.chains());
        assertEquals(200, d.drawsPerChain());
        assertEquals(31, fit.model().weightCount());
        assertTrue(d.sites().contains(Likelihood.NOISE_SITE), "sites " + d.sites());
    }

    @Test
    @DisplayName("the posterior noise scale recovers the true 0.1 and the mean fits the clusters")
    void fitsTheData() {
        Draws d = ((DrawsPosterior) fit.posterior()).draws();
        double[][] noise = d.parameter(Likelihood.NOISE_SITE);
        double mean = 0;
        int n = 0;
        for (double[] chain : noise) {
            for (double v : chain) {
                mean += v;
                n++;
            }
        }
        mean /= n;
        assertTrue(mean > 0.05 && mean < 0.2, "posterior mean noise " + mean);
        double se = 0;
        int k = 0;
        for (int i = 0; i < grid.length; i++) {
            double a = Math.abs(grid[i]);
            if (a >= ToyRegression.INNER && a <= ToyRegression.OUTER) {
                double e = onGrid.mean()[i] - ToyRegression.truth(grid[i]);
                se += e * e;
                k++;
            }
        }
        assertTrue(
                Math.sqrt(se / k) < 0.15, "RMSE to the truth on the clusters " + Math.sqrt(se / k));
    }

    @Test
    @DisplayName("epistemic uncertainty: predictive sd in the gap is at least 3x that on the data")
    void uncertaintyGrowsInTheGap() {
        double[] sd = ToyRegression.regionMeans(grid, onGrid.sd());
        double[] epi = ToyRegression.regionMeans(grid, onGrid.epistemicSd());
        assertTrue(sd[1] >= 3 * sd[0], "sd gap " + sd[1] + " vs data " + sd[0]);
        assertTrue(sd[2] >= 2 * sd[0], "sd outside " + sd[2] + " vs data " + sd[0]);
        assertTrue(epi[1] > 5 * epi[0], "epistemic sd gap " + epi[1] + " vs data " + epi[0]);
    }
}
