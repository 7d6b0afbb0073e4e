package dev.credence.api.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.random.RandomKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Typed inference options: parsing, ranges, choices, and the messages made from the schema. */
class OptionTest {
    static final Option<Integer> CHAINS =
            Option.integer("chains", 4, Range.closed(1, 64), "number of chains");
    static final Option<Double> DELTA =
            Option.real("adapt-delta", 0.8, Range.open(0, 1), "target acceptance");
    static final Option<Boolean> DENSE = Option.flag("dense-metric", false, "dense metric");
    static final Option<String> GUIDE =
            Option.choice("guide", "normal", List.of("normal", "mvn"), "guide");
    static final Option<StateStore> STORE = Option.object("state-store", StateStore.class, "store");

    /** A provider with the options above, for the checks. */
    static final InferenceProvider PROVIDER =
            new InferenceProvider() {
                @Override
                public String name() {
                    return "fake";
                }

                @Override
                public String description() {
                    return "for tests";
                }

                @Override
                public List<Option<?>> options() {
                    return List.of(CHAINS, DELTA, DENSE, GUIDE, STORE);
                }

                @Override
                public Inference create(InferenceConfig config) {
                    checkOptions(config);
                    return model -> null;
                }
            };

    @Test
    @DisplayName("typed values and text both read, converted to the option's type")
    void values() {
        InferenceConfig c =
                InferenceConfig.of(
                        Map.of("chains", "2", "adapt-delta", 0.95f, "dense-metric", "TRUE"),
                        RandomKey.of(1),
                        null);
        assertEquals(2, c.get(CHAINS));
        assertEquals(0.95f, c.get(DELTA), 1e-7);
        assertEquals(true, c.get(DENSE));
        assertEquals("normal", c.get(GUIDE), "the default");
        assertEquals("mvn", c.with("guide", "MVN").get(GUIDE), "choices ignore case");
        assertEquals(3, c.with("chains", 3L).get(CHAINS), "a long that fits");
        assertNull(c.get(STORE));
    }

    @Test
    @DisplayName("a bad value names the option, what it allows and what was given")
    void messages() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                PROVIDER.create(
                                        InferenceConfig.of(RandomKey.of(1))
                                                .with("adapt-delta", 1)));
        assertEquals(
                "fake: option 'adapt-delta' must be a number in (0, 1), found 1", e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                InferenceConfig.of(RandomKey.of(1))
                                        .with("chains", "two")
                                        .get(CHAINS));
        assertEquals("option 'chains' must be an integer in [1, 64], found 'two'", e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                PROVIDER.create(
                                        InferenceConfig.of(RandomKey.of(1)).with("guide", "x")));
        assertTrue(e.getMessage().contains("must be one of normal|mvn, found 'x'"), e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                PROVIDER.create(
                                        InferenceConfig.of(RandomKey.of(1))
                                                .with("state-store", "f")));
        assertTrue(e.getMessage().contains("a StateStore (set by programs"), e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                PROVIDER.create(
                                        InferenceConfig.of(RandomKey.of(1)).with("chain", 2)));
        assertEquals(
                "unknown option 'chain' for fake; known options: [chains, adapt-delta,"
                        + " dense-metric, guide, state-store]",
                e.getMessage());
    }

    @Test
    @DisplayName("declarations are checked: names, and defaults inside their range")
    void declarations() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Option.integer("Chains", 4, Range.atLeast(1), ""));
        assertThrows(
                IllegalArgumentException.class,
                () -> Option.real("lr", 0, Range.greaterThan(0), ""));
        assertEquals("[0, inf)", Range.atLeast(0).toString());
        assertEquals("(0, 0.5]", new Range(0, true, 0.5, false).toString());
        assertTrue(!Range.open(0, 1).contains(Double.NaN));
    }
}
