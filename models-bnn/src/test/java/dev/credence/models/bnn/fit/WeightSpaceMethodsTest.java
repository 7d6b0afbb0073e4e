package dev.credence.models.bnn.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Inferences;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.Architecture;
import dev.credence.models.bnn.BnnModel;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.WeightSamples;
import dev.credence.models.bnn.laplace.LaplacePosterior;
import dev.credence.models.bnn.layer.WeightPrior;
import dev.credence.models.bnn.metrics.ClassificationMetrics;
import dev.credence.models.bnn.predict.ClassificationDraws;
import dev.credence.models.bnn.swag.SwagPosterior;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SWAG, MultiSWAG and the Laplace approximations through {@link BnnFitter} on three Gaussian blobs:
 * each classifies held-out points as well as the MAP network, Laplace built at the SWA mean sits
 * exactly there, and a last-layer Laplace approximation is less confident than the MAP network far
 * from the data, as Kristiadi, Hein and Hennig (ICML 2020, theorem 2.3) prove for ReLU networks.
 */
class WeightSpaceMethodsTest {
    private final Backend b = Backends.discover().select("jvm");
    private final BnnFitter fitter = new BnnFitter(Inferences.discover());

    private Tensor[] blobs(int n, long seed) {
        double[][] centres = {{0, 0}, {3, 0}, {1.5, 2.5}};
        double[] z = RandomKey.of(seed).normalDoubles(2 * n);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[2 * i] = centres[c][0] + 0.7 * z[2 * i];
            x[2 * i + 1] = centres[c][1] + 0.7 * z[2 * i + 1];
            y[i] = c;
        }
        return new Tensor[] {Tensor.of(b, x, n, 2), Tensor.of(b, y, n)};
    }

    private BnnModel model() {
        Tensor[] t = blobs(300, 1);
        return BnnModel.of(
                Architecture.relu(2, 16),
                Likelihood.categorical(3),
                WeightPrior.normal(1),
                t[0],
                t[1]);
    }

    private static int[] labels(Tensor y) {
        double[] v = y.toDoubleArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "swag, ''",
        "multiswag, members=2",
        "laplace, ''",
        "laplace, subset=all",
        "laplace, subset=all;predictive=mc",
        "laplace, subset=all;hessian=diag",
        "laplace, hessian=diag",
        "laplace, subset=all;hessian=diag;predictive=sample",
        "laplace, subset=all;prior-structure=layerwise",
        "laplace, subset=all;hessian=diag;prior-structure=layerwise",
        "laplace, subset=all;pretrain=swa;swag-epochs=3"
    })
    @DisplayName("weight-space posteriors classify held-out points")
    void classify(String method, String extra) {
        Map<String, String> o = new java.util.LinkedHashMap<>();
        o.put("epochs", "30");
        if (method.contains("swag")) {
            o.put("swag-epochs", "3");
        }
        for (String kv : extra.split(";")) {
            if (!kv.isBlank()) {
                o.put(kv.split("=")[0], kv.split("=")[1]);
            }
        }
        FittedBnn fit = fitter.fit(model(), FitOptions.of(method, o), RandomKey.of(2));
        Tensor[] test = blobs(300, 9);
        ClassificationDraws d =
                (ClassificationDraws) fit.predictor().predict(test[0], RandomKey.of(3), 20);
        ClassificationMetrics m = ClassificationMetrics.of(d, labels(test[1]));
        assertTrue(m.accuracy() > 0.85, method + " " + extra + ": accuracy " + m.accuracy());
        assertTrue(Double.isFinite(m.logLikelihood()), method + ": finite test log-likelihood");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"last-layer", "all"})
    @DisplayName("Laplace (linearised predictive) is less confident than MAP far from the data")
    void lessConfidentFarAway(String subset) {
        BnnModel model = model();
        FittedBnn map =
                fitter.fit(model, FitOptions.of("map", Map.of("epochs", "30")), RandomKey.of(2));
        FittedBnn la =
                fitter.fit(
                        model,
                        FitOptions.of("laplace", Map.of("epochs", "30", "subset", subset)),
                        RandomKey.of(2));
        Tensor far = Tensor.of(b, new double[] {40, -30, -25, 60}, 2, 2);
        double[][] pm =
                ((ClassificationDraws) map.predictor().predict(far, RandomKey.of(1), 1))
                        .summarise()
                        .probs();
        double[][] pl =
                ((ClassificationDraws) la.predictor().predict(far, RandomKey.of(1), 1))
                        .summarise()
                        .probs();
        for (int i = 0; i < 2; i++) {
            double cm = max(pm[i]);
            double cl = max(pl[i]);
            assertTrue(cm > 0.99, "MAP is (over)confident far away: " + cm);
            // the same network (one key): the whole difference is the approximation's
            assertTrue(cl < cm - 0.02, "Laplace confidence " + cl + " vs MAP " + cm);
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("Laplace with pretrain=swa is centred on the SWA mean of the same SWAG run")
    void swaMode() {
        BnnModel model = model();
        Map<String, String> o = Map.of("epochs", "10", "swag-epochs", "2");
        Map<String, String> lo = new java.util.LinkedHashMap<>(o);
        lo.put("pretrain", "swa");
        lo.put("subset", "all");
        RandomKey key = RandomKey.of(4);
        FittedBnn la = fitter.fit(model, FitOptions.of("laplace", lo), key);
        // the Laplace fit runs SWAG with its own key: the same run as a SWAG fit from that key
        FittedBnn swag = fitter.fit(model, FitOptions.of("swag", o), key);
        double[] mode = ((LaplacePosterior) la.posterior()).mode();
        double[] mean = ((SwagPosterior) swag.posterior()).moments().mean();
        org.junit.jupiter.api.Assertions.assertArrayEquals(mean, mode, 1e-12);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("Laplace is centred on the network that a MAP fit from the same key trains")
    void mapMode() {
        BnnModel model = model();
        Map<String, String> o = Map.of("epochs", "10");
        RandomKey key = RandomKey.of(5);
        FittedBnn la = fitter.fit(model, FitOptions.of("laplace", o), key);
        FittedBnn map = fitter.fit(model, FitOptions.of("map", o), key);
        double[] mode = ((LaplacePosterior) la.posterior()).mode();
        var layout = new dev.credence.models.bnn.posterior.WeightLayout(model.network().shapes());
        double[] weights = layout.flatten(((WeightSamples) map.predictor()).weights().get(0));
        org.junit.jupiter.api.Assertions.assertArrayEquals(weights, mode, 0.0);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a diverging SWAG phase names its own step size")
    void swagDivergenceNamesItsStepSize() {
        Map<String, String> o = Map.of("epochs", "5", "swag-epochs", "2", "swag-lr", "1e9");
        ArithmeticException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        ArithmeticException.class,
                        () -> fitter.fit(model(), FitOptions.of("swag", o), RandomKey.of(5)));
        assertTrue(e.getMessage().contains("swag-lr 1.0E9"), e.getMessage());
    }

    private static double max(double[] p) {
        double m = 0;
        for (double v : p) {
            m = Math.max(m, v);
        }
        return m;
    }
}
