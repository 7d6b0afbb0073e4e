package dev.credence.api.nn;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An affine layer {@code y = x W + b} with {@code W} of shape {@code [in, out]} and {@code b} of
 * shape {@code [out]}. Initial values are uniform on {@code [-1/sqrt(in), 1/sqrt(in)]}, as
 * PyTorch's {@code nn.Linear} draws them.
 *
 * @param in input features
 * @param out output features
 * @param bias whether the layer has a bias
 */
public record Linear(int in, int out, boolean bias) implements Module {

    /**
     * Validates the sizes.
     *
     * @param in input features, positive
     * @param out output features, positive
     * @param bias whether the layer has a bias
     */
    public Linear {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException(
                    "Linear: sizes must be positive, found in=" + in + " out=" + out);
        }
    }

    /**
     * A layer with a bias.
     *
     * @param in input features
     * @param out output features
     */
    public Linear(int in, int out) {
        this(in, out, true);
    }

    @Override
    public Map<String, Tensor> init(Backend b, DType dtype, RandomKey key) {
        RandomKey[] k = key.split(2);
        double bound = 1 / Math.sqrt(in);
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("weight", k[0].uniform(b, dtype, in, out).mul(2 * bound).sub(bound));
        if (bias) {
            p.put("bias", k[1].uniform(b, dtype, out).mul(2 * bound).sub(bound));
        }
        return p;
    }

    @Override
    public Tensor apply(Params params, Tensor x, RandomKey key) {
        if (x.dim(-1) != in) {
            throw new IllegalArgumentException(
                    "Linear("
                            + in
                            + ", "
                            + out
                            + "): input has "
                            + x.dim(-1)
                            + " features in its last axis (shape "
                            + x.shape()
                            + "), expected "
                            + in);
        }
        Tensor y = x.matmul(params.get("weight"));
        return bias ? y.add(params.get("bias")) : y;
    }
}
