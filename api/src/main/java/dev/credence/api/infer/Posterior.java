package dev.credence.api.infer;

import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A fitted posterior, the same interface for MCMC draws and for variational guides.
 *
 * <pre>{@code
 * Posterior post = Inferences.discover().create("nuts", InferenceConfig.of(key)).fit(model);
 * Map<String, Tensor> theta = post.sample(key, 1000);          // [1000, ...] per latent site
 * Map<String, Tensor> yNew = post.predictive(predictionModel, key, 1000);
 * post.summary().forEach(System.out::println);
 * }</pre>
 */
public interface Posterior {

    /**
     * Draws latent sites from the posterior (MCMC: resamples the stored draws; VI: samples the
     * guide).
     *
     * @param key the random key
     * @param n the number of draws
     * @return one tensor per latent site with a leading axis of size {@code n}
     */
    Map<String, Tensor> sample(RandomKey key, int n);

    /**
     * The fitted values of the param sites this posterior binds (a variational posterior's guide
     * and model params), constrained, by site name. Reading a trained network's weights this way
     * costs nothing, where a {@link #predictive} of a model that only declares them would also
     * sample every latent site of the guide (for an amortised guide, its encoder over the whole
     * data set).
     *
     * @return the params by name; empty for posteriors without params (MCMC draws)
     */
    default Map<String, Tensor> params() {
        return Map.of();
    }

    /**
     * The posterior predictive: runs {@code model} once per posterior draw with the latent sites
     * fixed at the draw, recording every site. Sites the model does not observe (for example
     * outputs at new inputs) are simulated.
     *
     * @param model the model to predict with (typically the fitted model built on new inputs,
     *     without observations)
     * @param key the random key
     * @param n the number of draws
     * @return every site's values with a leading axis of size {@code n}
     */
    default Map<String, Tensor> predictive(Model model, RandomKey key, int n) {
        RandomKey[] k = key.split(2);
        return Predictive.run(model, sample(k[0], n), k[1]);
    }

    /**
     * The draws as a chain x draw x parameter table (VI posteriors produce one chain of {@code n}
     * independent draws).
     *
     * @param key the random key (ignored by MCMC posteriors, which return their stored draws)
     * @param n the number of draws for posteriors that generate them
     * @return the draws
     */
    Draws draws(RandomKey key, int n);

    /**
     * Summarises every parameter (mean, sd, quantiles, ESS, R-hat).
     *
     * @return one row per flattened parameter
     */
    List<ParameterSummary> summary();
}
