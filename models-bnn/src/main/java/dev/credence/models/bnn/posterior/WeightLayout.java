package dev.credence.models.bnn.posterior;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a network's named weights lie in one flat vector: in the order of the network's {@code
 * shapes()} map, each tensor flattened row-major. Gaussian posteriors over the weights (SWAG,
 * Laplace) keep their moments as flat host vectors and use this layout to go back and forth.
 *
 * <pre>{@code
 * WeightLayout layout = new WeightLayout(network.shapes());
 * double[] theta = layout.flatten(weights);                      // [P] on the host
 * Map<String, Tensor> draws = layout.unflatten(rows, n, b, dt);  // [n, ...] per weight
 * }</pre>
 */
public final class WeightLayout {
    private final Map<String, int[]> shapes;
    private final Map<String, Integer> offsets;
    private final int size;

    /**
     * Lays out the weights.
     *
     * @param shapes the shape of each weight, in order
     */
    public WeightLayout(Map<String, int[]> shapes) {
        Map<String, int[]> s = new LinkedHashMap<>();
        Map<String, Integer> o = new LinkedHashMap<>();
        int at = 0;
        for (var e : shapes.entrySet()) {
            s.put(e.getKey(), e.getValue().clone());
            o.put(e.getKey(), at);
            at += count(e.getValue());
        }
        this.shapes = Collections.unmodifiableMap(s);
        this.offsets = Collections.unmodifiableMap(o);
        this.size = at;
    }

    private static int count(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** {@return the number of weights P} */
    public int size() {
        return size;
    }

    /** {@return the weight shapes, in layout order} */
    public Map<String, int[]> shapes() {
        return shapes;
    }

    /**
     * The position of a weight's first element.
     *
     * @param name the weight
     * @return its offset in the flat vector
     */
    public int offset(String name) {
        Integer o = offsets.get(name);
        if (o == null) {
            throw new IllegalArgumentException(
                    "no weight '" + name + "' in the layout; weights: " + shapes.keySet());
        }
        return o;
    }

    /**
     * Copies named weights into one host vector.
     *
     * @param weights every weight of the layout, by name, with the layout's shapes
     * @return the flat vector {@code [P]}
     */
    public double[] flatten(Map<String, Tensor> weights) {
        double[] out = new double[size];
        for (var e : shapes.entrySet()) {
            Tensor t = weights.get(e.getKey());
            if (t == null || t.size() != count(e.getValue())) {
                throw new IllegalArgumentException(
                        "weight '"
                                + e.getKey()
                                + "' is missing or has the wrong size; expected shape "
                                + java.util.Arrays.toString(e.getValue()));
            }
            double[] v = t.toDoubleArray();
            System.arraycopy(v, 0, out, offsets.get(e.getKey()), v.length);
        }
        return out;
    }

    /**
     * Turns {@code n} flat vectors into named tensors with a leading draw axis.
     *
     * @param rows the vectors, {@code n} rows of {@code P}
     * @param b the backend
     * @param dtype the dtype
     * @return {@code [n, ...shape]} per weight
     */
    public Map<String, Tensor> unflatten(double[][] rows, Backend b, DType dtype) {
        int n = rows.length;
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var e : shapes.entrySet()) {
            int len = count(e.getValue());
            int at = offsets.get(e.getKey());
            double[] v = new double[n * len];
            for (int i = 0; i < n; i++) {
                System.arraycopy(rows[i], at, v, i * len, len);
            }
            int[] dims = new int[e.getValue().length + 1];
            dims[0] = n;
            System.arraycopy(e.getValue(), 0, dims, 1, e.getValue().length);
            out.put(e.getKey(), Tensor.of(b, v, dtype, dims).reshape(dims));
        }
        return out;
    }

    /**
     * Turns one flat vector into named tensors.
     *
     * @param theta the vector {@code [P]}
     * @param b the backend
     * @param dtype the dtype
     * @return one tensor per weight, with its shape
     */
    public Map<String, Tensor> unflatten(double[] theta, Backend b, DType dtype) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var e : unflatten(new double[][] {theta}, b, dtype).entrySet()) {
            out.put(e.getKey(), e.getValue().get(0));
        }
        return out;
    }
}
