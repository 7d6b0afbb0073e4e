package dev.credence.api.infer;

import dev.credence.api.model.Model;

/** A configured inference algorithm, ready to fit models. */
@FunctionalInterface
public interface Inference {
    /**
     * Infers the posterior of a model's latent variables given the data it observes.
     *
     * @param model the model (its data captured inside it)
     * @return the posterior
     */
    Posterior fit(Model model);
}
