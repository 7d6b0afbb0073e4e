package dev.credence.models.vae;

import dev.credence.api.dist.Bernoulli;
import dev.credence.api.dist.ContinuousBernoulli;
import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.Validation;
import dev.credence.api.tensor.Tensor;
import java.util.Locale;

/**
 * The observation model {@code p(x | z)} of a VAE: a distribution over the pixels of an image,
 * independent given the decoder's output {@code l} (one real number per pixel).
 *
 * <ul>
 *   <li>{@link #BERNOULLI}: {@code log p(x | l) = sum_i x_i l_i - softplus(l_i)}, the negative
 *       binary cross-entropy between the pixels and {@code sigmoid(l)}. This is the loss of Kingma
 *       and Welling ("Auto-encoding variational Bayes", ICLR 2014) and of PyTorch's example, used
 *       here on gray levels in [0, 1] as they do: it is then a useful loss but not a normalised
 *       density on [0, 1], so argument validation is switched off for this site (Bernoulli's
 *       support is {0, 1}).
 *   <li>{@link #CONTINUOUS_BERNOULLI}: the continuous Bernoulli of Loaiza-Ganem and Cunningham
 *       ("The continuous Bernoulli: fixing a pervasive error in variational autoencoders", NeurIPS
 *       2019), the Bernoulli's form normalised on [0, 1]: {@code log p = log C(l) + x l -
 *       softplus(l)}. Its log-likelihoods are densities, often positive, so its losses are not
 *       comparable with the Bernoulli's.
 *   <li>{@link #GAUSSIAN}: {@code x_i ~ Normal(sigmoid(l_i), sigma)} with one learnt standard
 *       deviation shared by all pixels (the param site {@value #SCALE_SITE}, kept positive). A
 *       shared scale cannot collapse onto pixels that are always 0, which a per-pixel one would.
 * </ul>
 *
 * The image shown for an output (reconstructions, samples) is the distribution's mean.
 */
public enum Likelihood {
    /** Bernoulli with logits, the reference VAE's binary cross-entropy. */
    BERNOULLI,
    /** The continuous Bernoulli, normalised on [0, 1]. */
    CONTINUOUS_BERNOULLI,
    /** A normal with mean {@code sigmoid(l)} and one learnt standard deviation. */
    GAUSSIAN;

    /** The param site of the Gaussian likelihood's standard deviation. */
    public static final String SCALE_SITE = "decoder.scale";

    /** The initial standard deviation of the Gaussian likelihood. */
    static final double INITIAL_SCALE = 0.1;

    /**
     * Parses a name as written in options: {@code bernoulli}, {@code continuous-bernoulli} (or
     * {@code cb}), {@code gaussian}.
     *
     * @param name the name, case-insensitive
     * @return the likelihood
     * @throws IllegalArgumentException naming the known values
     */
    public static Likelihood parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (n) {
            case "bernoulli" -> BERNOULLI;
            case "continuous-bernoulli", "cb" -> CONTINUOUS_BERNOULLI;
            case "gaussian", "normal" -> GAUSSIAN;
            default ->
                    throw new IllegalArgumentException(
                            "unknown likelihood '"
                                    + name
                                    + "'; known: bernoulli, continuous-bernoulli, gaussian");
        };
    }

    /**
     * Returns the name used in options and files.
     *
     * @return for example {@code continuous-bernoulli}
     */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Tells whether the likelihood has a param of its own (the Gaussian's scale).
     *
     * @return true for {@link #GAUSSIAN}
     */
    public boolean hasScale() {
        return this == GAUSSIAN;
    }

    /**
     * Builds {@code p(x | z)} from the decoder's output.
     *
     * @param logits the decoder's output, {@code [..., pixels]}
     * @param scale the Gaussian's standard deviation (a scalar tensor), ignored by the others
     * @return a distribution with event shape {@code [pixels]}
     */
    public Distribution distribution(Tensor logits, Tensor scale) {
        return switch (this) {
            case BERNOULLI -> {
                try (Validation.Scope off = Validation.disable()) {
                    yield new Independent(Bernoulli.withLogits(logits), 1);
                }
            }
            case CONTINUOUS_BERNOULLI -> new Independent(ContinuousBernoulli.withLogits(logits), 1);
            case GAUSSIAN -> new Independent(new Normal(logits.sigmoid(), scale), 1);
        };
    }

    /**
     * Returns the mean image {@code E[x | z]}.
     *
     * @param logits the decoder's output
     * @return the mean, in [0, 1]
     */
    public Tensor mean(Tensor logits) {
        return this == CONTINUOUS_BERNOULLI
                ? ContinuousBernoulli.withLogits(logits).mean()
                : logits.sigmoid();
    }
}
