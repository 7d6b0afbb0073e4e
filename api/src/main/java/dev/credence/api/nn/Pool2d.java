package dev.credence.api.nn;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Convolutions;
import dev.credence.api.tensor.Tensor;
import java.util.Map;

/**
 * A parameter-free pooling layer over images {@code [N, C, H, W]}: the maximum or the mean of each
 * window ({@link Convolutions#maxPool2d}, {@link Convolutions#avgPool2d}).
 *
 * @param max whether to take the maximum (else the mean)
 * @param window the window, stride and padding
 */
public record Pool2d(boolean max, Attributes.Pool2d window) implements Module {

    /**
     * Checks the window.
     *
     * @param max whether to take the maximum
     * @param window the window, not null
     */
    public Pool2d {
        if (window == null) {
            throw new IllegalArgumentException("Pool2d: a window is required");
        }
    }

    /**
     * Max pooling over square tiles.
     *
     * @param k the window size and stride
     * @return the layer
     */
    public static Pool2d max(int k) {
        return new Pool2d(true, Attributes.Pool2d.tiles(k));
    }

    /**
     * Average pooling over square tiles.
     *
     * @param k the window size and stride
     * @return the layer
     */
    public static Pool2d average(int k) {
        return new Pool2d(false, Attributes.Pool2d.tiles(k));
    }

    /**
     * The output size along the height axis.
     *
     * @param size the input height
     * @return {@code floor((size + 2 pad - kernel) / stride) + 1}
     */
    public int outputSize(int size) {
        return (size + 2 * window.padH() - window.kernelH()) / window.strideH() + 1;
    }

    @Override
    public Map<String, Tensor> init(Backend b, DType dtype, RandomKey key) {
        return Map.of();
    }

    @Override
    public Tensor apply(Params params, Tensor x, RandomKey key) {
        return max ? Convolutions.maxPool2d(x, window) : Convolutions.avgPool2d(x, window);
    }
}
