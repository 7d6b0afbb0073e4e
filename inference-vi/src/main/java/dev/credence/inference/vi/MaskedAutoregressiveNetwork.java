package dev.credence.inference.vi;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structure of a MADE network (Germain, Gregor, Murray and Larochelle, "MADE: masked
 * autoencoder for distribution estimation", ICML 2015): a multilayer perceptron from {@code D}
 * inputs to a shift and a log-scale per input, whose weight matrices are multiplied by fixed 0/1
 * masks so that output {@code i} depends only on the inputs that come before {@code i} in an
 * ordering. That autoregressive property is what makes the Jacobian of an {@link
 * InverseAutoregressiveBijector} triangular.
 *
 * <p><b>Masks</b> (section 4 of the paper). Input {@code d} has degree {@code order[d]} in {@code
 * 1..D}; hidden unit {@code k} of layer {@code l} gets a degree {@code m_l(k)} in {@code
 * [min_(l-1), D - 1]}, assigned cyclically so that every degree is used; a hidden unit sees the
 * units of the previous layer whose degree is at most its own, and an output for input {@code d}
 * sees the last hidden units whose degree is strictly below {@code order[d]}. With {@code D = 1}
 * the outputs see nothing but their biases.
 *
 * <p>This class holds the degrees and masks (constants); the weights are tensors handed to {@link
 * #apply}, typically {@code param} sites of a guide, named by {@link #paramNames}. Hidden layers
 * use {@code tanh}. The output layers start at zero, so a new network outputs shift 0 and log-scale
 * 0 and the flow built on it starts as the identity.
 */
final class MaskedAutoregressiveNetwork {
    private final int inputs;
    private final int[] hidden;
    private final List<Tensor> masks;
    private final Tensor outputMask;

    /**
     * Builds the masks.
     *
     * @param b the backend of the masks
     * @param dtype their dtype
     * @param order the degree of each input, a permutation of {@code 1..D}
     * @param hidden the widths of the hidden layers, at least one, each at least 1
     */
    MaskedAutoregressiveNetwork(Backend b, DType dtype, int[] order, int[] hidden) {
        this.inputs = order.length;
        this.hidden = hidden.clone();
        if (hidden.length == 0) {
            throw new IllegalArgumentException("MADE: needs at least one hidden layer");
        }
        int[] prev = order.clone();
        int prevMin = 1;
        List<Tensor> m = new ArrayList<>();
        for (int width : hidden) {
            if (width < 1) {
                throw new IllegalArgumentException(
                        "MADE: hidden widths must be positive, found " + Arrays.toString(hidden));
            }
            int top = Math.max(prevMin, inputs - 1);
            int[] deg = new int[width];
            for (int k = 0; k < width; k++) {
                deg[k] = prevMin + k % (top - prevMin + 1);
            }
            double[] mask = new double[prev.length * width];
            for (int i = 0; i < prev.length; i++) {
                for (int k = 0; k < width; k++) {
                    mask[i * width + k] = deg[k] >= prev[i] ? 1 : 0;
                }
            }
            m.add(Tensor.of(b, mask, dtype, prev.length, width));
            prev = deg;
            prevMin = Arrays.stream(deg).min().orElse(1);
        }
        double[] out = new double[prev.length * inputs];
        for (int k = 0; k < prev.length; k++) {
            for (int d = 0; d < inputs; d++) {
                out[k * inputs + d] = order[d] > prev[k] ? 1 : 0;
            }
        }
        this.masks = List.copyOf(m);
        this.outputMask = Tensor.of(b, out, dtype, prev.length, inputs);
    }

    /**
     * Returns the ordering that reverses {@code 1..D} when {@code reversed}, else the identity.
     *
     * @param d the number of inputs
     * @param reversed whether to reverse
     * @return the degrees of the inputs
     */
    static int[] order(int d, boolean reversed) {
        int[] o = new int[d];
        for (int i = 0; i < d; i++) {
            o[i] = reversed ? d - i : i + 1;
        }
        return o;
    }

    /**
     * Returns the names of the weights under a prefix, in the order {@link #apply} reads them:
     * {@code w0, b0, w1, b1, ..., shift.w, shift.b, log_scale.w, log_scale.b}.
     *
     * @param prefix the prefix, e.g. {@code auto.iaf0}
     * @return the names
     */
    List<String> paramNames(String prefix) {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < hidden.length; l++) {
            names.add(prefix + ".w" + l);
            names.add(prefix + ".b" + l);
        }
        names.addAll(
                List.of(
                        prefix + ".shift.w",
                        prefix + ".shift.b",
                        prefix + ".log_scale.w",
                        prefix + ".log_scale.b"));
        return names;
    }

    /**
     * Initial weights: hidden weights and biases uniform in {@code +-1/sqrt(fan-in)} (the default
     * of common deep-learning libraries), output layers zero. Random hidden biases matter: with
     * zero biases every {@code tanh} feature would be an odd function of the inputs, uncorrelated
     * with an even target (the parabola of a banana) under a symmetric base, and the output layer
     * would start at a saddle point.
     *
     * @param prefix the prefix of the names
     * @param b the backend
     * @param dtype the dtype
     * @param key the key of the hidden weights
     * @return the weights by name, in {@link #paramNames} order
     */
    Map<String, Tensor> init(String prefix, Backend b, DType dtype, RandomKey key) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<String> names = paramNames(prefix);
        int fanIn = inputs;
        for (int l = 0; l < hidden.length; l++) {
            double bound = 1 / Math.sqrt(fanIn);
            RandomKey[] k = key.fold(l).split(2);
            Tensor w = k[0].uniform(b, dtype, fanIn, hidden[l]).mul(2 * bound).sub(bound);
            Tensor bias = k[1].uniform(b, dtype, hidden[l]).mul(2 * bound).sub(bound);
            out.put(names.get(2 * l), w);
            out.put(names.get(2 * l + 1), bias);
            fanIn = hidden[l];
        }
        int last = hidden[hidden.length - 1];
        int at = 2 * hidden.length;
        out.put(names.get(at), Tensor.zeros(b, dtype, last, inputs));
        out.put(names.get(at + 1), Tensor.zeros(b, dtype, inputs));
        out.put(names.get(at + 2), Tensor.zeros(b, dtype, last, inputs));
        out.put(names.get(at + 3), Tensor.zeros(b, dtype, inputs));
        return out;
    }

    /**
     * Computes the shift and the raw log-scale of every input.
     *
     * @param x inputs, shape {@code [..., D]}
     * @param weights the weights in {@link #paramNames} order
     * @return {@code {shift, logScale}}, each shaped like {@code x}
     */
    Tensor[] apply(Tensor x, List<Tensor> weights) {
        Tensor h = x;
        for (int l = 0; l < hidden.length; l++) {
            Tensor w = weights.get(2 * l).mul(masks.get(l));
            h = h.matmul(w).add(weights.get(2 * l + 1)).tanh();
        }
        int at = 2 * hidden.length;
        Tensor shift = h.matmul(weights.get(at).mul(outputMask)).add(weights.get(at + 1));
        Tensor logScale = h.matmul(weights.get(at + 2).mul(outputMask)).add(weights.get(at + 3));
        return new Tensor[] {shift, logScale};
    }

    /**
     * Returns the number of inputs.
     *
     * @return D
     */
    int inputs() {
        return inputs;
    }
}
