package dev.credence.api.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.Buffer;
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
}
