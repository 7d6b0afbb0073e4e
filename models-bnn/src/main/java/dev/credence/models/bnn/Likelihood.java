package dev.credence.models.bnn;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.Categorical;
import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.Normal;
import dev.credence.api.model.ModelContext;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;

/**
 * The observation model on top of a network's outputs.
 *
 * <ul>
 *   <li>{@link #homoscedastic(double)}: {@code y ~ N(f(x), sigma^2)} with one noise scale {@code
 *       sigma ~ HalfNormal(s)}, a latent site named {@value #NOISE_SITE} (learned like the
 *       weights);
 *   <li>{@link #heteroscedastic()}: the network has two outputs per example, the mean and {@code
 *       sigma(x) = softplus(g(x)) + floor}, so the noise varies with the input (Nix and Weigend
 *       1994; the likelihood of deep ensembles, Lakshminarayanan et al. 2017);
 *   <li>{@link #categorical(int)}: {@code y ~ Categorical(softmax(f(x)))} over K classes, labels
 *       {@code 0..K-1}.
 * </ul>
 *
 * Inside the data plate {@link #record} adds deterministic sites that predictions read: {@value
 * #MEAN_SITE} and {@value #SD_SITE} for regression, {@value #PROBS_SITE} for classification.
 */
public sealed interface Likelihood {
    /** The latent noise scale of the homoscedastic Gaussian likelihood. */
    String NOISE_SITE = "noise";

    /** The deterministic site of the predicted mean (regression). */
    String MEAN_SITE = "mean";

    /** The deterministic site of the predicted noise standard deviation (regression). */
    String SD_SITE = "sd";

    /** The deterministic site of the class probabilities (classification). */
    String PROBS_SITE = "probs";

    /** The observed (or, for prediction, simulated) site of the targets. */
    String Y_SITE = "y";

    /**
     * Returns the network output width this likelihood reads.
     *
     * @return the number of outputs per example
     */
    int outputs();

    /**
     * Tells whether this is a regression likelihood.
     *
     * @return true for the Gaussian likelihoods
     */
    boolean isRegression();

    /**
     * Tells whether the likelihood has the global noise site {@value #NOISE_SITE}.
     *
     * @return true for the homoscedastic Gaussian likelihood
     */
    boolean hasNoiseSite();

    /**
     * A short description for reports.
     *
     * @return the description
     */
    String describe();

    /**
     * Declares the likelihood's global latent sites (outside the data plate).
     *
     * @param ctx the model context
     * @param b the backend
     * @param dtype the dtype
     * @return the homoscedastic noise scale, or null if there is none
     */
    Tensor sampleGlobals(ModelContext ctx, Backend b, DType dtype);

    /**
     * The prior of the global noise scale.
     *
     * @param b the backend
     * @param dtype the dtype
     * @return the prior, or null if the likelihood has no global site
     */
    Distribution noisePrior(Backend b, DType dtype);

    /**
     * The distribution of the targets given the network's outputs.
     *
     * @param out the outputs {@code [..., outputs()]}, typically {@code [B, outputs()]}
     * @param noise the global noise scale, or null
     * @return a distribution with batch shape {@code [...]}, typically {@code [B]}
     */
    Distribution distribution(Tensor out, Tensor noise);

    /**
     * Adds the deterministic prediction sites for a minibatch.
     *
     * @param ctx the model context, inside the data plate
     * @param out the outputs {@code [B, outputs()]}
     * @param noise the global noise scale, or null
     */
    void record(ModelContext ctx, Tensor out, Tensor noise);

    /**
     * The Gaussian likelihood with one learned noise scale.
     *
     * @param noisePriorScale the scale of the {@code HalfNormal} prior on the noise
     * @return the likelihood
     */
    static Likelihood homoscedastic(double noisePriorScale) {
        return new Gaussian(false, noisePriorScale);
    }

    /**
     * The Gaussian likelihood whose noise scale is a second network output.
     *
     * @return the likelihood
     */
    static Likelihood heteroscedastic() {
        return new Gaussian(true, 1);
    }

