package dev.credence.inference.vi;

import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;

/**
 * An evidence lower bound: a stochastic, differentiable estimate of a lower bound on {@code log
 * p(x)} for a model and a guide (the variational family {@code q}).
 *
 * <p>Both the model and the guide are ordinary {@link Model}s whose learnable quantities are {@code
 * param} sites; {@link Svi} binds those to the values being optimised (with {@link
 * dev.credence.api.model.Handlers#substitute}) before calling {@link #estimate}. Every latent site
 * of the model needs a latent site of the same name in the guide; the guide may have more
 * (auxiliary) latent sites. Plates with subsampling are handled by the model API: the guide draws
 * the minibatch, the model replays it, and log-probabilities inside are scaled by {@code N / B}.
 *
 * <p>Implementations: {@link TraceElbo} (Monte Carlo), {@link TraceMeanFieldElbo} (analytic KL
 * where a rule exists) and {@link ImportanceWeightedElbo} (the tighter IWAE bound).
 */
public interface Elbo {

    /**
     * Estimates the bound.
     *
     * @param model the model, its params already bound
     * @param guide the guide, its params already bound
     * @param key the random key of this estimate
     * @return the estimate and its parts
     */
    ElboEstimate estimate(Model model, Model guide, RandomKey key);

    /**
     * Returns the name used in options and messages.
     *
     * @return {@code trace}, {@code meanfield} or {@code iwae}
     */
    String name();
}
