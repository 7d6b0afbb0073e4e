package dev.credence.api.nn;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Map;

/**
 * A neural-network building block as a pure function of its parameters: {@link #init} says which
 * parameters exist and draws their initial values; {@link #apply} computes the output from given
 * parameter values. Keeping parameters outside the module lets the same network be trained by an
 * optimizer, sampled by HMC (the parameters become random variables) or fitted by VI (they become
 * the means of a guide), unchanged.
 *
 * <pre>{@code
 * Module mlp = Sequential.of(new Linear(784, 400), Activation.RELU, new Linear(400, 20));
 * Map<String, Tensor> p = mlp.init(backend, DType.FLOAT32, RandomKey.of(0));
 * Tensor y = mlp.apply(Params.of(p), x, null);
 * }</pre>
 */
public interface Module {

    /**
     * Draws initial values for every parameter, in a stable order, named relative to this module.
     *
     * @param b the backend
     * @param dtype the parameter dtype
     * @param key the random key for initialisation
     * @return parameters by name
     */
    Map<String, Tensor> init(Backend b, DType dtype, RandomKey key);

    /**
     * Applies the module.
     *
     * @param params the parameters, named as {@link #init} names them
     * @param x the input
     * @param key a key for stochastic layers (dropout), or null to run them deterministically
     * @return the output
     */
    Tensor apply(Params params, Tensor x, RandomKey key);
}
