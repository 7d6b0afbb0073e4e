package dev.credence.models.bnn.fit;

import dev.credence.api.nn.Activation;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.Architecture;
import dev.credence.models.bnn.BnnModel;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.layer.WeightPrior;
import java.util.Arrays;
import java.util.Locale;

/**
 * What network to build for a table of data, in command-line terms: hidden widths, activation,
 * likelihood ({@code homoscedastic}, {@code heteroscedastic} or {@code categorical}) and weight
 * prior. The input width and the number of classes come from the data.
 *
 * @param hidden the hidden widths
 * @param activation the activation
 * @param likelihood {@code homoscedastic}, {@code heteroscedastic} or {@code categorical}
 * @param prior the weight prior
 */
public record NetworkSpec(
        int[] hidden, Activation activation, String likelihood, WeightPrior prior) {
    /** The likelihood names. */
    public static final java.util.List<String> LIKELIHOODS =
            java.util.List.of("homoscedastic", "heteroscedastic", "categorical");

    /**
     * Validates the names.
     *
     * @param hidden the hidden widths
     * @param activation the activation
     * @param likelihood one of {@link #LIKELIHOODS}
     * @param prior the weight prior
     */
    public NetworkSpec {
        hidden = hidden.clone();
        likelihood = likelihood.trim().toLowerCase(Locale.ROOT);
        if (!LIKELIHOODS.contains(likelihood)) {
            throw new IllegalArgumentException(
                    "unknown likelihood '" + likelihood + "'; known: " + LIKELIHOODS);
        }
    }

    /**
     * One hidden layer of 50 ReLU units, homoscedastic Gaussian likelihood, {@code N(0, 1)} prior:
     * the UCI benchmark's network.
     *
     * @return the spec
     */
    public static NetworkSpec regression() {
        return new NetworkSpec(
                new int[] {50}, Activation.RELU, "homoscedastic", WeightPrior.normal(1));
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
     * Tells whether the spec is a classifier.
     *
     * @return true for the categorical likelihood
     */
    public boolean isClassification() {
        return likelihood.equals("categorical");
    }

    /**
     * The likelihood object.
     *
     * @param classes the number of classes (classification only)
     * @return the likelihood
     */
    public Likelihood likelihood(int classes) {
        return switch (likelihood) {
            case "homoscedastic" -> Likelihood.homoscedastic(1);
            case "heteroscedastic" -> Likelihood.heteroscedastic();
            default -> Likelihood.categorical(classes);
        };
    }

    /**
     * Builds the model on (standardised) training data.
     *
     * @param x the inputs {@code [N, D]}
     * @param y the targets {@code [N]}
     * @param classes the number of classes (classification only)
     * @return the model
     */
    public BnnModel model(Tensor x, Tensor y, int classes) {
        return BnnModel.of(
                new Architecture(x.dim(1), hidden, activation), likelihood(classes), prior, x, y);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec s
                && Arrays.equals(s.hidden, hidden)
                && s.activation == activation
                && s.likelihood.equals(likelihood)
                && s.prior.equals(prior);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + likelihood.hashCode();
    }

    @Override
    public String toString() {
        return "NetworkSpec[hidden="
                + Arrays.toString(hidden)
                + ", "
                + activation
                + ", "
                + likelihood
                + ", prior "
                + prior.describe()
                + "]";
    }
}
