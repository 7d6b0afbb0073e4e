package dev.credence.models.bnn.layer;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.ScaleMixtureNormal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.Tensor;

/**
 * The prior of a layer's weights and biases: independent across entries, zero-centred.
 *
 * <ul>
 *   <li>{@link #normal(double)}: {@code N(0, s^2)} for every entry, the common choice on
 *       standardised data, with a closed-form KL divergence against a Gaussian guide;
 *   <li>{@link #fanIn(double)}: {@code N(0, s^2 / fanIn)}, the scaling of Neal (1996) under which
 *       the prior over functions stays the same as layers get wider;
 *   <li>{@link #scaleMixture(double, double, double)}: {@code pi N(0, s1^2) + (1 - pi) N(0, s2^2)},
 *       the prior of Bayes by Backprop (Blundell et al., "Weight uncertainty in neural networks",
 *       ICML 2015, equation 7); its KL term is estimated by Monte Carlo;
 *   <li>{@link #learned(double)}: {@code N(0, s_t^2)} with one scale {@code s_t} per weight tensor
 *       declared as a {@code param} site {@code <site>.prior_scale}: SVI then maximises the ELBO
 *       over it too (empirical Bayes, type-II maximum likelihood, as in MacKay 1992 and the
 *       variational networks of Wu et al., "Deterministic variational inference for robust Bayesian
 *       neural networks", ICLR 2019). Sampling methods such as NUTS keep it at its initial value.
 *       This removes the main weakness of mean-field VI with a fixed unit prior on small data sets:
 *       the KL term pulling every weight towards a prior too wide or too narrow for the layer,
 *       which underfits.
 * </ul>
 */
public sealed interface WeightPrior {

    /**
     * The prior of one parameter tensor, as a distribution whose event is the whole tensor. A prior
     * with learned hyperparameters declares them here as {@code param} sites.
     *
     * @param ctx the model context (for hyperparameter sites)
     * @param site the name of the weight site the prior is for
     * @param b the backend
     * @param dtype the dtype of the weights
     * @param fanIn the number of inputs of the layer
     * @param shape the tensor's shape ({@code [in, out]} or {@code [out]})
     * @return the distribution, batch shape {@code []}, event shape {@code shape}
     */
    Distribution over(
            ModelContext ctx, String site, Backend b, DType dtype, int fanIn, int... shape);

    /**
     * A short description for reports, such as {@code normal(1.0)}.
     *
     * @return the description
     */
    String describe();

    /**
     * Every entry {@code N(0, scale^2)}.
     *
     * @param scale the standard deviation, positive
     * @return the prior
     */
    static WeightPrior normal(double scale) {
        return new Gaussian(scale, false);
    }

    /**
     * Every entry {@code N(0, scale^2 / fanIn)}.
     *
     * @param scale the standard deviation for one input, positive
     * @return the prior
     */
    static WeightPrior fanIn(double scale) {
        return new Gaussian(scale, true);
    }

    /**
     * The two-component scale mixture of Blundell et al. (2015).
     *
     * @param pi the weight of the first component, in (0, 1)
     * @param sigma1 the wide component's standard deviation
     * @param sigma2 the narrow component's standard deviation
     * @return the prior
     */
    static WeightPrior scaleMixture(double pi, double sigma1, double sigma2) {
        return new ScaleMixture(pi, sigma1, sigma2);
    }

    /**
     * A Gaussian prior whose scale per weight tensor is learned by SVI.
     *
     * @param initial the initial scale, positive
     * @return the prior
     */
    static WeightPrior learned(double initial) {
        return new Learned(initial);
    }

    /**
     * Parses {@code normal:S}, {@code fanin:S}, {@code learned:S} or {@code mixture:PI:S1:S2} (the
     * command-line form).
     *
     * @param text the specification
     * @return the prior
     * @throws IllegalArgumentException naming the accepted forms
     */
    static WeightPrior parse(String text) {
        String[] p = text.trim().toLowerCase(java.util.Locale.ROOT).split(":");
        try {
            return switch (p[0]) {
                case "normal" -> normal(p.length > 1 ? Double.parseDouble(p[1]) : 1);
                case "fanin" -> fanIn(p.length > 1 ? Double.parseDouble(p[1]) : 1);
                case "learned" -> learned(p.length > 1 ? Double.parseDouble(p[1]) : 1);
                case "mixture" ->
                        scaleMixture(
                                Double.parseDouble(p[1]),
                                Double.parseDouble(p[2]),
                                Double.parseDouble(p[3]));
                default -> throw new IllegalArgumentException("unknown prior '" + p[0] + "'");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "weight prior '"
                            + text
                            + "': expected normal:S, fanin:S, learned:S or mixture:PI:S1:S2 ("
                            + e.getMessage()
                            + ")",
                    e);
        }
    }

