package dev.credence.api.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Program#optimized}: less work, the same bits. */
class ProgramPassesTest {
    private final Backend b = Backends.discover().select("jvm");

    /** Two equal scalars, a step on constants alone, and a step computed twice. */
    private Program recording(Tensor x0, Tensor data) {
        return Program.record(
                x0,
                x -> {
                    Tensor twice = data.mul(2.0).exp(); // constants only: folded
                    Tensor a = x.mul(data).add(1.5); // 1.5 twice: one constant
                    Tensor b2 = x.mul(data).add(1.5); // the same steps again: dropped
                    return List.of(a.add(b2).mul(twice).sum(), a.mul(b2), x);
                });
    }

    @Test
    @DisplayName("the optimised program has fewer steps and equal outputs bit for bit")
    void sameResultsFewerSteps() {
        Tensor data = Tensor.of(b, new double[] {0.5, -1.25, 3.0}, 3);
        Tensor x0 = Tensor.of(b, new double[] {1, 2, 3}, 3);
        Program plain = recording(x0, data);
        Program opt = recording(x0, data).optimized(b);
        assertTrue(opt.size() < plain.size(), opt.size() + " steps vs " + plain.size());
        assertEquals(plain.size() - 4, opt.size(), "mul and exp folded, mul and add dropped");
        assertTrue(opt.isInputOutput(2) && !opt.isFreshOutput(2), "x passes through");
        assertFalse(opt.isInputOutput(0));
        for (double[] x : new double[][] {{0.1, -7, 2e-3}, {1e300, -0.0, Double.NaN}}) {
            Buffer in = Tensor.of(b, x, 3).buffer();
            Buffer[] want = plain.run(b, in);
            Buffer[] got = opt.run(b, in);
            for (int i = 0; i < want.length; i++) {
                assertArrayEquals(b.toDoubles(want[i]), b.toDoubles(got[i]), "output " + i);
            }
        }
        plain.close();
        opt.close();
    }

    @Test
    @DisplayName("tensors made from one fed draw share a slot, so their gathers merge")
    void oneDrawOneGather() {
        Tensor data = Tensor.of(b, new double[] {0.5, -1.25, 3.0}, 3);
        Tensor x0 = Tensor.of(b, new double[] {2}, 1);
        // as a plate does: the draw is declared once, and the model and the guide each make the
        // index tensor from it; the feed remakes it for each replayed run
        Feed indices =
                (be, run) -> be.fromInts(new int[] {(int) (run % 3), 1}, Shape.of(2), DType.INT32);
        Program plain =
                Program.record(
                        List.of(x0),
                        0,
                        xs -> {
                            int[] idx = {0, 1};
                            Recording.feedInts(idx, indices);
                            Tensor fromModel = data.gather(0, Tensor.ofInts(b, idx, 2));
                            Tensor fromGuide = data.gather(0, Tensor.ofInts(b, idx, 2));
                            Tensor x = xs.get(0);
                            return List.of(fromModel.mul(x).add(fromGuide.mul(x)));
                        });
        Program opt = plain.optimized(b);
        assertEquals(5, plain.size(), "two gathers and two products, then the sum");
        assertEquals(3, opt.size(), "one gather, one product, the sum");
        Buffer in = x0.buffer();
        for (long run = 0; run < 3; run++) {
            double[] want = {2 * 2 * new double[] {0.5, -1.25, 3.0}[(int) run], 2 * 2 * -1.25};
            assertArrayEquals(want, b.toDoubles(opt.run(b, new Buffer[] {in}, run)[0]));
            assertArrayEquals(want, b.toDoubles(plain.run(b, new Buffer[] {in}, run)[0]));
        }
        plain.close();
        opt.close();
    }
}
