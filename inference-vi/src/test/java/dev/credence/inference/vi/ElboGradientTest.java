package dev.credence.inference.vi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.credence.api.backend.Backend;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.model.Plate;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The public gradient hook of SVI: estimates that add over data, and runs fed from a source. */
class ElboGradientTest {
    static final Backend B = GuideRecoveryTest.B;
    static final ConjugateModels C = GuideRecoveryTest.C;

    /** The conjugate regression on rows {@code [from, to)} of its data (no rows: the prior). */
    static Model rows(int from, int to) {
        return ctx -> {
            Tensor w =
                    ctx.sample(
                            "w",
                            new Independent(
                                    new Normal(
                                            Tensor.zeros(B, C.yt.dtype(), 2), C.yt.scalarLike(2)),
                                    1));
            if (to > from) {
                int[] idx = new int[to - from];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = from + i;
                }
                Tensor sel = Tensor.ofInts(B, idx, idx.length);
                try (Plate p = ctx.plate("data", idx.length)) {
                    Tensor x = C.xt.gather(0, sel);
                    Tensor y = C.yt.gather(0, sel);
                    ctx.observe("y", new Normal(x.matmul(w), y.scalarLike(1)), y);
                }
            }
        };
    }

    @Test
    @DisplayName("estimates over two halves of the data, less one prior term, add up to the whole")
    void estimatesAddOverData() {
        Model whole = rows(0, C.n);
        AutoNormal guide = new AutoNormal(whole, RandomKey.of(1));
        ParamSpace space = ParamSpace.discover(whole, guide, RandomKey.of(2));
        List<Tensor> x = new ArrayList<>();
        for (Tensor t : space.initialUnconstrained()) {
            x.add(t.add(0.3));
        }
        RandomKey key = RandomKey.of(3);
        Elbo elbo = new TraceElbo(2);
        ElboGradient all = ElboGradient.of(elbo, whole, guide, space, x, key);
        ElboGradient prior = ElboGradient.of(elbo, rows(0, 0), guide, space, x, key);
        ElboGradient halves =
                ElboGradient.of(elbo, rows(0, 7), guide, space, x, key)
                        .plus(ElboGradient.of(elbo, rows(7, C.n), guide, space, x, key));
        ElboGradient both = all.plus(prior);
        assertEquals(both.elbo(), halves.elbo(), 1e-9 * Math.abs(both.elbo()));
        assertEquals(both.logLikelihood(), halves.logLikelihood(), 1e-9);
        assertEquals(both.kl(), halves.kl(), 1e-9);
        for (int i = 0; i < x.size(); i++) {
            assertArrayEquals(
                    both.lossGrads().get(i).toDoubleArray(),
                    halves.lossGrads().get(i).toDoubleArray(),
                    1e-9,
                    space.names().get(i));
        }
    }

    @Test
    @DisplayName("a run fed by a gradient source equals the plain run bit for bit")
    void sourceRunEqualsPlainRun() {
        RandomKey key = RandomKey.of(5);
        Svi svi = SviTest.minibatchSvi();
        SviResult plain = svi.run(key, SviSettings.of(30), ProgressListener.NONE);
        int[] calls = {0};
        GradientSource counted =
                (s, k) -> {
                    calls[0]++;
                    return SviTest.minibatchSvi().gradient(s, k);
                };
        SviResult fed = svi.run(key, SviSettings.of(30), ProgressListener.NONE, counted);
        assertEquals(30, calls[0]);
        assertArrayEquals(plain.elbo(), fed.elbo());
        for (int i = 0; i < plain.state().params().size(); i++) {
            assertArrayEquals(
                    plain.state().params().get(i).toDoubleArray(),
                    fed.state().params().get(i).toDoubleArray());
        }
    }

    @Test
    @DisplayName("a non-finite gradient from a source stops the run at that step")
    void nonFiniteSourceDiverges() {
        Svi svi = SviTest.minibatchSvi();
        GradientSource bad =
                (s, k) -> {
                    ElboGradient g = svi.gradient(s, k);
                    if (s.step() < 3) {
                        return g;
                    }
                    List<Tensor> nan = new ArrayList<>();
                    for (Tensor t : g.lossGrads()) {
                        nan.add(t.mul(Double.NaN));
                    }
                    return new ElboGradient(g.elbo(), g.logLikelihood(), g.kl(), nan);
                };
        SviDivergedException e =
                assertThrows(
                        SviDivergedException.class,
                        () ->
                                svi.run(
                                        RandomKey.of(1),
                                        SviSettings.of(10),
                                        ProgressListener.NONE,
                                        bad));
        assertEquals(3, e.step());
    }
}
