package dev.credence.api.nn;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * Reshapes each example, keeping the leading batch axis: {@code [N, ...]} to {@code [N, dims...]}.
 * It turns rows of pixels into images before a convolution ({@code Reshape.of(1, 28, 28)}) and
 * images back into rows before a dense layer ({@link #flatten()}).
 *
 * @param dims the shape of one example; one entry may be -1
 */
public record Reshape(int[] dims) implements Module {

    /**
     * Copies the shape.
     *
     * @param dims the shape of one example
     */
    public Reshape {
        dims = dims.clone();
    }

    /**
     * A reshape to the given example shape.
     *
     * @param dims the shape of one example
     * @return the layer
     */
    public static Reshape of(int... dims) {
        return new Reshape(dims);
    }

    /**
     * Flattens each example into a row.
     *
     * @return the layer {@code [N, ...] -> [N, -1]}
     */
    public static Reshape flatten() {
        return new Reshape(new int[] {-1});
    }

    /** {@return the shape of one example (a copy)} */
    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public Map<String, Tensor> init(Backend b, DType dtype, RandomKey key) {
        return Map.of();
    }

    @Override
    public Tensor apply(Params params, Tensor x, RandomKey key) {
        int[] full = new int[dims.length + 1];
        full[0] = x.dim(0);
        System.arraycopy(dims, 0, full, 1, dims.length);
        return x.reshape(full);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reshape r && Arrays.equals(r.dims, dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return "Reshape" + Arrays.toString(dims);
    }
}
