package dev.credence.api.model;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.nn.Module;
import dev.credence.api.nn.Params;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Declares the parameters of an {@link Module nn.Module} as {@code param} sites of a model run, so
 * that a network inside a model or a guide is learnt like any other param: an optimiser (for
 * example variational inference) substitutes their values, and the module is applied with them.
 *
 * <p>Each parameter {@code w} of the module becomes the site {@code prefix.w} (for a {@link
 * dev.credence.api.nn.Sequential}, {@code prefix.0.weight}, ...). The returned {@link Params} view
 * names them as the module does, so it goes straight into {@link Module#apply}. An amortised guide
 * of a variational autoencoder:
 *
 * <pre>{@code
 * Module encoder = Sequential.mlp(Activation.TANH, Activation.IDENTITY, 784, 200, 2 * latent);
 * Map<String, Tensor> init = encoder.init(backend, DType.FLOAT32, RandomKey.of(1));
 * Model guide = ctx -> {
 *     Params p = ModuleSites.params(ctx, "encoder", init);
 *     try (Plate batch = ctx.plate("data", n, 128)) {
 *         Tensor out = encoder.apply(p, batch.subsample(images, 0), null);
 *         Tensor loc = out.narrow(-1, 0, latent);
 *         Tensor scale = out.narrow(-1, latent, 2 * latent).softplus();
 *         ctx.sample("z", new Independent(new Normal(loc, scale), 1));
 *     }
 * };
 * }</pre>
 *
 * Draw the initial values once, outside the model, as above: the model runs once per step, and its
 * params only take their initial values before an optimiser substitutes them.
 */
public final class ModuleSites {
    private ModuleSites() {}

    /**
     * Declares one param site per initial value, named {@code prefix.name}.
     *
     * @param ctx the context of the run
     * @param prefix the prefix of the site names, for example the module's role ({@code "encoder"})
     * @param init the module's parameters by the names {@link Module#init} gives them
     * @return the parameters' values in this run (initial or substituted), by the module's names
     */
    public static Params params(ModelContext ctx, String prefix, Map<String, Tensor> init) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException(
                    "ModuleSites: the prefix must not be empty; it keeps the sites of two modules"
                            + " apart");
        }
        Map<String, Tensor> values = new LinkedHashMap<>();
        for (var e : init.entrySet()) {
            values.put(e.getKey(), ctx.param(prefix + "." + e.getKey(), e.getValue()));
        }
        return Params.of(Collections.unmodifiableMap(values));
    }

    /**
     * Declares a module's params with initial values drawn now. Convenient in tests and small
     * models; since the model runs once per step, prefer {@link #params(ModelContext, String, Map)}
     * with values drawn once for large networks.
     *
     * @param ctx the context of the run
     * @param prefix the prefix of the site names
     * @param module the module
     * @param backend the backend of the initial values
     * @param dtype their dtype
     * @param key the key of the initial values
     * @return the parameters' values in this run
     */
    public static Params params(
            ModelContext ctx,
            String prefix,
            Module module,
            Backend backend,
            DType dtype,
            RandomKey key) {
        return params(ctx, prefix, module.init(backend, dtype, key));
    }
}
