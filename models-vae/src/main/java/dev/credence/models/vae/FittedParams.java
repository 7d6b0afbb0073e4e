package dev.credence.models.vae;

import dev.credence.api.infer.Posterior;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the fitted values of param sites out of a variational {@link Posterior}, through the API
 * alone ({@link Posterior#params}).
 *
 * <p>The params' initial values say which sites to expect. If none of them changed, the posterior
 * did not fit them (an MCMC posterior binds no params, say), and that is an error rather than a
 * silent use of untrained weights.
 */
final class FittedParams {
    private FittedParams() {}

    /**
     * Reads the fitted params.
     *
     * @param posterior a fitted VI posterior
     * @param init the params' initial values, by site name (their names and shapes)
     * @return the fitted values by site name, detached
     * @throws IllegalStateException if the posterior did not bind fitted params
     */
    static Map<String, Tensor> read(Posterior posterior, Map<String, Tensor> init) {
        Map<String, Tensor> bound = posterior.params();
        Map<String, Tensor> out = new LinkedHashMap<>();
        boolean changed = false;
        for (var e : init.entrySet()) {
            Tensor v = bound.get(e.getKey());
            if (v == null) {
                throw new IllegalStateException(
                        "the posterior did not bind the param '"
                                + e.getKey()
                                + "' (is the inference algorithm a variational one?); bound: "
                                + bound.keySet());
            }
            Tensor fitted = v.detach();
            out.put(e.getKey(), fitted);
            changed = changed || fitted.sub(e.getValue()).abs().sum().item() > 0;
        }
        if (!changed) {
            throw new IllegalStateException(
                    "the posterior did not fit its params: every param still has its initial"
                            + " value");
        }
        return out;
    }
}