    /**
     * A zero-mean Gaussian prior.
     *
     * @param scale the standard deviation (for one input when {@code perFanIn})
     * @param perFanIn whether the standard deviation is divided by {@code sqrt(fanIn)}
     */
    record Gaussian(double scale, boolean perFanIn) implements WeightPrior {
        /**
         * Validates the scale.
         *
         * @param scale the standard deviation, positive
         * @param perFanIn whether it is divided by {@code sqrt(fanIn)}
         */
        public Gaussian {
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException(
                        "Gaussian weight prior: scale must be positive and finite, found " + scale);
            }
        }

        @Override
        public Distribution over(
                ModelContext ctx, String site, Backend b, DType dtype, int fanIn, int... shape) {
            double s = perFanIn ? scale / Math.sqrt(fanIn) : scale;
            Tensor loc = Tensor.zeros(b, dtype, shape);
            return new Independent(new Normal(loc, loc.scalarLike(s)), shape.length);
        }

        @Override
        public String describe() {
            return (perFanIn ? "fanin(" : "normal(") + scale + ")";
        }
    }

    /**
     * The scale-mixture prior of Bayes by Backprop.
     *
     * @param pi the weight of the first component
     * @param sigma1 the first component's standard deviation
     * @param sigma2 the second component's standard deviation
     */
    record ScaleMixture(double pi, double sigma1, double sigma2) implements WeightPrior {
        /**
         * Validates the parameters.
         *
         * @param pi the weight of the first component, in (0, 1)
         * @param sigma1 the first standard deviation, positive
         * @param sigma2 the second standard deviation, positive
         */
        public ScaleMixture {
            if (!(pi > 0 && pi < 1) || !(sigma1 > 0) || !(sigma2 > 0)) {
                throw new IllegalArgumentException(
                        "scale-mixture prior: needs 0 < pi < 1 and positive scales, found pi="
                                + pi
                                + " sigma1="
                                + sigma1
                                + " sigma2="
                                + sigma2);
            }
        }

        @Override
        public Distribution over(
                ModelContext ctx, String site, Backend b, DType dtype, int fanIn, int... shape) {
            Tensor z = Tensor.zeros(b, dtype, shape);
            return new Independent(
                    new ScaleMixtureNormal(
                                    z.scalarLike(pi), z.scalarLike(sigma1), z.scalarLike(sigma2))
                            .expand(shape),
                    shape.length);
        }

        @Override
        public String describe() {
            return "mixture(" + pi + ", " + sigma1 + ", " + sigma2 + ")";
        }
    }

    /**
     * A Gaussian prior with a learned scale per weight tensor.
     *
     * @param initial the initial scale
     */
    record Learned(double initial) implements WeightPrior {
        /** The suffix of the hyperparameter site after the weight site's name. */
        public static final String SUFFIX = ".prior_scale";

        /**
         * Validates the initial scale.
         *
         * @param initial positive
         */
        public Learned {
            if (!(initial > 0) || Double.isInfinite(initial)) {
                throw new IllegalArgumentException(
                        "learned weight prior: the initial scale must be positive and finite,"
                                + " found "
                                + initial);
            }
        }

        @Override
        public Distribution over(
                ModelContext ctx, String site, Backend b, DType dtype, int fanIn, int... shape) {
            Tensor scale =
                    ctx.param(
                            site + SUFFIX,
                            Tensor.scalar(b, initial, dtype),
                            Constraints.positive());
            Tensor loc = Tensor.zeros(b, dtype, shape);
            return new Independent(new Normal(loc, scale.broadcastTo(shape)), shape.length);
        }

        @Override
        public String describe() {
            return "learned(" + initial + ")";
        }
    }
}
