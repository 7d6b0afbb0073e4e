package dev.credence.spark;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Tensor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tensor's value in host memory, in the form Spark ships between the driver and the executors
 * (tensors live on a backend and do not serialise): the numbers as doubles, the shape and the dtype
 * to restore.
 *
 * @param data the values, row-major
 * @param shape the dimensions
 * @param dtype the floating dtype to restore
 */
public record HostValue(double[] data, int[] shape, DType dtype) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Checks the size against the shape.
     *
     * @param data the values
     * @param shape the dimensions
     * @param dtype the dtype
     */
    public HostValue {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException(
                    "host value: "
                            + data.length
                            + " numbers for shape "
                            + java.util.Arrays.toString(shape));
        }
    }

    /**
     * Copies a tensor to the host.
     *
     * @param t a floating tensor
     * @return its value
     */
    public static HostValue of(Tensor t) {
        return new HostValue(t.toDoubleArray(), t.shape().dims(), t.dtype());
    }

    /**
     * Copies tensors to the host.
     *
     * @param ts the tensors
     * @return their values, in order
     */
    public static List<HostValue> of(List<Tensor> ts) {
        List<HostValue> out = new ArrayList<>(ts.size());
        for (Tensor t : ts) {
            out.add(of(t));
        }
        return out;
    }

    /**
     * Copies named tensors to the host.
     *
     * @param ts the tensors by name
     * @return their values by name, in the same order
     */
    public static Map<String, HostValue> of(Map<String, Tensor> ts) {
        Map<String, HostValue> out = new LinkedHashMap<>();
        ts.forEach((k, v) -> out.put(k, of(v)));
        return out;
    }

    /**
     * Makes the tensor on a backend.
     *
     * @param b the backend
     * @return a tensor of this shape and dtype
     */
    public Tensor toTensor(Backend b) {
        if (shape.length == 0) {
            return Tensor.of(b, data, dtype, 1).reshape(new int[0]);
        }
        return Tensor.of(b, data, dtype, shape);
    }

    /**
     * Makes tensors on a backend.
     *
     * @param b the backend
     * @param values host values
     * @return the tensors, in order
     */
    public static List<Tensor> toTensors(Backend b, List<HostValue> values) {
        List<Tensor> out = new ArrayList<>(values.size());
        for (HostValue v : values) {
            out.add(v.toTensor(b));
        }
        return out;
    }

    /**
     * Makes named tensors on a backend.
     *
     * @param b the backend
     * @param values host values by name
     * @return the tensors by name, in the same order
     */
    public static Map<String, Tensor> toTensors(Backend b, Map<String, HostValue> values) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.toTensor(b)));
        return out;
    }
}
