package dev.credence.inference.hmc;

import dev.credence.api.backend.Backend;
import dev.credence.api.model.CompiledPotential;
import dev.credence.api.model.Potential;
import dev.credence.api.random.RandomKey;
import java.util.Optional;

/**
 * A model's unconstrained {@link Potential} seen as a {@link LogDensity} on double arrays. The
 * potential is compiled ({@link CompiledPotential}) when its evaluation can be replayed, which
 * removes the per-operation overhead of running the model and its tape on every leapfrog step;
 * otherwise each call evaluates it directly.
 */
public final class PotentialDensity implements LogDensity {
    private final CompiledPotential potential;

    /**
     * Wraps a potential, compiling it if possible.
     *
     * @param potential the model's potential
     */
    public PotentialDensity(Potential potential) {
        this.potential = CompiledPotential.of(potential, RandomKey.of(0x5eed));
    }

    /**
     * Tells whether evaluation replays a recording (see {@link CompiledPotential}).
     *
     * @return true if compiled
     */
    public boolean isCompiled() {
        return potential.isCompiled();
    }

    /**
     * Why the potential is evaluated directly, or null if it is compiled.
     *
     * @return the reason
     */
    public String notCompiledReason() {
        return potential.reason();
    }

    /**
     * Returns the compiled potential, for mapping draws back to the constrained sites.
     *
     * @return the compiled potential
     */
    public CompiledPotential compiled() {
        return potential;
    }

    @Override
    public int dimension() {
        return potential.potential().dimension();
    }

    @Override
    public double logDensity(double[] q, double[] grad) {
        return potential.valueAndGradient(q, grad);
    }

    @Override
    public Optional<Backend> backend() {
        return Optional.of(potential.potential().backend());
    }
}
