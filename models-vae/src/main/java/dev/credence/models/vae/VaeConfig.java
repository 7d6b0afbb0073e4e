package dev.credence.models.vae;

import dev.credence.api.backend.DType;
import java.util.List;
import java.util.Map;

/**
 * Everything that defines a VAE and how it is trained and evaluated. The defaults are the reference
 * model of PyTorch's example: a 784-400-20 encoder, a 20-400-784 decoder, a Bernoulli likelihood,
 * the analytic KL term, Adam with rate 1e-3, minibatches of 128, 20 epochs, FLOAT32.
 *
 * <pre>{@code
 * VaeConfig c = VaeConfig.builder().latent(2).epochs(5).beta(4).build();
 * VaeConfig d = VaeConfig.fromOptions(Map.of("latent", "2", "likelihood", "cb"));
 * }</pre>
 *
 * <p><b>beta.</b> The objective is {@code E_q[log p(x | z)] - beta KL(q(z | x) || p(z))}: the
 * {@code beta}-VAE of Higgins et al. (ICLR 2017). It is applied as a scale of {@code beta} on the
 * latent site {@code z} in both the model and the guide, so every ELBO estimator weighs the KL part
 * (analytic or Monte Carlo) and nothing else. Evaluation always reports the true ELBO ({@code beta
 * = 1}).
 *
 * <p><b>particles.</b> With {@code particles = K > 1} training maximises the importance-weighted
 * bound of Burda, Grosse and Salakhutdinov ("Importance weighted autoencoders", ICLR 2016) with K
 * samples per example; {@code analyticKl} then does not apply (the bound has no KL term).
 *
 * @param latent the dimension of the latent variable z
 * @param hidden the width of the hidden layer of the encoder and of the decoder
 * @param likelihood the observation model
 * @param beta the weight of the KL part of the training objective, positive
 * @param particles the number of importance samples of the training bound (1 for the ELBO)
 * @param analyticKl whether the ELBO uses the closed-form KL term (else a Monte Carlo estimate)
 * @param dtype the floating-point type of the parameters and data
 * @param epochs the number of passes over the training set
 * @param batchSize the minibatch size
 * @param learningRate Adam's learning rate
 * @param seed the seed of every random choice (initial weights, minibatches, draws)
 * @param evalSamples the importance samples K of the {@code -log p(x)} estimate
 * @param evalExamples how many test examples the {@code -log p(x)} estimate uses (0 for all)
 * @param anomalySamples the draws of z behind each anomaly score
 */
