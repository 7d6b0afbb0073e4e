package dev.credence.models.vae;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.infer.GuidedModel;
import dev.credence.api.model.Effect;
import dev.credence.api.model.Message;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.model.ModuleSites;
import dev.credence.api.model.Plate;
import dev.credence.api.nn.Activation;
import dev.credence.api.nn.Params;
import dev.credence.api.nn.Sequential;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variational autoencoder of Kingma and Welling ("Auto-encoding variational Bayes", ICLR 2014)
 * as a Credence model with an amortised guide.
 *
 * <p><b>The model</b> ({@link #model}) generates each image {@code x_n} of a data set of size N
 * from its own latent vector {@code z_n}, through a decoder network whose weights are {@code param}
 * sites ({@code decoder.*}):
 *
 * <pre>
 * for n in plate "data" (N, subsampled B at a time):
 *     z_n ~ Normal(0, I)                          site "z", event shape [latent]
 *     x_n ~ p(x | decoder(z_n))                   site "x", observed, event shape [pixels]
 * </pre>
 *
 * <p><b>The guide</b> ({@link #guide}) is the encoder: {@code q(z_n | x_n) = Normal(loc(x_n),
 * exp(logVar(x_n) / 2))}, one network shared by all data points (amortised inference) whose weights
 * are the {@code param} sites {@code encoder.*}. It opens the same plate, so it draws the minibatch
 * and the model replays it.
 *
 * <p>Because {@code z} sits inside a plate with subsampling, each minibatch's log-probabilities are
 * scaled by {@code N / B}: the minibatch ELBO is an unbiased estimate of the full-data ELBO, and
 * the KL term of each example keeps its weight. With {@code beta != 1} both {@code z} sites are
 * also scaled by {@code beta} (see {@link VaeConfig}). Fitting the pair with stochastic variational
 * inference maximises the ELBO over the encoder and the decoder together, which is exactly the
 * VAE's training (the reparameterisation trick is {@link Normal}'s {@code rsample}).
 *
 * <p>The plate is declared on batch axis -1, so that an enclosing plate on axis -2 (the particles
 * of an importance-sampled estimate, {@link FittedVae}) vectorises several draws per example.
 */
public final class Vae {
    /** The name of the plate over data points. */
    public static final String DATA_PLATE = "data";

    /** The name of the latent site. */
    public static final String LATENT = "z";

    /** The name of the observed site. */
    public static final String OBSERVED = "x";

    /**
     * The name of the plate of importance samples (batch axis -2) that vectorises several draws of
     * {@code z} per example.
     */
    public static final String PARTICLES = "particles";

    private final VaeConfig config;
    private final int pixels;
    private final Encoder encoder;
    private final Sequential decoder;

    /**
     * Creates the networks of a VAE for images of {@code pixels} values.
     *
     * @param config the configuration
     * @param pixels the number of values per image (784 for 28 x 28)
     */
    public Vae(VaeConfig config, int pixels) {
        if (pixels < 1) {
            throw new IllegalArgumentException("VAE: images need >= 1 pixel, found " + pixels);
        }
        this.config = config;
        this.pixels = pixels;
        this.encoder = new Encoder(pixels, config.hidden(), config.latent());
        this.decoder =
                Sequential.mlp(
                        Activation.RELU,
                        Activation.IDENTITY,
                        config.latent(),
                        config.hidden(),
                        pixels);
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration
     */
    public VaeConfig config() {
        return config;
    }

    /**
     * Returns the number of values per image.
     *
     * @return the pixels
     */
    public int pixels() {
        return pixels;
    }

    /**
     * Draws the initial values of every param site of the model and the guide.
     *
     * @param b the backend
     * @param key the key ({@code fold(0)} for the encoder, {@code fold(1)} for the decoder)
     * @return values by site name: {@code encoder.*}, {@code decoder.*} and, for the Gaussian
     *     likelihood, {@value Likelihood#SCALE_SITE}
     */
    public Map<String, Tensor> initialParams(Backend b, RandomKey key) {
        Map<String, Tensor> p = new LinkedHashMap<>();
        encoder.init(b, config.dtype(), key.fold(0)).forEach((k, v) -> p.put("encoder." + k, v));
        decoder.init(b, config.dtype(), key.fold(1)).forEach((k, v) -> p.put("decoder." + k, v));
        if (config.likelihood().hasScale()) {
            p.put(
                    Likelihood.SCALE_SITE,
                    Tensor.scalar(b, Likelihood.INITIAL_SCALE, config.dtype()));
        }
        return p;
    }

    /**
     * Returns the name and shape of every param site, in the order of {@link #initialParams}.
     *
     * @return shapes by site name
     */
    public Map<String, Shape> paramShapes() {
        int h = config.hidden();
        int l = config.latent();
        Map<String, Shape> s = new LinkedHashMap<>();
        s.put("encoder.hidden.weight", Shape.of(pixels, h));
        s.put("encoder.hidden.bias", Shape.of(h));
        s.put("encoder.loc.weight", Shape.of(h, l));
        s.put("encoder.loc.bias", Shape.of(l));
        s.put("encoder.logvar.weight", Shape.of(h, l));
        s.put("encoder.logvar.bias", Shape.of(l));
        s.put("decoder.0.weight", Shape.of(l, h));
        s.put("decoder.0.bias", Shape.of(h));
        s.put("decoder.2.weight", Shape.of(h, pixels));
        s.put("decoder.2.bias", Shape.of(pixels));
        if (config.likelihood().hasScale()) {
            s.put(Likelihood.SCALE_SITE, Shape.scalar());
        }
        return s;
    }

    /**
     * Checks that params fit this VAE: every site of {@link #paramShapes()} with its shape and the
     * configured dtype.
     *
     * @param params values by site name
     * @throws IllegalArgumentException naming the first param missing or misshapen
     */
    public void checkParams(Map<String, Tensor> params) {
        for (var e : paramShapes().entrySet()) {
            Tensor t = params.get(e.getKey());
            if (t == null) {
                throw new IllegalArgumentException(
                        "VAE: missing the param '" + e.getKey() + "'; present: " + params.keySet());
            }
            if (!t.shape().equals(e.getValue()) || t.dtype() != config.dtype()) {
                throw new IllegalArgumentException(
                        "VAE: param '"
                                + e.getKey()
                                + "' must be "
                                + config.dtype()
                                + e.getValue()
                                + ", found "
                                + t.dtype()
                                + t.shape());
            }
        }
    }

    /**
     * The generative model over a data set.
     *
     * @param images the data, {@code [N, pixels]}
     * @param batchSize the minibatch size B (N for no subsampling)
     * @param params the values of the decoder's param sites: initial ones for training, fitted ones
     *     for evaluation (extra entries are ignored)
     * @return the model
     */
    public Model model(Tensor images, int batchSize, Map<String, Tensor> params) {
        int n = checkImages(images, batchSize);
        Map<String, Tensor> dec = scoped(params, "decoder");
        Tensor scale = scaleInit(params);
        Distribution prior = prior(images);
        Likelihood likelihood = config.likelihood();
        return ctx -> {
            Params p = ModuleSites.params(ctx, "decoder", dec);
            Tensor sigma = likelihoodScale(ctx, scale);
            try (Plate data = ctx.plate(DATA_PLATE, n, batchSize, -1)) {
                Tensor x = data.subsample(images, 0);
                Tensor z = latent(ctx, prior);
                ctx.observe(OBSERVED, likelihood.distribution(decode(p, z), sigma), x);
            }
        };
    }

    /**
     * The amortised guide over a data set: the encoder.
     *
     * @param images the data, {@code [N, pixels]}, the same tensor as the model's
     * @param batchSize the minibatch size B
     * @param params the values of the encoder's param sites (extra entries are ignored)
     * @return the guide
     */
    public Model guide(Tensor images, int batchSize, Map<String, Tensor> params) {
        int n = checkImages(images, batchSize);
        Map<String, Tensor> enc = scoped(params, "encoder");
        return ctx -> {
            Params p = ModuleSites.params(ctx, "encoder", enc);
            try (Plate data = ctx.plate(DATA_PLATE, n, batchSize, -1)) {
                latent(ctx, posterior(p, data.subsample(images, 0)));
            }
        };
    }

    /**
     * The model with its guide that training fits, for {@code Inferences...create("svi",
     * ...).fit(...)}: {@link #model} and {@link #guide}, or with {@code particles > 1} the
     * importance-weighted pair of {@link ImportanceWeightedVae}, whose ELBO is the IWAE bound.
     *
     * @param images the data, {@code [N, pixels]}
     * @param batchSize the minibatch size
     * @param params the initial values of all param sites
     * @return the guided model
     */
    public GuidedModel guided(Tensor images, int batchSize, Map<String, Tensor> params) {
        if (config.iwae()) {
            ImportanceWeightedVae iw = new ImportanceWeightedVae(this, config.particles());
            return new GuidedModel(
                    iw.model(images, batchSize, params), iw.guide(images, batchSize, params));
        }
        return new GuidedModel(model(images, batchSize, params), guide(images, batchSize, params));
    }

    /**
     * The prior {@code Normal(0, I)} over one latent vector.
     *
     * @param like gives the backend
     * @return the prior, event shape {@code [latent]}
     */
    Distribution prior(Tensor like) {
        return new Independent(
                new Normal(
                        Tensor.zeros(like.backend(), config.dtype(), config.latent()),
                        Tensor.ones(like.backend(), config.dtype(), config.latent())),
                1);
    }

    /**
     * The guide's distribution for a batch: {@code q(z | x)}.
     *
     * @param p the encoder's params
     * @param x the images, {@code [B, pixels]}
     * @return the distribution, batch shape {@code [B]}, event shape {@code [latent]}
     */
    Distribution posterior(Params p, Tensor x) {
        Encoder.Code c = encoder.encode(p, x);
        return new Independent(new Normal(c.loc(), c.scale()), 1);
    }

    /**
     * Encodes images with given encoder params.
     *
     * @param params the params, by site name
     * @param x the images, {@code [B, pixels]}
     * @return the code
     */
    Encoder.Code encode(Map<String, Tensor> params, Tensor x) {
        return encoder.encode(Params.of(scoped(params, "encoder")), x);
    }

    /**
     * Decodes latent vectors into the likelihood's parameters.
     *
     * @param p the decoder's params
     * @param z the latent vectors, {@code [..., latent]}
     * @return the logits, {@code [..., pixels]}
     */
    Tensor decode(Params p, Tensor z) {
        if (z.rank() == 2) {
            return decoder.apply(p, z, null);
        }
        int[] dims = z.shape().dims();
        Tensor flat = decoder.apply(p, z.reshape(-1, config.latent()), null);
        dims[dims.length - 1] = pixels;
        return flat.reshape(dims);
    }

    /**
     * Decodes with given decoder params.
     *
     * @param params the params, by site name
     * @param z the latent vectors
     * @return the logits
     */
    Tensor decode(Map<String, Tensor> params, Tensor z) {
        return decode(Params.of(scoped(params, "decoder")), z);
    }

    private Tensor latent(ModelContext ctx, Distribution d) {
        if (config.beta() == 1) {
            return ctx.sample(LATENT, d);
        }
        Tensor[] z = new Tensor[1];
        ctx.run(c -> z[0] = c.sample(LATENT, d), new KlWeight(config.beta()));
        return z[0];
    }

    /** Scales the log-probability of the latent site, in the model and the guide alike. */
    private static final class KlWeight extends Effect {
        private final double beta;

        KlWeight(double beta) {
            this.beta = beta;
        }

        @Override
        protected void process(Message m) {
            if (m.isRandom() && m.name().equals(LATENT)) {
                m.multiplyScale(beta);
            }
        }
    }

    int checkImages(Tensor images, int batchSize) {
        if (images.rank() != 2 || images.dim(1) != pixels) {
            throw new IllegalArgumentException(
                    "VAE: images must have shape [N, "
                            + pixels
                            + "] (flatten each image), found "
                            + images.shape());
        }
        if (images.dtype() != config.dtype()) {
            throw new IllegalArgumentException(
                    "VAE: images are "
                            + images.dtype()
                            + " but the model is configured for "
                            + config.dtype());
        }
        int n = images.dim(0);
        if (batchSize < 1 || batchSize > n) {
            throw new IllegalArgumentException(
                    "VAE: the minibatch size must be in [1, " + n + "], found " + batchSize);
        }
        return n;
    }

    static Map<String, Tensor> scoped(Map<String, Tensor> params, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        String p = prefix + ".";
        params.forEach(
                (k, v) -> {
                    if (k.startsWith(p) && !k.equals(Likelihood.SCALE_SITE)) {
                        out.put(k.substring(p.length()), v);
                    }
                });
        if (out.isEmpty()) {
            throw new IllegalArgumentException(
                    "VAE: no '" + p + "*' params among " + params.keySet());
        }
        return out;
    }

    /**
     * Returns the initial value of the Gaussian likelihood's scale.
     *
     * @param params the params by site name
     * @return the value, or null for the likelihoods without a scale
     */
    Tensor scaleInit(Map<String, Tensor> params) {
        if (!config.likelihood().hasScale()) {
            return null;
        }
        Tensor t = params.get(Likelihood.SCALE_SITE);
        if (t == null) {
            throw new IllegalArgumentException(
                    "VAE: missing the param '"
                            + Likelihood.SCALE_SITE
                            + "' of the Gaussian likelihood among "
                            + params.keySet());
        }
        return t;
    }

    /**
     * Declares the Gaussian likelihood's scale as a positive param site.
     *
     * @param ctx the context of the run
     * @param init its initial value, or null for the likelihoods without a scale
     * @return its value in this run, or null
     */
    static Tensor likelihoodScale(ModelContext ctx, Tensor init) {
        return init == null ? null : ctx.param(Likelihood.SCALE_SITE, init, Constraints.positive());
    }
}
