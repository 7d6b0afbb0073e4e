package dev.credence.api.nn;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Map;

/** Parameter-free elementwise activations, usable as layers of a {@link Sequential}. */
public enum Activation implements Module {
    /** {@code max(x, 0)}. */
    RELU,
    /** Hyperbolic tangent. */
    TANH,
    /** Logistic sigmoid. */
    SIGMOID,
    /** {@code log(1 + e^x)}. */
    SOFTPLUS,
    /** The identity. */
    IDENTITY;

    @Override
    public Map<String, Tensor> init(Backend b, DType dtype, RandomKey key) {
        return Map.of();
    }

    @Override
    public Tensor apply(Params params, Tensor x, RandomKey key) {
        return switch (this) {
            case RELU -> x.relu();
            case TANH -> x.tanh();
            case SIGMOID -> x.sigmoid();
            case SOFTPLUS -> x.softplus();
            case IDENTITY -> x;
        };
    }
}
