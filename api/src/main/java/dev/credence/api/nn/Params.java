package dev.credence.api.nn;

import dev.credence.api.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A read-only view of named parameters, with dotted paths for nesting ({@code "0.weight"} is the
 * weight of the first layer of a {@link Sequential}). {@link #scope(String)} gives a child module
 * its own view.
 */
public final class Params {
    private final Map<String, Tensor> values;
    private final String prefix;

    private Params(Map<String, Tensor> values, String prefix) {
        this.values = values;
        this.prefix = prefix;
    }

    /**
     * Wraps a map of parameters.
     *
     * @param values parameters by full name
     * @return the view
     */
    public static Params of(Map<String, Tensor> values) {
        return new Params(Collections.unmodifiableMap(new LinkedHashMap<>(values)), "");
    }

    /**
     * Returns a parameter by its name relative to this view.
     *
     * @param name the relative name
     * @return the tensor
     * @throws IllegalArgumentException naming the missing parameter and the ones present
     */
    public Tensor get(String name) {
        Tensor t = values.get(prefix + name);
        if (t == null) {
            throw new IllegalArgumentException(
                    "missing parameter '" + prefix + name + "'; present: " + values.keySet());
        }
        return t;
    }

    /**
     * Returns the view of a child module.
     *
     * @param child the child's name (for example {@code "0"} or {@code "encoder"})
     * @return the child's view
     */
    public Params scope(String child) {
        return new Params(values, prefix + child + ".");
    }
}
