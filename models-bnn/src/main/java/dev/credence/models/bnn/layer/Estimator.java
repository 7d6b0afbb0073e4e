package dev.credence.models.bnn.layer;

import java.util.Locale;

/**
 * How a {@link BayesianLinear} layer turns a Gaussian weight posterior {@code q(W) = N(M, S^2)}
 * (element-wise) into outputs during training. All three give an unbiased estimate of the expected
 * log-likelihood and of its gradient; they differ in variance and cost.
 *
 * <ul>
 *   <li>{@link #REPARAMETERISATION}: one weight draw {@code W = M + S * E} shared by the whole
 *       minibatch (Blundell et al. 2015). The per-example gradients are correlated, so the
 *       minibatch gradient's variance does not fall as {@code 1/B}.
 *   <li>{@link #LOCAL}: the local reparameterisation trick (Kingma, Salimans and Welling,
 *       "Variational dropout and the local reparameterization trick", NeurIPS 2015, section 2.3):
 *       for an input row {@code x}, {@code b = x W} is Gaussian with mean {@code x M} and variance
 *       {@code x^2 S^2}, so it is sampled directly with independent noise per example: {@code b = x
 *       M + sqrt(x^2 S^2) * e}. Per-example noise decorrelates the gradients; the cost is a second
 *       matrix product.
 *   <li>{@link #FLIPOUT}: Flipout (Wen, Vicol, Ba, Tran and Grosse, ICLR 2018, equation 4): one
 *       shared perturbation {@code D = W - M}, decorrelated across examples by random sign vectors
 *       {@code s} (inputs) and {@code r} (outputs): {@code b = x M + ((x * s) D) * r}. Valid for
 *       any perturbation symmetric about zero; also two matrix products.
 * </ul>
 *
 * A layer uses {@code LOCAL} or {@code FLIPOUT} only when a {@link GuideTap} tells it the Gaussian
 * its weights were drawn from; otherwise (NUTS, prediction, a guide without a tap) it falls back to
 * the plain product {@code x W}.
 */
public enum Estimator {
    /** One shared weight draw per step. */
    REPARAMETERISATION,
    /** The local reparameterisation trick: sample pre-activations per example. */
    LOCAL,
    /** Flipout: a shared perturbation with per-example random signs. */
    FLIPOUT;

    /**
     * Parses {@code reparam}, {@code local} or {@code flipout} (case-insensitive).
     *
     * @param name the name
     * @return the estimator
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Estimator parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "reparam", "reparameterisation", "reparameterization" -> REPARAMETERISATION;
            case "local", "lrt" -> LOCAL;
            case "flipout" -> FLIPOUT;
            default ->
                    throw new IllegalArgumentException(
                            "unknown estimator '" + name + "'; known: reparam, local, flipout");
        };
    }
}
