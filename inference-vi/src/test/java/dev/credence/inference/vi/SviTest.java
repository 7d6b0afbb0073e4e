package dev.credence.inference.vi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.optim.Adam;
import dev.credence.api.optim.Sgd;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SVI loop: resumption, the NaN guard, progress reports. */
class SviTest {
    static final ConjugateModels C = GuideRecoveryTest.C;

    static ProgressListener listener(java.util.function.Consumer<ProgressListener.Svi> c) {
        return new ProgressListener() {
            @Override
            public void onSvi(ProgressListener.Svi p) {
                c.accept(p);
            }
        };
    }

    static Svi minibatchSvi() {
        Model model = C.model(5);
        return new Svi(
                model, new AutoNormal(model, RandomKey.of(1)), Adam.of(0.05), new TraceElbo(2));
    }

    @Test
    @DisplayName("a run resumed from a checkpoint equals the uninterrupted run bit for bit")
    void resumeIsBitExact() {
        MemoryStore dir = new MemoryStore();
        RandomKey key = RandomKey.of(9);
        SviResult whole = minibatchSvi().run(key, SviSettings.of(40), ProgressListener.NONE);

        SviSettings first = new SviSettings(25, 100, 10, dir, false);
        minibatchSvi().run(key, first, ProgressListener.NONE);
        assertEquals(2, dir.saves, "saved at steps 10 and 20");

        List<Long> seen = new ArrayList<>();
        ProgressListener l = listener(p -> seen.add(p.step()));
        SviResult resumed = minibatchSvi().run(key, new SviSettings(40, 1, 10, dir, true), l);
        assertEquals(21L, seen.get(0), "resumed from the checkpoint at step 20");
        assertEquals(40, resumed.state().step());
        for (int i = 0; i < whole.state().params().size(); i++) {
            assertArrayEquals(
                    whole.state().params().get(i).toDoubleArray(),
                    resumed.state().params().get(i).toDoubleArray(),
                    "param " + whole.state().space().names().get(i));
        }
        for (int k = 0; k < whole.state().optimizer().slots().size(); k++) {
            for (int i = 0; i < whole.state().params().size(); i++) {
                assertArrayEquals(
                        whole.state().optimizer().slots().get(k).get(i).toDoubleArray(),
                        resumed.state().optimizer().slots().get(k).get(i).toDoubleArray());
            }
        }
        assertArrayEquals(whole.elbo(), resumed.elbo());
    }

    @Test
    @DisplayName("resuming with another run key is refused")
    void resumeNeedsSameKey() {
        MemoryStore dir = new MemoryStore();
        minibatchSvi()
                .run(
                        RandomKey.of(1),
                        new SviSettings(10, 100, 10, dir, false),
                        ProgressListener.NONE);
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                minibatchSvi()
                                        .run(
                                                RandomKey.of(2),
                                                new SviSettings(20, 100, 10, dir, true),
                                                ProgressListener.NONE));
        assertTrue(e.getMessage().contains("key"), e.getMessage());
    }

    @Test
    @DisplayName(
            "a diverging run stops with the step and the last finite ELBO, keeping the last good state")
    void nanGuard() {
        MemoryStore dir = new MemoryStore();
        Model model = C.model(C.n);
        Svi svi =
                new Svi(model, new AutoNormal(model, RandomKey.of(1)), Sgd.of(5), new TraceElbo());
        var e =
                assertThrows(
                        SviDivergedException.class,
                        () ->
                                svi.run(
                                        RandomKey.of(3),
                                        new SviSettings(5000, 100, 1, dir, false),
                                        ProgressListener.NONE));
        System.out.println("NaN guard: " + e.getMessage());
        assertTrue(e.getMessage().contains("step " + e.step()), e.getMessage());
        assertTrue(e.getMessage().contains("last finite ELBO was "), e.getMessage());
        assertTrue(Double.isFinite(e.lastFiniteElbo()));
        assertEquals(e.step(), e.lastGoodState().step());
        for (Tensor t : e.lastGoodState().params()) {
            for (double v : t.toDoubleArray()) {
                assertTrue(Double.isFinite(v), "last good params are finite");
            }
        }
        SviStep again = svi.step(e.lastGoodState(), RandomKey.of(3));
        assertTrue(!again.ok(), "the failing step fails again from the kept state");
    }

    @Test
    @DisplayName("progress reports carry window averages of the ELBO and its parts")
    void progressReports() {
        List<ProgressListener.Svi> reports = new ArrayList<>();
        ProgressListener l = listener(reports::add);
        minibatchSvi().run(RandomKey.of(4), new SviSettings(50, 20, 0, null, false), l);
        assertEquals(
                List.of(20L, 40L, 50L), reports.stream().map(ProgressListener.Svi::step).toList());
        for (ProgressListener.Svi r : reports) {
            assertEquals(50, r.total());
            assertEquals(r.elbo(), r.logLikelihood() - r.kl(), 1e-9 * Math.abs(r.elbo()) + 1e-9);
            assertTrue(r.stepsPerSecond() > 0);
        }
    }

    @Test
    @DisplayName("settings: checkpoints need a state store")
    void settingsValidate() {
        assertThrows(IllegalArgumentException.class, () -> new SviSettings(10, 1, 5, null, false));
        assertThrows(IllegalArgumentException.class, () -> new SviSettings(-1, 1, 0, null, false));
    }

    @Test
    @DisplayName("a store that cannot save is an error naming the store")
    void checkpointFailure() {
        MemoryStore file = MemoryStore.failing();
        var e =
                assertThrows(
                        UncheckedIOException.class,
                        () ->
                                minibatchSvi()
                                        .run(
                                                RandomKey.of(1),
                                                new SviSettings(2, 100, 1, file, false),
                                                ProgressListener.NONE));
        assertTrue(e.getMessage().contains("memory store"), e.getMessage());
    }
}
