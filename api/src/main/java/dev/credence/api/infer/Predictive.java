package dev.credence.api.infer;

import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.Site;
import dev.credence.api.model.Trace;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posterior predictive simulation: run a model once per posterior draw with its latent sites
 * substituted by the draw, under a fresh seed, and stack every site's value.
 */
public final class Predictive {
    private Predictive() {}

    /**
     * Runs the simulation.
     *
     * @param model the model
     * @param latent posterior draws per site, each with a leading draw axis
     * @param key the random key (draw {@code i} uses {@code key.fold(i)})
     * @return every site's values stacked along a new leading axis
     */
    public static Map<String, Tensor> run(Model model, Map<String, Tensor> latent, RandomKey key) {
        int n = -1;
        for (var e : latent.entrySet()) {
            int m = e.getValue().dim(0);
            if (n >= 0 && m != n) {
                throw new IllegalArgumentException(
                        "predictive: site '" + e.getKey() + "' has " + m + " draws, others " + n);
            }
            n = m;
        }
        if (n <= 0) {
            throw new IllegalArgumentException("predictive: needs at least one posterior draw");
        }
        Map<String, List<Tensor>> acc = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Map<String, Tensor> draw = new LinkedHashMap<>();
            for (var e : latent.entrySet()) {
                draw.put(e.getKey(), e.getValue().get(i));
            }
            Trace t = Handlers.trace(Handlers.seed(Handlers.substitute(model, draw), key.fold(i)));
            for (Site s : t.sites()) {
                if (s.value() != null) {
                    acc.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s.value().detach());
                }
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        acc.forEach((k, v) -> out.put(k, Indexing.stack(v, 0)));
        return out;
    }
}
