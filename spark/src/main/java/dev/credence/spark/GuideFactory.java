package dev.credence.spark;

import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import java.io.Serializable;

/**
 * Builds the guide of a distributed SVI run from a model over a few rows, the same way on the
 * driver and on every executor; an automatic guide's constructor fits: {@code AutoNormal::new}. The
 * guide must have the same params whatever the rows (global latent variables only).
 */
@FunctionalInterface
public interface GuideFactory extends Serializable {

    /**
     * Builds the guide.
     *
     * @param prototype the model over a few rows
     * @param key the key of the guide's prototype runs and initial values
     * @return the guide
     */
    Model guide(Model prototype, RandomKey key);
}
