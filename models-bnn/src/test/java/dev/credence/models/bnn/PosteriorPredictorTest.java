package dev.credence.models.bnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.layer.WeightPrior;
import dev.credence.models.bnn.predict.RegressionDraws;
import dev.credence.models.bnn.predict.RegressionPrediction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The predictive decomposition through the whole model on a case with a known answer: a network
 * without hidden layers is {@code y = w x + b + noise}; with independent Gaussian posteriors {@code
 * w ~ N(mw, sw^2)}, {@code b ~ N(mb, sb^2)} and a fixed noise scale s, the epistemic variance at x
 * is {@code x^2 sw^2 + sb^2} and the aleatoric variance is {@code s^2}.
 */
class PosteriorPredictorTest {
    private final Backend b = Backends.discover().select("jvm");

    /** A posterior that hands out given Gaussian draws, as a fitted guide would. */
    private Posterior gaussian(double mw, double sw, double mb, double sb, double noise) {
        return new Posterior() {
            @Override
            public Map<String, Tensor> sample(RandomKey key, int n) {
                Map<String, Tensor> out = new LinkedHashMap<>();
                out.put("0.weight", key.fold(1).normal(b, DType.FLOAT64, n, 1, 1).mul(sw).add(mw));
                out.put("0.bias", key.fold(2).normal(b, DType.FLOAT64, n, 1).mul(sb).add(mb));
                out.put("noise", Tensor.full(b, noise, DType.FLOAT64, n));
                // A deterministic site of the training run must not leak into predictions.
                out.put(Likelihood.MEAN_SITE, Tensor.zeros(b, DType.FLOAT64, n, 3));
                return out;
            }

            @Override
            public Draws draws(RandomKey key, int n) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<ParameterSummary> summary() {
                return List.of();
            }
        };
    }

    @Test
    @DisplayName("linear network: epistemic = x^2 sw^2 + sb^2, aleatoric = s^2, mean = mw x + mb")
    void linearNetworkDecomposition() {
        Tensor xTrain = Tensor.of(b, new double[] {0, 1, 2}, 3, 1);
        BnnModel model =
                BnnModel.of(
                        new Architecture(1, new int[0], dev.credence.api.nn.Activation.RELU),
                        Likelihood.homoscedastic(1),
                        WeightPrior.normal(1),
                        xTrain,
                        Tensor.of(b, new double[] {0, 1, 2}, 3));
        double mw = 0.7;
        double sw = 0.3;
        double mb = -0.2;
        double sb = 0.1;
        double s = 0.5;
        var p = new PosteriorPredictor(gaussian(mw, sw, mb, sb, s), model, "known Gaussian");
        double[] x = {-2, 0, 3};
        int n = 10000;
        RegressionPrediction r =
                ((RegressionDraws) p.predict(Tensor.of(b, x, 3, 1), RandomKey.of(4), n))
                        .summarise();
        for (int i = 0; i < x.length; i++) {
            double epi = x[i] * x[i] * sw * sw + sb * sb;
            assertEquals(mw * x[i] + mb, r.mean()[i], 4 * Math.sqrt(epi / n), "mean at " + x[i]);
            assertEquals(
                    epi, r.epistemic()[i], 4 * epi * Math.sqrt(2.0 / n), "epistemic at " + x[i]);
            assertEquals(s * s, r.aleatoric()[i], 1e-12, "aleatoric at " + x[i]);
        }
        // Saved as weight sets, the same posterior predicts the same way.
        WeightSamples saved = p.toWeightSamples(RandomKey.of(5), n);
        RegressionPrediction r2 =
                ((RegressionDraws) saved.predict(Tensor.of(b, x, 3, 1), RandomKey.of(6), n))
                        .summarise();
        for (int i = 0; i < x.length; i++) {
            double epi = x[i] * x[i] * sw * sw + sb * sb;
            assertEquals(epi, r2.epistemic()[i], 4 * epi * Math.sqrt(2.0 / n), "saved, at " + x[i]);
        }
    }
}