public record VaeConfig(
        int latent,
        int hidden,
        Likelihood likelihood,
        double beta,
        int particles,
        boolean analyticKl,
        DType dtype,
        int epochs,
        int batchSize,
        double learningRate,
        long seed,
        int evalSamples,
        int evalExamples,
        int anomalySamples) {

    /** The option names understood by {@link #fromOptions}, in {@link #toOptions} order. */
    public static final List<String> OPTIONS =
            List.of(
                    "latent",
                    "hidden",
                    "likelihood",
                    "beta",
                    "particles",
                    "kl",
                    "dtype",
                    "epochs",
                    "batch-size",
                    "lr",
                    "seed",
                    "eval-samples",
                    "eval-examples",
                    "anomaly-samples");

    /**
     * Validates the settings.
     *
     * @param latent the latent dimension
     * @param hidden the hidden width
     * @param likelihood the observation model
     * @param beta the KL weight
     * @param particles the training importance samples
     * @param analyticKl whether the KL term is analytic
     * @param dtype the dtype
     * @param epochs the epochs
     * @param batchSize the minibatch size
     * @param learningRate the learning rate
     * @param seed the seed
     * @param evalSamples the importance samples of the evaluation
     * @param evalExamples the evaluated test examples
     * @param anomalySamples the draws per anomaly score
     */
    public VaeConfig {
        positive("latent", latent);
        positive("hidden", hidden);
        positive("particles", particles);
        positive("batch-size", batchSize);
        positive("eval-samples", evalSamples);
        positive("anomaly-samples", anomalySamples);
        if (epochs < 0 || evalExamples < 0) {
            throw new IllegalArgumentException(
                    "VAE: epochs and eval-examples must be >= 0, found "
                            + epochs
                            + " and "
                            + evalExamples);
        }
        if (likelihood == null) {
            throw new IllegalArgumentException("VAE: the likelihood is missing");
        }
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException(
                    "VAE: beta must be positive and finite, found " + beta);
        }
        if (particles > 1 && beta != 1) {
            throw new IllegalArgumentException(
                    "VAE: beta weighs the KL part of the ELBO, which the importance-weighted bound"
                            + " (particles > 1) does not have; use beta = 1 with particles = "
                            + particles);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(
                    "VAE: the learning rate must be positive and finite, found " + learningRate);
        }
        if (dtype == null || !dtype.isFloating()) {
            throw new IllegalArgumentException(
                    "VAE: dtype must be FLOAT32 or FLOAT64, found " + dtype);
        }
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException("VAE: " + name + " must be >= 1, found " + v);
        }
    }

    /**
     * Returns the reference configuration.
     *
     * @return the defaults
     */
    public static VaeConfig defaults() {
        return builder().build();
    }

    /**
     * Starts from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder(
                new VaeConfig(
                        20,
                        400,
                        Likelihood.BERNOULLI,
                        1,
                        1,
                        true,
                        DType.FLOAT32,
                        20,
                        128,
                        1e-3,
                        0,
                        1000,
                        1000,
                        16));
    }

    /**
     * Starts from this configuration.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Tells whether training uses the importance-weighted bound.
     *
     * @return true when {@code particles > 1}
     */
    public boolean iwae() {
        return particles > 1;
    }

    /**
     * Reads a configuration from string options (as a command line gives them), the defaults
     * filling the rest; see {@link VaeOptions}.
     *
     * @param options values by the names of {@link #OPTIONS}
     * @return the configuration
     * @throws IllegalArgumentException for an unknown option or a bad value, naming it
     */
    public static VaeConfig fromOptions(Map<String, String> options) {
        return VaeOptions.parse(options);
    }

    /**
     * Writes this configuration as string options; {@link #fromOptions} reads them back.
     *
     * @return values by option name, in {@link #OPTIONS} order
     */
    public Map<String, String> toOptions() {
        return VaeOptions.format(this);
    }

    /**
     * Tells whether another configuration trains the same model the same way up to its own number
     * of epochs, so that a run of one can resume a run of the other.
     *
     * @param o the other configuration
     * @return true when everything but the epochs and the evaluation settings agrees
     */
    public boolean sameTraining(VaeConfig o) {
        return latent == o.latent
                && hidden == o.hidden
                && likelihood == o.likelihood
                && beta == o.beta
                && particles == o.particles
                && analyticKl == o.analyticKl
                && dtype == o.dtype
                && batchSize == o.batchSize
                && learningRate == o.learningRate
                && seed == o.seed;
    }

    /** Changes one setting at a time; {@link #build()} validates the result. */
    public static final class Builder {
        private int latent;
        private int hidden;
        private Likelihood likelihood;
        private double beta;
        private int particles;
        private boolean analyticKl;
        private DType dtype;
        private int epochs;
        private int batchSize;
        private double learningRate;
        private long seed;
        private int evalSamples;
        private int evalExamples;
        private int anomalySamples;

        private Builder(VaeConfig c) {
            latent = c.latent;
            hidden = c.hidden;
            likelihood = c.likelihood;
            beta = c.beta;
            particles = c.particles;
            analyticKl = c.analyticKl;
            dtype = c.dtype;
            epochs = c.epochs;
            batchSize = c.batchSize;
            learningRate = c.learningRate;
            seed = c.seed;
            evalSamples = c.evalSamples;
            evalExamples = c.evalExamples;
            anomalySamples = c.anomalySamples;
        }

        /**
         * Sets the latent dimension.
         *
         * @param v the dimension
         * @return this builder
         */
        public Builder latent(int v) {
            latent = v;
            return this;
        }

        /**
         * Sets the hidden width.
         *
         * @param v the width
         * @return this builder
         */
        public Builder hidden(int v) {
            hidden = v;
            return this;
        }

        /**
         * Sets the likelihood.
         *
         * @param v the likelihood
         * @return this builder
         */
        public Builder likelihood(Likelihood v) {
            likelihood = v;
            return this;
        }

        /**
         * Sets the KL weight.
         *
         * @param v beta
         * @return this builder
         */
        public Builder beta(double v) {
            beta = v;
            return this;
        }

        /**
         * Sets the importance samples of the training bound.
         *
         * @param v K, 1 for the ELBO
         * @return this builder
         */
        public Builder particles(int v) {
            particles = v;
            return this;
        }

        /**
         * Chooses the analytic or the Monte Carlo KL term.
         *
         * @param v true for analytic
         * @return this builder
         */
        public Builder analyticKl(boolean v) {
            analyticKl = v;
            return this;
        }

        /**
         * Sets the dtype.
         *
         * @param v FLOAT32 or FLOAT64
         * @return this builder
         */
        public Builder dtype(DType v) {
            dtype = v;
            return this;
        }

        /**
         * Sets the epochs.
         *
         * @param v the number of passes
         * @return this builder
         */
        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        /**
         * Sets the minibatch size.
         *
         * @param v the size
         * @return this builder
         */
        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        /**
         * Sets the learning rate.
         *
         * @param v the rate
         * @return this builder
         */
        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        /**
         * Sets the seed.
         *
         * @param v the seed
         * @return this builder
         */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /**
         * Sets the importance samples of the {@code -log p(x)} estimate.
         *
         * @param v K
         * @return this builder
         */
        public Builder evalSamples(int v) {
            evalSamples = v;
            return this;
        }

        /**
         * Sets how many test examples the {@code -log p(x)} estimate uses.
         *
         * @param v the count, 0 for all
         * @return this builder
         */
        public Builder evalExamples(int v) {
            evalExamples = v;
            return this;
        }

        /**
         * Sets the draws per anomaly score.
         *
         * @param v the draws
         * @return this builder
         */
        public Builder anomalySamples(int v) {
            anomalySamples = v;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the configuration
         */
        public VaeConfig build() {
            return new VaeConfig(
                    latent,
                    hidden,
                    likelihood,
                    beta,
                    particles,
                    analyticKl,
                    dtype,
                    epochs,
                    batchSize,
                    learningRate,
                    seed,
                    evalSamples,
                    evalExamples,
                    anomalySamples);
        }
    }
}
