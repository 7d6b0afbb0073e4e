package dev.credence.inference.vi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.infer.CheckpointHook;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Work at the checkpoints of a run ({@link SviSettings.AtCheckpoint}, and the registry's {@code
 * on-checkpoint} hook): what one long run gives a caller at its epoch boundaries is exactly what
 * separate runs to those steps would return.
 */
class AtCheckpointTest {
    static final RandomKey KEY = RandomKey.of(9);

    @Test
    @DisplayName(
            "each checkpoint's state comes after its save and its report, equals a run stopped"
                    + " there, and stays usable after later steps")
    void statesAtCheckpoints() {
        MemoryStore store = new MemoryStore();
        List<Long> reported = new ArrayList<>();
        List<SviState> seen = new ArrayList<>();
        List<double[]> valuesThen = new ArrayList<>();
        SviSettings settings =
                new SviSettings(30, 7, 10, store, false)
                        .atCheckpoints(
                                s -> {
                                    assertEquals(s.step() / 10, store.saves, "saved first");
                                    assertEquals(s.step(), reported.get(reported.size() - 1));
                                    seen.add(s);
                                    valuesThen.add(s.params().get(0).toDoubleArray());
                                });
        SviResult whole =
                SviTest.minibatchSvi()
                        .run(KEY, settings, SviTest.listener(p -> reported.add(p.step())));

        assertEquals(List.of(7L, 10L, 14L, 20L, 21L, 28L, 30L), reported);
        assertEquals(List.of(10L, 20L, 30L), seen.stream().map(SviState::step).toList());
        assertTrue(whole.steps().startsWith("compiled:"), whole.steps());
        for (int k = 0; k < seen.size(); k++) {
            SviState s = seen.get(k);
            SviResult stopped =
                    SviTest.minibatchSvi()
                            .run(KEY, SviSettings.of(s.step()), ProgressListener.NONE);
            for (int i = 0; i < s.params().size(); i++) {
                assertFalse(s.params().get(i).isReleased(), "step " + s.step() + " param " + i);
                assertArrayEquals(
                        stopped.state().params().get(i).toDoubleArray(),
                        s.params().get(i).toDoubleArray(),
                        "step " + s.step() + " param " + i);
            }
            assertArrayEquals(valuesThen.get(k), s.params().get(0).toDoubleArray());
        }
    }

    @Test
    @DisplayName("work at checkpoints needs checkpoint-every, and runs without a state store")
    void settings() {
        SviSettings.AtCheckpoint none = s -> {};
        assertThrows(
                IllegalArgumentException.class, () -> new SviSettings(10, 1, 0, null, false, none));
        List<Long> steps = new ArrayList<>();
        SviTest.minibatchSvi()
                .run(
                        KEY,
                        new SviSettings(12, 100, 4, null, false, s -> steps.add(s.step())),
                        ProgressListener.NONE);
        assertEquals(List.of(4L, 8L, 12L), steps);
    }

    @Test
    @DisplayName("work that fails stops the run, naming the step")
    void failingWork() {
        SviSettings settings =
                new SviSettings(
                        12,
                        100,
                        4,
                        null,
                        false,
                        s -> {
                            throw new IOException("disk full");
                        });
        UncheckedIOException e =
                assertThrows(
                        UncheckedIOException.class,
                        () -> SviTest.minibatchSvi().run(KEY, settings, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("step 4"), e.getMessage());
        assertEquals("disk full", e.getCause().getMessage());
    }

    @Test
    @DisplayName(
            "the registry's on-checkpoint hook gets the posterior a fit to that step would return,"
                    + " and the last one is the fit's result")
    void registryHook() {
        Map<Long, Map<String, Tensor>> atStep = new LinkedHashMap<>();
        List<Posterior> given = new ArrayList<>();
        CheckpointHook hook =
                (step, post) -> {
                    atStep.put(step, post.params());
                    given.add(post);
                };
        Posterior result = fit(Map.of("steps", 40, "checkpoint-every", 20, "on-checkpoint", hook));
        assertEquals(List.of(20L, 40L), List.copyOf(atStep.keySet()));
        assertSame(given.get(1), result, "the last step's posterior is built once");
        for (var e : atStep.entrySet()) {
            Map<String, Tensor> direct = fit(Map.of("steps", e.getKey())).params();
            assertEquals(direct.keySet(), e.getValue().keySet());
            direct.forEach(
                    (name, v) ->
                            assertArrayEquals(
                                    v.toDoubleArray(),
                                    e.getValue().get(name).toDoubleArray(),
                                    "step " + e.getKey() + " " + name));
        }
    }

    private static Posterior fit(Map<String, Object> options) {
        Map<String, Object> o = new LinkedHashMap<>(options);
        o.put("lr", 0.05);
        return Inferences.discover()
                .create("svi", InferenceConfig.of(o, RandomKey.of(17), null))
                .fit(SviTest.C.model(5));
    }
}
