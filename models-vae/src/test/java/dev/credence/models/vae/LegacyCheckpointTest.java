package dev.credence.models.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint written by version 0.1 of {@code credence vae train} (before the io module; see
 * {@code legacy/README.md}) still reads, with its configuration, history and parameters.
 */
class LegacyCheckpointTest {
    @TempDir Path dir;

    @Test
    @DisplayName("a version-0.1 vae.ckpt reads with its config, metrics and params")
    void reads() throws IOException {
        Path f = dir.resolve("vae.ckpt");
        try (InputStream in = getClass().getResourceAsStream("/legacy/vae.ckpt")) {
            Files.copy(in, f);
        }
        VaeCheckpoint c = VaeCheckpoint.read(f);
        assertEquals(28, c.height());
        assertEquals(28, c.width());
        assertEquals(1, c.epoch());
        assertEquals(548.64599609375, c.history().get(0).trainLoss());
        assertEquals(2, c.config().latent());
        assertEquals(4, c.config().hidden());
        assertEquals(10, c.params().size());
        assertEquals(
                -0.029501479119062424f,
                (float) c.params().get("encoder.hidden.weight").toDoubleArray()[0]);
    }

    @Test
    @DisplayName("a version-0.1 SVI checkpoint of the VAE reads with its step and params")
    void readsSvi() throws IOException {
        Path f = dir.resolve("svi.ckpt");
        try (InputStream in = getClass().getResourceAsStream("/legacy/svi.ckpt")) {
            Files.copy(in, f);
        }
        dev.credence.io.Checkpoint c = dev.credence.io.Checkpoint.read(f);
        assertEquals("credence-svi-1", c.metadata().get("format"));
        assertEquals(2L, ((Number) c.metadata().get("step")).longValue());
        assertEquals(10, ((java.util.List<?>) c.metadata().get("params")).size());
        assertEquals(2, c.array("elbo").toDoubleArray().length);
    }
}
