package dev.credence.models.vae;

import dev.credence.api.infer.Posterior;
import dev.credence.api.model.Model;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the fitted values of param sites out of a variational {@link Posterior}, through the API
 * alone.
 *
 * <p>A VI posterior's {@link Posterior#predictive} runs the model it is given with the fitted
 * params bound to it and records every site. So the predictive of a <em>probe</em>, a model that
 * only declares the param sites, returns their fitted values (with a leading draw axis of size 1).
 * The probe's own initial values serve only as fallbacks; if none changes, the posterior did not
 * bind its params (an MCMC posterior, say), and that is an error rather than a silent use of
 * untrained weights.
 */
final class FittedParams {
    private FittedParams() {}

    /**
     * Reads the fitted params.
     *
     * @param posterior a fitted VI posterior
     * @param init the params' initial values, by site name (their names and shapes)
     * @param key the key of the predictive run
     * @return the fitted values by site name, detached
     * @throws IllegalStateException if the posterior did not bind fitted params
     */
    static Map<String, Tensor> read(Posterior posterior, Map<String, Tensor> init, RandomKey key) {
        Model probe = ctx -> init.forEach(ctx::param);
        Map<String, Tensor> drawn = posterior.predictive(probe, key, 1);
        Map<String, Tensor> out = new LinkedHashMap<>();
        boolean changed = false;
        for (var e : init.entrySet()) {
            Tensor v = drawn.get(e.getKey());
            if (v == null) {
                throw new IllegalStateException(
                        "the posterior's predictive did not record the param '"
                                + e.getKey()
                                + "'; recorded: "
                                + drawn.keySet());
            }
            Tensor fitted = v.get(0).detach();
            out.put(e.getKey(), fitted);
            changed = changed || fitted.sub(e.getValue()).abs().sum().item() > 0;
        }
        if (!changed) {
            throw new IllegalStateException(
                    "the posterior did not bind fitted params: every param still has its initial"
                            + " value (is the inference algorithm a variational one?)");
        }
        return out;
    }
}
