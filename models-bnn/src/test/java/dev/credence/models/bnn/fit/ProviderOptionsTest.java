package dev.credence.models.bnn.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.infer.Inference;
import dev.credence.api.infer.InferenceConfig;
import dev.credence.api.infer.InferenceProvider;
import dev.credence.api.infer.Inferences;
import dev.credence.api.infer.Option;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.infer.Range;
import dev.credence.api.random.RandomKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Settings pass through the options a provider publishes: typed, range-checked, names known. */
class ProviderOptionsTest {
    private static final Option<Integer> STEPS =
            Option.integer("steps", 10, Range.atLeast(1), "steps");
    private static final Option<String> ELBO =
            Option.choice("elbo", "trace", List.of("trace", "meanfield"), "estimator");

    /** A provider that publishes two options and remembers the configuration it was given. */
    private static final AtomicReference<InferenceConfig> GIVEN = new AtomicReference<>();

    private static final InferenceProvider FAKE =
            new InferenceProvider() {
                @Override
                public String name() {
                    return "fake";
                }

                @Override
                public String description() {
                    return "records its configuration";
                }

                @Override
                public List<Option<?>> options() {
                    return List.of(STEPS, ELBO);
                }

                @Override
                public Inference create(InferenceConfig config) {
                    checkOptions(config);
                    GIVEN.set(config);
                    return model -> null;
                }
            };

    private final Inferences registry = Inferences.of(List.of(FAKE));

    @Test
    @DisplayName("values become their options' types (text and other numbers converted)")
    void typed() {
        ProviderOptions o = ProviderOptions.of(registry, "fake").set("steps", "25");
        o.set("elbo", "MeanField");
        assertEquals(Map.of("steps", 25, "elbo", "meanfield"), o.values());
        o.create(RandomKey.of(1), ProgressListener.NONE);
        assertEquals(25, GIVEN.get().get(STEPS));
        assertEquals("meanfield", GIVEN.get().get(ELBO));
    }

    @Test
    @DisplayName("an unpublished name, a bad value and a missing provider are refused at once")
    void refused() {
        ProviderOptions o = ProviderOptions.of(registry, "fake");
        IllegalArgumentException name =
                assertThrows(IllegalArgumentException.class, () -> o.set("step", 5));
        assertTrue(
                name.getMessage().contains("fake publishes no option 'step'"), name.getMessage());
        assertTrue(name.getMessage().contains("[steps, elbo]"), name.getMessage());
        IllegalArgumentException range =
                assertThrows(IllegalArgumentException.class, () -> o.set("steps", 0));
        assertTrue(range.getMessage().startsWith("fake: option 'steps'"), range.getMessage());
        IllegalArgumentException choice =
                assertThrows(IllegalArgumentException.class, () -> o.set("elbo", "iwae"));
        assertTrue(choice.getMessage().contains("trace|meanfield"), choice.getMessage());
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class, () -> ProviderOptions.of(registry, "svi"));
        assertTrue(missing.getMessage().contains("installed: [fake]"), missing.getMessage());
    }
}
