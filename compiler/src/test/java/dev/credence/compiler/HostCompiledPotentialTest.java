package dev.credence.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.compile.ProgramCompiler;
import dev.credence.api.dist.Normal;
import dev.credence.api.model.CompiledPotential;
import dev.credence.api.model.Model;
import dev.credence.api.model.Potential;
import dev.credence.api.model.examples.EightSchools;
import dev.credence.api.model.examples.LogisticRegression;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Scan;
import dev.credence.api.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * With this module on the path, the api finds the host compiler through {@link
 * java.util.ServiceLoader}, and {@link CompiledPotential} runs host-compiled programs that give the
 * direct evaluation's values bit for bit on the pure-Java backend.
 */
class HostCompiledPotentialTest {
    private final Backend b = Backends.discover().select("jvm");

    @Test
    @DisplayName("the api finds this module's compiler as its installed ProgramCompiler")
    void installed() {
        ProgramCompiler c = ProgramCompiler.installed().orElseThrow();
        assertInstanceOf(HostProgramCompiler.class, c);
        assertEquals("host", c.name());
    }

    private void hostCompiledExactly(Model m) {
        Potential p = Potential.of(m, RandomKey.of(1));
        CompiledPotential cp = CompiledPotential.of(p, RandomKey.of(2));
        assertTrue(cp.isHostCompiled(), "not host-compiled: " + cp.hostReason());
        for (int i = 0; i < 5; i++) {
            Tensor x = p.initialPoint(RandomKey.of(10 + i)).mul(1.5);
            double[] q = x.toDoubleArray();
            double[] g = new double[p.dimension()];
            double v = cp.valueAndGradient(q, g);
            Potential.ValueAndGradient direct = p.valueAndGradient(x);
            assertEquals(direct.value(), v, 0, "value");
            assertArrayEquals(direct.gradient().toDoubleArray(), g, 0, "gradient");
            double[] want = flat(p.constrain(x));
            assertArrayEquals(want, cp.constrainedValues(q), 0, "constrained values");
        }
    }

    private static double[] flat(Map<String, Tensor> sites) {
        return sites.values().stream()
                .flatMapToDouble(t -> java.util.Arrays.stream(t.toDoubleArray()))
                .toArray();
    }

    @Test
    @DisplayName(
            "eight schools, both parameterisations: host-compiled, equal to direct bit for bit")
    void eightSchools() {
        hostCompiledExactly(EightSchools.nonCentered(b));
        hostCompiledExactly(EightSchools.centered(b));
    }

    @Test
    @DisplayName("logistic regression: host-compiled, equal to direct bit for bit")
    void logistic() {
        RandomKey k = RandomKey.of(3);
        Tensor x = k.fold(1).normal(b, DType.FLOAT64, 50, 4);
        Tensor y = k.fold(2).uniform(b, DType.FLOAT64, 50).lt(0.5).cast(DType.FLOAT64);
        hostCompiledExactly(new LogisticRegression(x, y));
    }

    @Test
    @DisplayName("a recurrence written with a scan: host-compiled, equal to direct bit for bit")
    void recurrence() {
        double[] y = RandomKey.of(4).normalDoubles(40);
        Model m =
                ctx -> {
                    Tensor rho = ctx.sample("rho", Normal.of(b, 0, 0.5));
                    Tensor data = Tensor.of(b, y);
                    Tensor level =
                            Scan.scan(
                                    (l, obs) -> l.mul(rho).add(obs),
                                    Tensor.scalar(b, 0, DType.FLOAT64),
                                    data.narrow(0, 0, y.length - 1));
                    ctx.observe(
                            "y",
                            new Normal(level, Tensor.scalar(b, 1, DType.FLOAT64)),
                            data.narrow(0, 1, y.length));
                };
        hostCompiledExactly(m);
    }

    @Test
    @DisplayName("credence.hostCompile=false turns host compilation off, and the reason says so")
    void switchedOff() {
        String before = System.getProperty("credence.hostCompile");
        System.setProperty("credence.hostCompile", "false");
        try {
            CompiledPotential cp =
                    CompiledPotential.of(
                            Potential.of(EightSchools.nonCentered(b), RandomKey.of(1)),
                            RandomKey.of(2));
            assertTrue(cp.isCompiled(), cp.reason());
            assertFalse(cp.isHostCompiled());
            assertTrue(cp.hostReason().contains("credence.hostCompile"), cp.hostReason());
        } finally {
            if (before == null) {
                System.clearProperty("credence.hostCompile");
            } else {
                System.setProperty("credence.hostCompile", before);
            }
        }
    }
}
