package dev.credence.models.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.Site;
import dev.credence.api.model.SiteKind;
import dev.credence.api.model.Trace;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The structure of the VAE's model and guide: sites, shapes, plate scales, the beta weight. */
class VaeModelTest {
    static final Backend B = Backends.discover().select("jvm");
    static final int N = 50;
    static final int BATCH = 10;
    static final int PIXELS = 12;
    static final Tensor X = RandomKey.of(1).uniform(B, DType.FLOAT32, N, PIXELS);

    static VaeConfig config(double beta, Likelihood likelihood) {
        return VaeConfig.builder().latent(3).hidden(16).beta(beta).likelihood(likelihood).build();
    }

    static Trace[] run(VaeConfig c) {
        Vae vae = new Vae(c, PIXELS);
        Map<String, Tensor> init = vae.initialParams(B, RandomKey.of(2));
        Model guide = vae.guide(X, BATCH, init);
        Model model = vae.model(X, BATCH, init);
        Trace g = Handlers.trace(Handlers.seed(guide, RandomKey.of(3)));
        Trace m = Handlers.trace(Handlers.seed(Handlers.replay(model, g), RandomKey.of(4)));
        return new Trace[] {g, m};
    }

    @Test
    @DisplayName(
            "the guide is the encoder over a subsampled plate; the model replays its minibatch")
    void sitesAndShapes() {
        Trace[] t = run(config(1, Likelihood.BERNOULLI));
        Trace g = t[0];
        Trace m = t[1];
        assertEquals(
                java.util.List.of(
                        "encoder.hidden.weight",
                        "encoder.hidden.bias",
                        "encoder.loc.weight",
                        "encoder.loc.bias",
                        "encoder.logvar.weight",
                        "encoder.logvar.bias"),
                g.sites().stream()
                        .filter(s -> s.kind() == SiteKind.PARAM)
                        .map(Site::name)
                        .toList());
        assertEquals(
                java.util.List.of(
                        "decoder.0.weight", "decoder.0.bias", "decoder.2.weight", "decoder.2.bias"),
                m.sites().stream()
                        .filter(s -> s.kind() == SiteKind.PARAM)
                        .map(Site::name)
                        .toList());

        int[] idx = g.get(Vae.DATA_PLATE).subsample();
        assertEquals(BATCH, idx.length);
        assertArrayEquals(idx, m.get(Vae.DATA_PLATE).subsample(), "the model replays the batch");

        Site qz = g.get(Vae.LATENT);
        Site pz = m.get(Vae.LATENT);
        assertTrue(qz.isLatent() && pz.isLatent());
        assertEquals(Shape.of(BATCH, 3), qz.value().shape());
        assertSame(qz.value(), pz.value(), "the model's z is the guide's draw");
        assertEquals(Shape.of(BATCH), qz.distribution().batchShape());
        assertEquals(Shape.of(3), qz.distribution().eventShape());
        assertEquals(Shape.of(BATCH), pz.distribution().batchShape());
        assertEquals(-1, qz.plates().get(0).dim());

        Site x = m.get(Vae.OBSERVED);
        assertTrue(x.isObserved());
        assertEquals(Shape.of(BATCH), x.distribution().batchShape());
        assertEquals(Shape.of(PIXELS), x.distribution().eventShape());
        assertArrayEquals(
                X.gather(0, Tensor.ofInts(B, idx, BATCH)).toFloatArray(), x.value().toFloatArray());
        assertEquals(Shape.of(BATCH), x.logProb().shape());
    }

    @Test
    @DisplayName("every random site is scaled by N / B; beta scales z in model and guide alike")
    void plateScaleAndBeta() {
        double nb = (double) N / BATCH;
        Trace[] plain = run(config(1, Likelihood.BERNOULLI));
        assertEquals(nb, plain[0].get(Vae.LATENT).scale());
        assertEquals(nb, plain[1].get(Vae.LATENT).scale());
        assertEquals(nb, plain[1].get(Vae.OBSERVED).scale());

        Trace[] beta = run(config(4, Likelihood.BERNOULLI));
        assertEquals(4 * nb, beta[0].get(Vae.LATENT).scale());
        assertEquals(4 * nb, beta[1].get(Vae.LATENT).scale());
        assertEquals(nb, beta[1].get(Vae.OBSERVED).scale(), "beta leaves the likelihood alone");
    }

    @Test
    @DisplayName("paramShapes lists what initialParams draws; the Gaussian adds a positive scale")
    void paramShapes() {
        for (Likelihood l : Likelihood.values()) {
            Vae vae = new Vae(config(1, l), PIXELS);
            Map<String, Tensor> init = vae.initialParams(B, RandomKey.of(0));
            Map<String, Shape> shapes = new LinkedHashMap<>();
            init.forEach((k, v) -> shapes.put(k, v.shape()));
            assertEquals(vae.paramShapes(), shapes, l.toString());
            vae.checkParams(init);
        }
        Trace[] t = run(config(1, Likelihood.GAUSSIAN));
        Site s = t[1].get(Likelihood.SCALE_SITE);
        assertEquals(SiteKind.PARAM, s.kind());
        assertSame(Constraints.positive(), s.constraint());

        Vae vae = new Vae(config(1, Likelihood.BERNOULLI), PIXELS);
        Map<String, Tensor> init = new LinkedHashMap<>(vae.initialParams(B, RandomKey.of(0)));
        init.remove("decoder.2.bias");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> vae.checkParams(init));
        assertTrue(e.getMessage().contains("decoder.2.bias"), e.getMessage());
    }

    @Test
    @DisplayName("images of the wrong width or dtype are refused with the expected shape")
    void badImages() {
        Vae vae = new Vae(config(1, Likelihood.BERNOULLI), PIXELS);
        Map<String, Tensor> init = vae.initialParams(B, RandomKey.of(0));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> vae.model(Tensor.zeros(B, DType.FLOAT32, 5, 7), 2, init));
        assertTrue(e.getMessage().contains("[N, 12]"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> vae.guide(Tensor.zeros(B, DType.FLOAT64, 5, PIXELS), 2, init));
        assertThrows(IllegalArgumentException.class, () -> vae.guide(X, N + 1, init));
    }
}
