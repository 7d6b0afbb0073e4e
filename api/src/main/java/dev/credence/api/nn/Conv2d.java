package dev.credence.api.nn;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Convolutions;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A two-dimensional convolution layer: images {@code [N, in, H, W]} to {@code [N, out, Ho, Wo]},
 * with a square kernel {@code weight [out, in, k, k]} and a bias {@code [out]} added to every
 * position. Initial values are uniform on {@code [-1/sqrt(fanIn), 1/sqrt(fanIn)]} with {@code fanIn
 * = in k k}, the bound PyTorch's {@code nn.Conv2d} uses.
 *
 * <pre>{@code
 * Module cnn = Sequential.of(
 *         Reshape.of(1, 28, 28),                       // [N, 784] -> [N, 1, 28, 28]
 *         Conv2d.same(1, 16, 3), Activation.RELU, Pool2d.max(2),
 *         Reshape.flatten(), new Linear(16 * 14 * 14, 10));
 * }</pre>
 *
 * @param in input channels
 * @param out output channels
 * @param kernel the kernel's height and width
 * @param stride the step between outputs
 * @param padding zero rows and columns added on each side
 * @param bias whether the layer has a bias
 */
public record Conv2d(int in, int out, int kernel, int stride, int padding, boolean bias)
        implements Module {

    /**
     * Validates the sizes.
     *
     * @param in input channels, positive
     * @param out output channels, positive
     * @param kernel the kernel size, positive
     * @param stride the stride, positive
     * @param padding the padding, at least 0
     * @param bias whether the layer has a bias
     */
    public Conv2d {
        if (in <= 0 || out <= 0 || kernel <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException(
                    "Conv2d: channels, kernel and stride must be positive and padding >= 0, found"
                            + " in="
                            + in
                            + " out="
                            + out
                            + " kernel="
                            + kernel
                            + " stride="
                            + stride
                            + " padding="
                            + padding);
        }
    }

    /**
     * A stride-1 layer with a bias, padded by {@code kernel / 2} so an odd kernel keeps the image
     * size.
     *
     * @param in input channels
     * @param out output channels
     * @param kernel the kernel size
     * @return the layer
     */
    public static Conv2d same(int in, int out, int kernel) {
        return new Conv2d(in, out, kernel, 1, kernel / 2, true);
    }

    /** {@return the number of inputs each output sums over, {@code in kernel^2}} */
    public int fanIn() {
        return in * kernel * kernel;
    }

    /** {@return the convolution's attributes} */
    public Attributes.Conv2d attributes() {
        return new Attributes.Conv2d(stride, stride, padding, padding, 1, 1);
    }

    /**
     * The output size along one spatial axis.
     *
     * @param size the input size
     * @return {@code floor((size + 2 padding - kernel) / stride) + 1}
     */
    public int outputSize(int size) {
        return (size + 2 * padding - kernel) / stride + 1;
    }

    @Override
    public Map<String, Tensor> init(Backend b, DType dtype, RandomKey key) {
        RandomKey[] k = key.split(2);
        double bound = 1 / Math.sqrt(fanIn());
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("weight", k[0].uniform(b, dtype, out, in, kernel, kernel).mul(2 * bound).sub(bound));
        if (bias) {
            p.put("bias", k[1].uniform(b, dtype, out).mul(2 * bound).sub(bound));
        }
        return p;
    }

    @Override
    public Tensor apply(Params params, Tensor x, RandomKey key) {
        if (x.rank() != 4 || x.dim(1) != in) {
            throw new IllegalArgumentException(
                    "Conv2d("
                            + in
                            + ", "
                            + out
                            + "): expected images [N, "
                            + in
                            + ", H, W], found shape "
                            + x.shape());
        }
        Tensor y = Convolutions.conv2d(x, params.get("weight"), attributes());
        return bias ? y.add(params.get("bias").reshape(1, out, 1, 1)) : y;
    }
}
