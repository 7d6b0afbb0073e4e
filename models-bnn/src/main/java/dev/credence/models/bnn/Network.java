package dev.credence.models.bnn;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.nn.Conv2d;
import dev.credence.api.nn.Linear;
import dev.credence.api.nn.Module;
import dev.credence.api.nn.Params;
import dev.credence.api.nn.Sequential;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.layer.BayesianLinear;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deterministic network behind every model of this module, as a pure function of named weights:
 * a {@link Sequential} of {@code api.nn} modules from rows {@code [N, inputs]} to outputs {@code
 * [N, outputs]}. Its weighted layers are {@link Linear} ({@code "i.weight" [in, out]}) and {@link
 * Conv2d} ({@code "i.weight" [out, in, k, k]}), each with a bias {@code "i.bias"}, where {@code i}
 * is the layer's index in the sequence; the other layers (activations, pooling, reshapes) have no
 * weights.
 *
 * <p>The Bayesian model's weight sites, a MAP network's parameters, an ensemble member's
 * parameters, SWAG's moments and a Laplace approximation's mean all use these names. Two
 * implementations: {@link Mlp} (a multilayer perceptron) and {@link ConvNet} (a small convolutional
 * classifier of images given as rows of pixels).
 *
 * <pre>{@code
 * Network net = new ConvNet(1, 28, 28, new int[] {16, 32}, 3, new int[] {64}, 10);
 * Map<String, Tensor> w = net.init(backend, DType.FLOAT32, RandomKey.of(0));
 * Tensor logits = net.forward(w, x, 0, null);            // [N, 10]
 * Tensor phi = net.features(w, x);                       // the last layer's inputs
 * }</pre>
 */
public interface Network {

    /**
     * The layers, rows {@code [N, inputs]} in and {@code [N, outputs]} out.
     *
     * @return the sequence
     */
    Sequential body();

    /**
     * The width of an input row.
     *
     * @return the number of input features
     */
    int inputs();

    /**
     * The width of an output row.
     *
     * @return the number of outputs
     */
    int outputs();

    /**
     * A one-line description for reports.
     *
     * @return the description
     */
    String describe();

    /**
     * Whether MC dropout also drops the network's inputs (true for tabular data, as in Gal and
     * Ghahramani's UCI networks; false for images, where dropout acts on learned features only).
     *
     * @return whether the first weighted layer's input is dropped
     */
    default boolean dropoutOnInput() {
        return true;
    }

    /**
     * The weight shapes, in layer order (weight before bias).
     *
     * @return shape by weight name
     */
    default Map<String, int[]> shapes() {
        Map<String, int[]> out = new LinkedHashMap<>();
        List<Module> layers = body().layers();
        for (int i = 0; i < layers.size(); i++) {
            String name = Integer.toString(i);
            if (layers.get(i) instanceof Linear l) {
                out.put(BayesianLinear.weightSite(name), new int[] {l.in(), l.out()});
                out.put(BayesianLinear.biasSite(name), new int[] {l.out()});
            } else if (layers.get(i) instanceof Conv2d c) {
                out.put(
                        BayesianLinear.weightSite(name),
                        new int[] {c.out(), c.in(), c.kernel(), c.kernel()});
                out.put(BayesianLinear.biasSite(name), new int[] {c.out()});
            }
        }
        return out;
    }

    /**
     * The number of weights and biases.
     *
     * @return the total size of the weight tensors
     */
    default int weightCount() {
        int n = 0;
        for (int[] s : shapes().values()) {
            int k = 1;
            for (int d : s) {
                k *= d;
            }
            n += k;
        }
        return n;
    }

    /**
     * Draws initial weights with the modules' own initialisation.
     *
     * @param b the backend
     * @param dtype the dtype
     * @param key the key
     * @return weights by name
     */
    default Map<String, Tensor> init(Backend b, DType dtype, RandomKey key) {
        return body().init(b, dtype, key);
    }

    /**
     * Computes the outputs. With a dropout rate and a key, inverted dropout is applied to the input
     * of every weighted layer (the first one only if {@link #dropoutOnInput()}); weighted layer
     * {@code j} draws its mask with {@code key.fold(j)}. A null key runs without dropout.
     *
     * @param weights every weight by name
     * @param x the inputs {@code [N, inputs]}
     * @param dropout the dropout rate in [0, 1)
     * @param key the key of the dropout masks, or null for none
     * @return the outputs {@code [N, outputs]}
     */
    default Tensor forward(Map<String, Tensor> weights, Tensor x, double dropout, RandomKey key) {
        return run(weights, x, dropout, key, body().layers().size());
    }

    /**
     * The inputs of the last weighted layer (the "features" a last-layer Laplace approximation
     * uses), flattened to rows.
     *
     * @param weights every weight by name (the last layer's are not read)
     * @param x the inputs {@code [N, inputs]}
     * @return {@code [N, features]}
     */
    default Tensor features(Map<String, Tensor> weights, Tensor x) {
        Tensor h = run(weights, x, 0, null, head());
        return h.rank() == 2 ? h : h.reshape(h.dim(0), -1);
    }

    /**
     * The index of the last weighted layer, which must be a {@link Linear} layer producing the
     * outputs.
     *
     * @return its index in {@link #body()}
     */
    default int head() {
        List<Module> layers = body().layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof Linear) {
                return i;
            }
            if (layers.get(i) instanceof Conv2d) {
                break;
            }
        }
        throw new IllegalStateException(
                "the network's last weighted layer is not a Linear layer: " + describe());
    }

    /** Runs layers {@code [0, upTo)}. */
    private Tensor run(
            Map<String, Tensor> weights, Tensor x, double dropout, RandomKey key, int upTo) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException(
                    "network: dropout must be in [0, 1), found " + dropout);
        }
        if (x.rank() != 2 || x.dim(1) != inputs()) {
            throw new IllegalArgumentException(
                    "network: inputs must be [N, " + inputs() + "], found " + x.shape());
        }
        Params params = Params.of(weights);
        List<Module> layers = body().layers();
        Tensor h = x;
        int weighted = 0;
        for (int i = 0; i < upTo; i++) {
            Module m = layers.get(i);
            boolean hasWeights = m instanceof Linear || m instanceof Conv2d;
            if (hasWeights && key != null && dropout > 0 && (weighted > 0 || dropoutOnInput())) {
                Tensor keep =
                        key.fold(weighted)
                                .uniform(h.backend(), h.dtype(), h.shape().dims())
                                .ge(h.scalarLike(dropout))
                                .cast(h.dtype());
                h = h.mul(keep).div(1 - dropout);
            }
            h = m.apply(params.scope(Integer.toString(i)), h, null);
            weighted += hasWeights ? 1 : 0;
        }
        return h;
    }
}
