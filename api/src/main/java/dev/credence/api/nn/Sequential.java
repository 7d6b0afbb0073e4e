package dev.credence.api.nn;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layers applied in order. Layer {@code i}'s parameters are named {@code "i.<name>"}; each layer
 * gets its own key ({@code key.fold(i)}) for initialisation and for stochastic layers.
 *
 * @param layers the layers
 */
public record Sequential(List<Module> layers) implements Module {

    /**
     * Copies the list.
     *
     * @param layers the layers, at least one
     */
    public Sequential {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("Sequential needs at least one layer");
        }
        layers = List.copyOf(layers);
    }

    /**
     * Builds a sequential module.
     *
     * @param layers the layers
     * @return the module
     */
    public static Sequential of(Module... layers) {
        return new Sequential(List.of(layers));
    }

    /**
     * A multilayer perceptron: Linear layers of the given sizes with {@code hidden} between them
     * and {@code last} after the final one.
     *
     * @param hidden the activation between layers
     * @param last the activation after the last layer
     * @param sizes the layer sizes, input first (at least two)
     * @return the network
     */
    public static Sequential mlp(Activation hidden, Activation last, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("mlp needs at least an input and an output size");
        }
        List<Module> ls = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            ls.add(new Linear(sizes[i], sizes[i + 1]));
            ls.add(i + 2 < sizes.length ? hidden : last);
        }
        return new Sequential(ls);
    }

    @Override
    public Map<String, Tensor> init(Backend b, DType dtype, RandomKey key) {
        Map<String, Tensor> p = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (var e : layers.get(i).init(b, dtype, key.fold(i)).entrySet()) {
                p.put(i + "." + e.getKey(), e.getValue());
            }
        }
        return p;
    }

    @Override
    public Tensor apply(Params params, Tensor x, RandomKey key) {
        Tensor h = x;
        for (int i = 0; i < layers.size(); i++) {
            h =
                    layers.get(i)
                            .apply(
                                    params.scope(Integer.toString(i)),
                                    h,
                                    key == null ? null : key.fold(i));
        }
        return h;
    }
}
