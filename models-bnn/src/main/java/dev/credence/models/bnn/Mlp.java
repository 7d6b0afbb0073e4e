package dev.credence.models.bnn;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.nn.Linear;
import dev.credence.api.nn.Module;
import dev.credence.api.nn.Sequential;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multilayer perceptron as a {@link Network}: linear layers of the {@link Architecture}'s widths
 * with its activation between them (not after the last), so linear layer {@code i} has index {@code
 * 2 i} and its weights are named {@code "0.weight"}, {@code "0.bias"}, {@code "2.weight"}, ...
 *
 * <p>With a dropout rate and a key, inverted dropout is applied to the input of every linear layer
 * (the placement of Gal and Ghahramani's UCI networks, 2016); a null key runs without dropout.
 *
 * @param architecture the network shape
 * @param outputs the output width
 */
public record Mlp(Architecture architecture, int outputs) implements Network {

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

    @Override
    public Sequential body() {
        int[] sizes = architecture.sizes(outputs);
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            layers.add(new Linear(sizes[i], sizes[i + 1]));
            if (i + 2 < sizes.length) {
                layers.add(architecture.activation());
            }
        }
        return new Sequential(layers);
    }

    @Override
    public int inputs() {
        return architecture.inputs();
    }

    @Override
    public String describe() {
        return "MLP " + architecture.inputs() + "-" + join(architecture.hidden()) + outputs;
    }

    private static String join(int[] hidden) {
        StringBuilder sb = new StringBuilder();
        for (int h : hidden) {
            sb.append(h).append('-');
        }
        return sb.toString();
    }

    /**
     * Draws initial weights uniform on {@code [-1/sqrt(in), 1/sqrt(in)]}, as PyTorch's {@code
     * nn.Linear} does, weight {@code k} from {@code key.fold(k)}.
     *
     * @param b the backend
     * @param dtype the dtype
     * @param key the key
     * @return weights by name
     */
    @Override
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
}
