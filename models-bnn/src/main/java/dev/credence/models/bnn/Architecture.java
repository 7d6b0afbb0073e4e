package dev.credence.models.bnn;

import dev.credence.api.nn.Activation;
import java.util.Arrays;

/**
 * The shape of a multilayer perceptron: input width, hidden widths and the activation between
 * layers. The output width comes from the {@link Likelihood} (1 for a homoscedastic regressor, 2
 * for a heteroscedastic one, K for a K-class classifier).
 *
 * <p>Linear layer {@code i} is named {@code String.valueOf(2 * i)}, the index it has in {@link
 * dev.credence.api.nn.Sequential#mlp}, so the parameters of a deterministic network and the sites
 * of the Bayesian one share names ({@code "0.weight"}, {@code "2.bias"}, ...).
 *
 * @param inputs the number of input features
 * @param hidden the hidden layer widths, possibly none
 * @param activation the activation after each hidden layer
 */
public record Architecture(int inputs, int[] hidden, Activation activation) {

    /**
     * Validates and copies the widths.
     *
     * @param inputs the input width, positive
     * @param hidden the hidden widths, positive
     * @param activation the activation
     */
    public Architecture {
        if (inputs <= 0) {
            throw new IllegalArgumentException(
                    "Architecture: inputs must be positive, found " + inputs);
        }
        hidden = hidden.clone();
        for (int h : hidden) {
            if (h <= 0) {
                throw new IllegalArgumentException(
                        "Architecture: hidden widths must be positive, found "
                                + Arrays.toString(hidden));
            }
        }
        if (activation == null) {
            throw new IllegalArgumentException("Architecture: an activation is required");
        }
    }

    /**
     * A network with the given hidden widths and ReLU activations.
     *
     * @param inputs the input width
     * @param hidden the hidden widths
     * @return the architecture
     */
    public static Architecture relu(int inputs, int... hidden) {
        return new Architecture(inputs, hidden, Activation.RELU);
    }

    /**
     * Returns the hidden widths.
     *
     * @return a copy
     */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /**
     * The layer widths, input first, output last.
     *
     * @param outputs the output width
     * @return {@code [inputs, hidden..., outputs]}
     */
    public int[] sizes(int outputs) {
        int[] s = new int[hidden.length + 2];
        s[0] = inputs;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = outputs;
        return s;
    }

    /**
     * The name of linear layer {@code i}.
     *
     * @param i the layer index, from 0
     * @return {@code 2 i} as a string
     */
    public static String layerName(int i) {
        return Integer.toString(2 * i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a
                && a.inputs == inputs
                && Arrays.equals(a.hidden, hidden)
                && a.activation == activation;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * inputs + Arrays.hashCode(hidden)) + activation.hashCode();
    }

    @Override
    public String toString() {
        return "Architecture[inputs="
                + inputs
                + ", hidden="
                + Arrays.toString(hidden)
                + ", "
                + activation
                + "]";
    }
}
