package dev.credence.inference.vi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.model.Plate;
import dev.credence.api.optim.Adam;
import dev.credence.api.optim.Optimizer;
import dev.credence.api.optim.Sgd;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The compiled training step: a compiled run equals the direct run bit for bit (parameters,
 * optimizer slots, every step's ELBO), and a model whose structure depends on sampled values falls
 * back to direct steps, with the same numbers.
 */
class CompiledSviStepTest {
    static final ConjugateModels C = GuideRecoveryTest.C;

    private static SviResult run(Svi svi, int steps) {
        return svi.run(RandomKey.of(21), SviSettings.of(steps), ProgressListener.NONE);
    }

    private static void assertSameRun(SviResult direct, SviResult compiled) {
        assertArrayEquals(direct.elbo(), compiled.elbo(), "every step's ELBO");
        for (int i = 0; i < direct.state().params().size(); i++) {
            assertArrayEquals(
                    direct.state().params().get(i).toDoubleArray(),
                    compiled.state().params().get(i).toDoubleArray(),
                    "param " + direct.state().space().names().get(i));
        }
        for (int k = 0; k < direct.state().optimizer().slots().size(); k++) {
            for (int i = 0; i < direct.state().params().size(); i++) {
                assertArrayEquals(
                        direct.state().optimizer().slots().get(k).get(i).toDoubleArray(),
                        compiled.state().optimizer().slots().get(k).get(i).toDoubleArray(),
                        "optimizer slot " + k + " of param " + i);
            }
        }
        assertEquals(direct.state().optimizer().step(), compiled.state().optimizer().step());
    }

    private static void checkCompiledEqualsDirect(Supplier<Svi> svi, int steps) {
        SviResult direct = run(svi.get().compiled(false), steps);
        SviResult compiled = run(svi.get(), steps);
        assertTrue(direct.steps().startsWith("direct"), direct.steps());
        assertTrue(
                compiled.steps().startsWith("compiled: " + (steps - 3) + " steps replayed"),
                compiled.steps());
        assertSameRun(direct, compiled);
    }

    @Test
    @DisplayName("a compiled run with minibatches, random draws and Adam equals the direct run")
    void minibatchAdamIsBitExact() {
        Model model = C.model(5);
        checkCompiledEqualsDirect(
                () ->
                        new Svi(
                                model,
                                new AutoNormal(model, RandomKey.of(1)),
                                Adam.of(0.05),
                                new TraceElbo(2)),
                30);
    }

    @Test
    @DisplayName("a compiled full-rank guide with SGD equals the direct run")
    void fullRankSgdIsBitExact() {
        Model model = C.model(C.n);
        Optimizer sgd = Sgd.of(0.01);
        checkCompiledEqualsDirect(
                () ->
                        new Svi(
                                model,
                                new AutoMultivariateNormal(model, RandomKey.of(2)),
                                sgd,
                                new TraceElbo(1)),
                12);
    }

    /** A model that observes one of two likelihoods, chosen by the sign of a sampled weight. */
    private static Model branching() {
        return ctx -> {
            Tensor w =
                    ctx.sample(
                            "w",
                            new Independent(
                                    new Normal(
                                            Tensor.zeros(C.b, C.yt.dtype(), C.d),
                                            Tensor.full(C.b, C.tau, C.yt.dtype(), C.d)),
                                    1));
            boolean positive = w.toDoubleArray()[0] > 0;
            try (Plate p = ctx.plate("data", C.n, C.n)) {
                Tensor mean = C.xt.matmul(w);
                Tensor scale = C.yt.scalarLike(positive ? C.sigma : 2 * C.sigma);
                ctx.observe("y", new Normal(positive ? mean : mean.neg(), scale), C.yt);
            }
        };
    }

    @Test
    @DisplayName("a model that branches on a sampled value runs directly, with the same numbers")
    void branchingModelFallsBack() {
        Model model = branching();
        Supplier<Svi> svi =
                () ->
                        new Svi(
                                model,
                                new AutoNormal(model, RandomKey.of(3)),
                                Adam.of(0.05),
                                new TraceElbo(1));
        SviResult direct = run(svi.get().compiled(false), 10);
        SviResult compiled = run(svi.get(), 10);
        assertTrue(compiled.steps().startsWith("direct: "), compiled.steps());
        assertTrue(compiled.steps().contains("host"), compiled.steps());
        assertSameRun(direct, compiled);
    }
}
