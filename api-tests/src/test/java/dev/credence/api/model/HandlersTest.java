package dev.credence.api.model;

import static dev.credence.api.dist.DistTesting.B;
import static dev.credence.api.dist.DistTesting.scalar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.DType;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each effect handler, and compositions of them, on one small model. */
class HandlersTest {
    static final RandomKey KEY = RandomKey.of(42);

    /** a ~ N(0, 1); b ~ N(a, 2); c = a + b; y ~ N(b, 1) observed at 0.5; w a param. */
    static final Model MODEL =
            ctx -> {
                Tensor a = ctx.sample("a", Normal.of(B, 0, 1));
                Tensor b = ctx.sample("b", new Normal(a, scalar(2)));
                ctx.deterministic("c", a.add(b));
                ctx.param("w", scalar(0.25), Constraints.positive());
                ctx.observe("y", new Normal(b, scalar(1)), scalar(0.5));
            };

    /** The log joint of MODEL by hand. */
    static double logJoint(double a, double b) {
        return normal(a, 0, 1) + normal(b, a, 2) + normal(0.5, b, 1);
    }

    static double normal(double x, double m, double s) {
        double z = (x - m) / s;
        return -0.5 * z * z - Math.log(s) - 0.5 * Math.log(2 * Math.PI);
    }

    static double v(Trace t, String site) {
        return t.get(site).value().item();
    }

    static Stream<Arguments> cases() {
        Trace guide = Handlers.trace(Handlers.seed(MODEL, RandomKey.of(7)));
        return Stream.of(
                c(
                        "seed + trace record every site in order",
                        m -> Handlers.seed(m, KEY),
                        t -> {
                            assertEquals(
                                    List.of("a", "b", "c", "w", "y"),
                                    t.sites().stream().map(Site::name).toList());
                            assertEquals(
                                    List.of(
                                            SiteKind.SAMPLE,
                                            SiteKind.SAMPLE,
                                            SiteKind.DETERMINISTIC,
                                            SiteKind.PARAM,
                                            SiteKind.OBSERVE),
                                    t.sites().stream().map(Site::kind).toList());
                            assertEquals(v(t, "a") + v(t, "b"), v(t, "c"), 1e-15);
                            assertEquals(0.25, v(t, "w"));
                            assertEquals(
                                    logJoint(v(t, "a"), v(t, "b")), t.logJoint().item(), 1e-12);
                        }),
                c(
                        "condition observes a latent site",
                        m -> Handlers.condition(Handlers.seed(m, KEY), Map.of("a", scalar(1.5))),
                        t -> {
                            assertEquals(SiteKind.OBSERVE, t.get("a").kind());
                            assertEquals(1.5, v(t, "a"));
                            assertEquals(SiteKind.SAMPLE, t.get("b").kind());
                            assertEquals(
                                    List.of("b"),
                                    t.latentSites().stream().map(Site::name).toList());
                        }),
                c(
                        "condition and seed commute",
                        m -> Handlers.seed(Handlers.condition(m, Map.of("a", scalar(1.5))), KEY),
                        t -> assertEquals(1.5, v(t, "a"))),
                c(
                        "substitute sets values without observing",
                        m ->
                                Handlers.substitute(
                                        Handlers.seed(m, KEY),
                                        Map.of("a", scalar(0.7), "w", scalar(3))),
                        t -> {
                            assertEquals(SiteKind.SAMPLE, t.get("a").kind());
                            assertEquals(0.7, v(t, "a"));
                            assertEquals(3, v(t, "w"));
                            assertEquals(0.7 + v(t, "b"), v(t, "c"), 1e-15);
                        }),
                c(
                        "substitute by function sees the message",
                        m ->
                                Handlers.substitute(
                                        Handlers.seed(m, KEY),
                                        msg ->
                                                msg.kind() == SiteKind.PARAM
                                                        ? msg.constraint()
                                                                .check(scalar(-1))
                                                                .cast(DType.FLOAT64)
                                                        : null),
                        t -> assertEquals(0, v(t, "w"))),
                c(
                        "replay takes latent values from another trace",
                        m -> Handlers.replay(Handlers.seed(m, RandomKey.of(99)), guide),
                        t -> {
                            assertEquals(v(guide, "a"), v(t, "a"));
                            assertEquals(v(guide, "b"), v(t, "b"));
                            assertEquals(SiteKind.SAMPLE, t.get("a").kind());
                        }),
                c(
                        "scale multiplies every random site",
                        m -> Handlers.scale(Handlers.seed(m, KEY), 3),
                        t -> {
                            assertEquals(3, t.get("a").scale());
                            assertEquals(
                                    3 * logJoint(v(t, "a"), v(t, "b")), t.logJoint().item(), 1e-12);
                        }),
                c(
                        "nested scales multiply",
                        m -> Handlers.scale(Handlers.scale(Handlers.seed(m, KEY), 2), 0.25),
                        t -> assertEquals(0.5, t.get("y").scale())),
                c(
                        "mask drops log-probability terms",
                        m ->
                                Handlers.mask(
                                        Handlers.seed(m, KEY),
                                        Tensor.zeros(B, DType.FLOAT64).eq(1)),
                        t -> assertEquals(0, t.logJoint().item())),
                c(
                        "block hides named sites from outer handlers",
                        m -> Handlers.block(Handlers.seed(m, KEY), Set.of("a", "c")),
                        t -> {
                            assertFalse(t.contains("a"));
                            assertFalse(t.contains("c"));
                            assertTrue(t.contains("b"));
                        }),
                c(
                        "block hides sites from condition outside it",
                        m ->
                                Handlers.condition(
                                        Handlers.block(Handlers.seed(m, KEY), Set.of("a")),
                                        Map.of("a", scalar(9))),
                        t -> assertFalse(t.contains("a"))),
                c(
                        "condition inside block still applies",
                        m ->
                                Handlers.block(
                                        Handlers.condition(
                                                Handlers.seed(m, KEY), Map.of("b", scalar(9))),
                                        Set.of("a")),
                        t -> {
                            assertEquals(9, v(t, "b"));
                            assertEquals(SiteKind.OBSERVE, t.get("b").kind());
                        }),
                c(
                        "outer condition overrides inner substitute",
                        m ->
                                Handlers.condition(
                                        Handlers.substitute(
                                                Handlers.seed(m, KEY), Map.of("a", scalar(1))),
                                        Map.of("a", scalar(2))),
                        t -> {
                            assertEquals(2, v(t, "a"));
                            assertEquals(SiteKind.OBSERVE, t.get("a").kind());
                        }));
    }

