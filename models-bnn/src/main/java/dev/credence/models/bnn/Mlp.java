package dev.credence.models.bnn;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.layer.BayesianLinear;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deterministic network behind every model of this module, as a pure function of named weights
 * ({@code "0.weight"}, {@code "0.bias"}, {@code "2.weight"}, ...): the Bayesian model's weight
 * sites, a MAP network's parameters and an ensemble member's parameters all use these names.
 *
 * <p>With a dropout rate and a key, inverted dropout is applied to the input of every linear layer
 * (the placement of Gal and Ghahramani's UCI networks, 2016); a null key runs without dropout.
 *
 * @param architecture the network shape
 * @param outputs the output width
 */
public record Mlp(Architecture architecture, int outputs) {

    /**
     * Validates the output width.
     *
     * @param architecture the network shape
     * @param outputs the output width, positive
     */
    public Mlp {
        if (outputs < 1) {
            throw new IllegalArgumentException("Mlp: outputs must be positive, found " + outputs);
        }
    }

    /**
     * The weight shapes, in layer order.
     *
     * @return shape by weight name
     */
    public Map<String, int[]> shapes() {
        int[] sizes = architecture.sizes(outputs);
        Map<String, int[]> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            String name = Architecture.layerName(i);
            out.put(BayesianLinear.weightSite(name), new int[] {sizes[i], sizes[i + 1]});
            out.put(BayesianLinear.biasSite(name), new int[] {sizes[i + 1]});
        }
        return out;
    }

    /**
     * Draws initial weights uniform on {@code [-1/sqrt(in), 1/sqrt(in)]}, as PyTorch's {@code
     * nn.Linear} does.
     *
     * @param b the backend
     * @param dtype the dtype
     * @param key the key
     * @return weights by name
     */
    public Map<String, Tensor> init(Backend b, DType dtype, RandomKey key) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        int i = 0;
        int fanIn = 1;
        for (var e : shapes().entrySet()) {
            int[] s = e.getValue();
            if (s.length == 2) {
                fanIn = s[0];
            }
            double bound = 1 / Math.sqrt(fanIn);
            out.put(e.getKey(), key.fold(i++).uniform(b, dtype, s).mul(2 * bound).sub(bound));
        }
        return out;
    }

    /**
     * Computes the outputs.
     *
     * @param weights every weight by name
     * @param x the inputs {@code [N, inputs]}
     * @param dropout the dropout rate in [0, 1)
     * @param key the key of the dropout masks, or null for none
     * @return the outputs {@code [N, outputs]}
     */
    public Tensor forward(Map<String, Tensor> weights, Tensor x, double dropout, RandomKey key) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("Mlp: dropout must be in [0, 1), found " + dropout);
        }
        int layers = architecture.hidden().length + 1;
        Tensor h = x;
        for (int i = 0; i < layers; i++) {
            String name = Architecture.layerName(i);
            if (key != null && dropout > 0) {
                Tensor keep =
                        key.fold(i)
                                .uniform(h.backend(), h.dtype(), h.shape().dims())
                                .ge(h.scalarLike(dropout))
                                .cast(h.dtype());
                h = h.mul(keep).div(1 - dropout);
            }
            h =
                    h.matmul(get(weights, BayesianLinear.weightSite(name)))
                            .add(get(weights, BayesianLinear.biasSite(name)));
            if (i + 1 < layers) {
                h = architecture.activation().apply(null, h, null);
            }
        }
        return h;
    }

    private static Tensor get(Map<String, Tensor> m, String name) {
        Tensor t = m.get(name);
        if (t == null) {
            throw new IllegalArgumentException(
                    "missing weight '" + name + "'; present: " + m.keySet());
        }
        return t;
    }
}
