package dev.credence.models.bnn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Trace;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.Architecture;
import dev.credence.models.bnn.BnnModel;
import dev.credence.models.bnn.Likelihood;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Bayes-by-Backprop guide, its tap, and MOPED initialisation. */
class MeanFieldGuideTest {
    private final Backend b = Backends.discover().select("jvm");
    private final Tensor x = RandomKey.of(1).normal(b, DType.FLOAT64, 8, 2);
    private final Tensor y = RandomKey.of(2).normal(b, DType.FLOAT64, 8);
    private final BnnModel model =
            BnnModel.of(
                    Architecture.relu(2, 3),
                    Likelihood.homoscedastic(1),
                    WeightPrior.normal(1),
                    x,
                    y);

    @Test
    @DisplayName("the guide covers every latent site of the model with Bayes-by-Backprop params")
    void coversTheModel() {
        MeanFieldGuide g =
                MeanFieldGuide.random(
                        model.weightShapes(),
                        Likelihood.NOISE_SITE,
                        b,
                        DType.FLOAT64,
                        RandomKey.of(3),
                        1e-3,
                        0.5);
        Trace q = Handlers.trace(Handlers.seed(g, RandomKey.of(4)));
        Trace p = Handlers.trace(Handlers.seed(Handlers.replay(model, q), RandomKey.of(5)));
        for (var s : p.latentSites()) {
            assertSame(q.get(s.name()).value(), s.value(), "replayed " + s.name());
        }
        assertArrayEquals(
                new int[] {2, 3},
                q.get(MeanFieldGuide.locParam("0.weight")).value().shape().dims());
        assertEquals(0.5, q.get(MeanFieldGuide.locParam("noise")).value().exp().item(), 1e-12);
    }

    @Test
    @DisplayName("a tapped guide tells the model's layers the Gaussian behind every draw")
    void tapRecordsDraws() {
        GuideTap tap = new GuideTap();
        MeanFieldGuide g =
                MeanFieldGuide.random(
                                model.weightShapes(),
                                Likelihood.NOISE_SITE,
                                b,
                                DType.FLOAT64,
                                RandomKey.of(3),
                                0.2,
                                0.5)
                        .withTap(tap);
        Trace q = Handlers.trace(Handlers.seed(g, RandomKey.of(4)));
        Tensor w = q.get("0.weight").value();
        GuideTap.Entry e = tap.lookup(w);
        assertNotNull(e, "the weight draw is tapped");
        assertArrayEquals(
                q.get(MeanFieldGuide.locParam("0.weight")).value().toDoubleArray(),
                e.loc().toDoubleArray(),
                0);
        assertNotNull(tap.lookup(q.get(Likelihood.NOISE_SITE).value()), "the noise is tapped");
        assertNotNull(tap.lookup(q.get(Likelihood.NOISE_SITE).value()).transform());
        assertNull(tap.lookup(w.add(0)), "lookups are by identity");
        // The model with the local estimator computes different outputs than the shared draw.
        BnnModel local = model.withEstimator(Estimator.LOCAL).withTap(tap);
        Trace lp = Handlers.trace(Handlers.seed(Handlers.replay(local, q), RandomKey.of(5)));
        Trace pp = Handlers.trace(Handlers.seed(Handlers.replay(model, q), RandomKey.of(5)));
        assertFalse(
                Arrays.equals(
                        lp.get(Likelihood.MEAN_SITE).value().toDoubleArray(),
                        pp.get(Likelihood.MEAN_SITE).value().toDoubleArray()),
                "local reparameterisation draws its own pre-activations");
    }

    @Test
    @DisplayName("MOPED centres the guide on trained weights with sd = delta |w|")
    void moped() {
        Map<String, Tensor> w = new LinkedHashMap<>();
        model.weightShapes()
                .forEach(
                        (k, s) -> w.put(k, RandomKey.of(k.hashCode()).normal(b, DType.FLOAT64, s)));
        MeanFieldGuide g = MeanFieldGuide.moped(w, Likelihood.NOISE_SITE, 0.3, 0.1);
        Trace q = Handlers.trace(Handlers.seed(g, RandomKey.of(4)));
        Tensor w0 = w.get("2.weight");
        assertArrayEquals(
                w0.toDoubleArray(),
                q.get(MeanFieldGuide.locParam("2.weight")).value().toDoubleArray(),
                0);
        assertArrayEquals(
                w0.abs().mul(0.1).add(1e-6).toDoubleArray(),
                q.get(MeanFieldGuide.scaleParam("2.weight")).value().toDoubleArray(),
                1e-15);
        assertEquals(Math.log(0.3), q.get(MeanFieldGuide.locParam("noise")).value().item(), 1e-12);
    }
}