    private static Arguments c(String name, UnaryOperator<Model> handle, Consumer<Trace> check) {
        return Arguments.of(name, handle, check);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void handlerBehaves(String name, UnaryOperator<Model> handle, Consumer<Trace> check) {
        check.accept(Handlers.trace(handle.apply(MODEL)));
    }

    @Test
    void seedIsReproducibleAndKeyed() {
        Trace t1 = Handlers.trace(Handlers.seed(MODEL, KEY));
        Trace t2 = Handlers.trace(Handlers.seed(MODEL, KEY));
        Trace t3 = Handlers.trace(Handlers.seed(MODEL, RandomKey.of(43)));
        assertEquals(v(t1, "a"), v(t2, "a"));
        assertEquals(v(t1, "b"), v(t2, "b"));
        assertNotEquals(v(t1, "a"), v(t3, "a"));
    }

    @Test
    void samplingWithoutAKeyIsAClearError() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> Handlers.trace(MODEL));
        assertTrue(
                e.getMessage().contains("'a'") && e.getMessage().contains("Handlers.seed"),
                e.getMessage());
    }

    @Test
    void duplicateSiteNamesAreAnError() {
        Model twice =
                ctx -> {
                    ctx.sample("x", Normal.of(B, 0, 1));
                    ctx.sample("x", Normal.of(B, 0, 1));
                };
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> Handlers.trace(Handlers.seed(twice, KEY)));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    }

    @Test
    void paramInitialValuesAreValidatedWhenUsed() {
        Model bad = ctx -> ctx.param("w", scalar(-1), Constraints.positive());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Handlers.trace(bad));
        assertTrue(
                e.getMessage().contains("'w'") && e.getMessage().contains("positive"),
                e.getMessage());
        Trace t = Handlers.trace(Handlers.substitute(bad, Map.of("w", scalar(2))));
        assertEquals(2, v(t, "w"));
    }

    @Test
    void invalidObservationsFailWhenThePotentialIsBuilt() {
        Model m =
                ctx -> {
                    Tensor p = ctx.sample("p", dev.credence.api.dist.Beta.of(B, 1, 1));
                    ctx.observe("k", dev.credence.api.dist.Bernoulli.withProbs(p), scalar(2));
                };
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Potential.of(m, KEY));
        assertTrue(e.getMessage().contains("Bernoulli.logProb"), e.getMessage());
    }

    @Test
    void customEffectsPlugIn() {
        final class CountSamples extends Effect {
            int count;

            @Override
            protected void process(Message m) {
                if (m.kind() == SiteKind.SAMPLE) {
                    count++;
                }
            }
        }
        CountSamples counter = new CountSamples();
        Handlers.trace(Handlers.with(Handlers.seed(MODEL, KEY), () -> counter));
        assertEquals(2, counter.count);
    }

    @Test
    void rsampledLatentsCarryGradients() {
        // A guide's sample depends on its parameters, so ELBO gradients flow through trace values.
        Model guide = ctx -> ctx.sample("a", new Normal(ctx.param("m", scalar(0.3)), scalar(1)));
        Tensor g =
                dev.credence.api.autodiff.Autodiff.grad(
                        m ->
                                Handlers.trace(
                                                Handlers.seed(
                                                        Handlers.substitute(guide, Map.of("m", m)),
                                                        KEY))
                                        .get("a")
                                        .value(),
                        scalar(0.3));
        assertArrayEquals(new double[] {1}, g.toDoubleArray());
    }
}
