package dev.credence.models.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.DType;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Options in and out of {@link VaeConfig}, and the errors users see. */
class VaeConfigTest {
    @Test
    @DisplayName("the defaults are the reference VAE")
    void defaults() {
        VaeConfig c = VaeConfig.defaults();
        assertEquals(20, c.latent());
        assertEquals(400, c.hidden());
        assertEquals(Likelihood.BERNOULLI, c.likelihood());
        assertEquals(DType.FLOAT32, c.dtype());
        assertEquals(128, c.batchSize());
        assertEquals(1e-3, c.learningRate());
        assertEquals(20, c.epochs());
        assertTrue(c.analyticKl());
        assertFalse(c.iwae());
    }

    @Test
    @DisplayName("options round-trip, and a resumed run may differ only in epochs and evaluation")
    void roundTrip() {
        VaeConfig c =
                VaeConfig.fromOptions(
                        Map.of(
                                "latent", "2",
                                "likelihood", "cb",
                                "particles", "5",
                                "kl", "mc",
                                "dtype", "float64",
                                "lr", "0.003",
                                "seed", "9"));
        assertEquals(Likelihood.CONTINUOUS_BERNOULLI, c.likelihood());
        assertEquals(DType.FLOAT64, c.dtype());
        assertTrue(c.iwae());
        assertFalse(c.analyticKl());
        assertEquals(c, VaeConfig.fromOptions(c.toOptions()));
        assertEquals(VaeConfig.OPTIONS, java.util.List.copyOf(c.toOptions().keySet()));

        VaeConfig longer = c.toBuilder().epochs(50).evalSamples(10).build();
        assertTrue(c.sameTraining(longer));
        assertFalse(c.sameTraining(c.toBuilder().learningRate(0.01).build()));
    }

    @Test
    @DisplayName("bad options name the option and what was found")
    void errors() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> VaeConfig.fromOptions(Map.of("latnet", "2")));
        assertTrue(e.getMessage().contains("latnet") && e.getMessage().contains("latent"));
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> VaeConfig.fromOptions(Map.of("hidden", "lots")));
        assertTrue(e.getMessage().contains("hidden") && e.getMessage().contains("lots"));
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> VaeConfig.fromOptions(Map.of("likelihood", "poisson")));
        assertTrue(e.getMessage().contains("continuous-bernoulli"), e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> VaeConfig.builder().particles(4).beta(2).build());
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VaeConfig.builder().latent(0).build());
        assertThrows(IllegalArgumentException.class, () -> VaeConfig.builder().beta(-1).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> VaeConfig.builder().dtype(DType.INT32).build());
    }
}
