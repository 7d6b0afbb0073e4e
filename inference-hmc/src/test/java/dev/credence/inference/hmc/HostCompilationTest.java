package dev.credence.inference.hmc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.model.Potential;
import dev.credence.api.model.examples.EightSchools;
import dev.credence.api.random.RandomKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * NUTS evaluates potentials through the host compiler, which this module brings at run time (the
 * {@code credence-compiler} dependency): without it sampling small models is several times slower.
 */
class HostCompilationTest {
    private final Backend b = Backends.discover().select("jvm");

    @Test
    @DisplayName("the sampler's potential is host-compiled on the jvm backend")
    void nutsUsesTheHostCompiler() {
        PotentialDensity d =
                new PotentialDensity(Potential.of(EightSchools.nonCentered(b), RandomKey.of(1)));
        assertTrue(d.isCompiled(), d.notCompiledReason());
        assertTrue(d.compiled().isHostCompiled(), d.compiled().hostReason());
    }
}
