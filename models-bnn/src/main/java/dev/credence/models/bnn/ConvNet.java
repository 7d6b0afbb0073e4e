package dev.credence.models.bnn;

import dev.credence.api.nn.Activation;
import dev.credence.api.nn.Conv2d;
import dev.credence.api.nn.Linear;
import dev.credence.api.nn.Module;
import dev.credence.api.nn.Pool2d;
import dev.credence.api.nn.Reshape;
import dev.credence.api.nn.Sequential;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small convolutional classifier of images given as rows of pixels: the rows are reshaped to
 * {@code [N, channels, height, width]}, each block is a "same" convolution, the activation and a
 * 2x2 max pooling, then the feature maps are flattened into dense layers with the activation
 * between them, and a last linear layer gives the outputs.
 *
 * <pre>
 * [N, C H W] -> reshape -> (conv k x k, act, maxpool 2)^blocks -> flatten -> (linear, act)^hidden -> linear
 * </pre>
 *
 * For 28x28 grey images, {@code new ConvNet(1, 28, 28, new int[] {16, 32}, 3, new int[] {64}, 10)}
 * is the LeNet-like network of many Bayesian deep learning benchmarks. MC dropout acts on the
 * inputs of every weighted layer but the first.
 *
 * @param channels input channels
 * @param height input height
 * @param width input width
 * @param blocks the output channels of each convolution block
 * @param kernel the (odd) kernel size of every convolution
 * @param hidden the widths of the dense hidden layers
 * @param outputs the output width
 * @param activation the activation after each convolution and hidden layer
 */
public record ConvNet(
        int channels,
        int height,
        int width,
        int[] blocks,
        int kernel,
        int[] hidden,
        int outputs,
        Activation activation)
        implements Network {

    /**
     * Validates and copies.
     *
     * @param channels input channels, positive
     * @param height input height, positive
     * @param width input width, positive
     * @param blocks output channels per block, positive; the image must survive each halving
     * @param kernel the kernel size, odd and positive
     * @param hidden the dense widths, positive
     * @param outputs the output width, positive
     * @param activation the activation
     */
    public ConvNet {
        blocks = blocks.clone();
        hidden = hidden.clone();
        if (channels < 1 || height < 1 || width < 1 || outputs < 1) {
            throw new IllegalArgumentException(
                    "ConvNet: channels, height, width and outputs must be positive");
        }
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException(
                    "ConvNet: the kernel size must be odd and positive, found " + kernel);
        }
        if ((height >> blocks.length) < 1 || (width >> blocks.length) < 1) {
            throw new IllegalArgumentException(
                    "ConvNet: "
                            + blocks.length
                            + " 2x2 poolings do not fit a "
                            + height
                            + "x"
                            + width
                            + " image");
        }
        for (int w : blocks) {
            requirePositive(w, "block channels");
        }
        for (int w : hidden) {
            requirePositive(w, "hidden widths");
        }
        if (activation == null) {
            throw new IllegalArgumentException("ConvNet: an activation is required");
        }
    }

    /**
     * A ReLU network.
     *
     * @param channels input channels
     * @param height input height
     * @param width input width
     * @param blocks output channels per block
     * @param hidden dense widths
     * @param outputs the output width
     * @return the network with 3x3 kernels
     */
    public ConvNet(int channels, int height, int width, int[] blocks, int[] hidden, int outputs) {
        this(channels, height, width, blocks, 3, hidden, outputs, Activation.RELU);
    }

    private static void requirePositive(int v, String what) {
        if (v < 1) {
            throw new IllegalArgumentException("ConvNet: " + what + " must be positive");
        }
    }

    @Override
    public Sequential body() {
        List<Module> layers = new ArrayList<>();
        layers.add(Reshape.of(channels, height, width));
        int c = channels;
        int h = height;
        int w = width;
        for (int out : blocks) {
            layers.add(Conv2d.same(c, out, kernel));
            layers.add(activation);
            layers.add(Pool2d.max(2));
            c = out;
            h /= 2;
            w /= 2;
        }
        layers.add(Reshape.flatten());
        int in = c * h * w;
        for (int units : hidden) {
            layers.add(new Linear(in, units));
            layers.add(activation);
            in = units;
        }
        layers.add(new Linear(in, outputs));
        return new Sequential(layers);
    }

    @Override
    public int inputs() {
        return channels * height * width;
    }

    @Override
    public boolean dropoutOnInput() {
        return false;
    }

    @Override
    public String describe() {
        return "CNN "
                + channels
                + "x"
                + height
                + "x"
                + width
                + " conv"
                + Arrays.toString(blocks)
                + " dense"
                + Arrays.toString(hidden)
                + " -> "
                + outputs;
    }

    @Override
    public int[] blocks() {
        return blocks.clone();
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvNet n
                && n.channels == channels
                && n.height == height
                && n.width == width
                && Arrays.equals(n.blocks, blocks)
                && n.kernel == kernel
                && Arrays.equals(n.hidden, hidden)
                && n.outputs == outputs
                && n.activation == activation;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blocks) * 31 + Arrays.hashCode(hidden) * 7 + outputs;
    }
}