    /**
     * The categorical likelihood over {@code classes} classes.
     *
     * @param classes the number of classes, at least 2
     * @return the likelihood
     */
    static Likelihood categorical(int classes) {
        return new Classification(classes);
    }

    /**
     * Gaussian regression.
     *
     * @param heteroscedastic whether the noise scale is a network output
     * @param noisePriorScale the {@code HalfNormal} prior scale of the global noise (homoscedastic)
     */
    record Gaussian(boolean heteroscedastic, double noisePriorScale) implements Likelihood {
        /** The smallest noise scale of the heteroscedastic head. */
        public static final double SD_FLOOR = 1e-3;

        /**
         * Validates the prior scale.
         *
         * @param heteroscedastic whether the noise scale is a network output
         * @param noisePriorScale positive
         */
        public Gaussian {
            if (!(noisePriorScale > 0)) {
                throw new IllegalArgumentException(
                        "Gaussian likelihood: the noise prior scale must be positive, found "
                                + noisePriorScale);
            }
        }

        @Override
        public int outputs() {
            return heteroscedastic ? 2 : 1;
        }

        @Override
        public boolean isRegression() {
            return true;
        }

        @Override
        public boolean hasNoiseSite() {
            return !heteroscedastic;
        }

        @Override
        public String describe() {
            return heteroscedastic
                    ? "gaussian(heteroscedastic)"
                    : "gaussian(noise ~ HalfNormal(" + noisePriorScale + "))";
        }

        @Override
        public Tensor sampleGlobals(ModelContext ctx, Backend b, DType dtype) {
            return heteroscedastic ? null : ctx.sample(NOISE_SITE, noisePrior(b, dtype));
        }

        @Override
        public Distribution noisePrior(Backend b, DType dtype) {
            return heteroscedastic
                    ? null
                    : new HalfNormal(Tensor.scalar(b, noisePriorScale, dtype));
        }

        @Override
        public Distribution distribution(Tensor out, Tensor noise) {
            return new Normal(mean(out), sd(out, noise));
        }

        @Override
        public void record(ModelContext ctx, Tensor out, Tensor noise) {
            Tensor m = mean(out);
            ctx.deterministic(MEAN_SITE, m);
            ctx.deterministic(SD_SITE, sd(out, noise).broadcastTo(m.shape().dims()));
        }

        private static Tensor mean(Tensor out) {
            return out.narrow(-1, 0, 1).squeeze(-1);
        }

        private Tensor sd(Tensor out, Tensor noise) {
            if (heteroscedastic) {
                return out.narrow(-1, 1, 2).squeeze(-1).softplus().add(SD_FLOOR);
            }
            if (noise == null) {
                throw new IllegalArgumentException(
                        "homoscedastic Gaussian likelihood: the noise scale is missing");
            }
            return noise;
        }
    }

    /**
     * Classification with a softmax over the network's outputs.
     *
     * @param classes the number of classes
     */
    record Classification(int classes) implements Likelihood {
        /**
         * Validates the class count.
         *
         * @param classes at least 2
         */
        public Classification {
            if (classes < 2) {
                throw new IllegalArgumentException(
                        "categorical likelihood: needs at least 2 classes, found " + classes);
            }
        }

        @Override
        public int outputs() {
            return classes;
        }

        @Override
        public boolean isRegression() {
            return false;
        }

        @Override
        public boolean hasNoiseSite() {
            return false;
        }

        @Override
        public String describe() {
            return "categorical(" + classes + ")";
        }

        @Override
        public Tensor sampleGlobals(ModelContext ctx, Backend b, DType dtype) {
            return null;
        }

        @Override
        public Distribution noisePrior(Backend b, DType dtype) {
            return null;
        }

        @Override
        public Distribution distribution(Tensor out, Tensor noise) {
            return Categorical.withLogits(out);
        }

        @Override
        public void record(ModelContext ctx, Tensor out, Tensor noise) {
            ctx.deterministic(PROBS_SITE, Reductions.softmax(out, -1));
        }
    }
}
