package dev.credence.api.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.Normal;
import dev.credence.api.model.examples.EightSchools;
import dev.credence.api.model.examples.LogisticRegression;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Program;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Recorded programs replay exactly, and recordings that would be unsafe to replay are refused.
 * These tests run without the host compiler (this module excludes {@code credence-compiler}), so
 * they check the replay on the backend; the compiler module checks the host-compiled path.
 */
class CompiledPotentialTest {
    private final Backend b = Backends.discover().select("jvm");

    private void replaysExactly(Model m) {
        Potential p = Potential.of(m, RandomKey.of(1));
        CompiledPotential cp = CompiledPotential.of(p, RandomKey.of(2));
        assertTrue(cp.isCompiled(), "not compiled: " + cp.reason());
        for (int i = 0; i < 5; i++) {
            Tensor x = p.initialPoint(RandomKey.of(10 + i)).mul(1.5);
            double[] g = new double[p.dimension()];
            double v = cp.valueAndGradient(x.toDoubleArray(), g);
            Potential.ValueAndGradient direct = p.valueAndGradient(x);
            assertEquals(direct.value(), v, 0, "value");
            assertArrayEquals(direct.gradient().toDoubleArray(), g, 0, "gradient");
        }
    }

    @Test
    @DisplayName("without a program compiler installed, calls replay the recording and say why")
    void noCompilerReplays() {
        CompiledPotential cp =
                CompiledPotential.of(
                        Potential.of(EightSchools.nonCentered(b), RandomKey.of(1)),
                        RandomKey.of(2));
        assertTrue(cp.isCompiled(), "not compiled: " + cp.reason());
        assertFalse(cp.isHostCompiled());
        assertTrue(cp.hostReason().contains("no program compiler is installed"), cp.hostReason());
    }

    @Test
    @DisplayName("eight schools: replay equals direct evaluation bit for bit")
    void eightSchools() {
        replaysExactly(EightSchools.nonCentered(b));
        replaysExactly(EightSchools.centered(b));
    }

    @Test
    @DisplayName("logistic regression: replay equals direct evaluation bit for bit")
    void logistic() {
        RandomKey k = RandomKey.of(3);
        Tensor x = k.fold(1).normal(b, DType.FLOAT64, 50, 4);
        Tensor y = k.fold(2).uniform(b, DType.FLOAT64, 50).lt(0.5).cast(DType.FLOAT64);
        replaysExactly(new LogisticRegression(x, y));
    }

    @Test
    @DisplayName("a model that branches on a sampled value is not compiled, and says why")
    void valueDependent() {
        Model m =
                ctx -> {
                    Tensor mu = ctx.sample("mu", Normal.of(b, 0, 1));
                    Tensor s = ctx.sample("s", HalfNormal.of(b, 1));
                    Tensor loc = mu.item() > 0 ? mu : mu.mul(2.0);
                    try (Plate p = ctx.plate("data", 3)) {
                        ctx.observe(
                                "y",
                                new Normal(loc, s),
                                Tensor.of(b, new double[] {0.1, 0.5, -0.2}, 3));
                    }
                };
        CompiledPotential cp =
                CompiledPotential.of(Potential.of(m, RandomKey.of(1)), RandomKey.of(2));
        assertFalse(cp.isCompiled());
        assertTrue(cp.reason().contains("read the values"), cp.reason());
        double[] g = new double[2];
        double v = cp.valueAndGradient(new double[] {0.3, 0.1}, g);
        assertTrue(Double.isFinite(v), "falls back to direct evaluation");
    }

    @Test
    @DisplayName("a program records forward and backward primitives and drops dead steps")
    void program() {
        Tensor x0 = Tensor.of(b, new double[] {0.5, -1.0, 2.0}, 3);
        java.util.function.Function<Tensor, Tensor> f = x -> x.softplus().mul(x.sin()).sum();
        Program p =
                Program.record(
                        x0,
                        x -> {
                            var r = Autodiff.valueAndGrad(xs -> f.apply(xs.get(0)), List.of(x));
                            Tensor unused = x.exp().exp();
                            return List.of(r.value(), r.grads().get(0));
                        });
        assertEquals(null, p.notReplayableReason());
        Tensor x1 = Tensor.of(b, new double[] {-0.3, 0.8, 1.1}, 3);
        var out = p.run(b, x1.buffer());
        var direct = Autodiff.valueAndGrad(xs -> f.apply(xs.get(0)), List.of(x1));
        assertEquals(direct.value().item(), b.toDoubles(out[0])[0], 0);
        assertArrayEquals(direct.grads().get(0).toDoubleArray(), b.toDoubles(out[1]), 0);
        assertFalse(
                p.signature().contains("UNARY(EXP)[0]"),
                "dead steps are dropped: " + p.signature());
    }

    @Test
    @DisplayName("constants captured by a recording survive the scope that created them")
    void constantsArePinned() {
        Tensor x0 = Tensor.of(b, new double[] {1, 2}, 2);
        Tensor[] constant = new Tensor[1];
        Program p;
        try (dev.credence.api.tensor.TensorScope scope =
                dev.credence.api.tensor.TensorScope.open()) {
            p =
                    Program.record(
                            x0,
                            x -> {
                                constant[0] = Tensor.of(b, new double[] {10, 20}, 2);
                                return List.of(x.mul(constant[0]));
                            });
        }
        assertFalse(
                constant[0].isReleased(), "a program's constant must not be released by its scope");
        Tensor x1 = Tensor.of(b, new double[] {3, 4}, 2);
        assertArrayEquals(new double[] {30, 80}, b.toDoubles(p.run(b, x1.buffer())[0]), 0);
    }
}
