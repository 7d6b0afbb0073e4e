package dev.credence.spark;

import dev.credence.inference.vi.Elbo;
import java.io.Serializable;

/**
 * Makes the objective of a distributed SVI run on each executor: {@code () -> new TraceElbo(1)}.
 */
@FunctionalInterface
public interface ElboFactory extends Serializable {

    /**
     * Makes the objective.
     *
     * @return the ELBO
     */
    Elbo create();
}
