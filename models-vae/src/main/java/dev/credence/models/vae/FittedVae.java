package dev.credence.models.vae;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.dist.kl.KlRegistry;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.Plate;
import dev.credence.api.model.Trace;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.TensorScope;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A VAE with fitted params: encoding, decoding, sampling, and the per-example quantities used to
 * evaluate it, all computed by running the model and the guide under effect handlers (no gradients
 * are recorded).
 *
 * <p><b>Negative ELBO</b> ({@link #elbo}): for each example, {@code KL(q(z | x) || p(z)) - log p(x
 * | z)} with one draw {@code z ~ q(z | x)} and the analytic KL, the loss PyTorch's example prints
 * (divide its sum by the number of examples).
 *
 * <p><b>Marginal likelihood</b> ({@link #logMarginal}): the importance-sampled estimate of Burda,
 * Grosse and Salakhutdinov (ICLR 2016, equation 8; Rezende, Mohamed and Wierstra, ICML 2014,
 * appendix E), {@code log p(x) ~ logSumExp_k(log p(x, z_k) - log q(z_k | x)) - log K} with {@code
 * z_1..z_K ~ q(z | x)}. It is a lower bound in expectation that tightens as K grows; {@code -log
 * p(x)} is the figure VAE papers report. The K draws are vectorised by running the model and guide
 * inside an extra plate of particles on batch axis -2.
 *
 * <p><b>Anomaly score</b> ({@link #anomalyScores}): minus the reconstruction probability of An and
 * Cho ("Variational autoencoder based anomaly detection using reconstruction probability", 2015),
 * {@code -(1/L) sum_l log p(x | z_l)} with {@code z_l ~ q(z | x)}: high for inputs the model
 * explains badly.
 *
 * <p>Methods over many examples take them in chunks, so memory stays bounded.
 */
public final class FittedVae {
    /** Examples per chunk for single-draw quantities. */
    static final int CHUNK = 1000;

    /** Rows (particles x examples) per chunk for many-draw quantities. */
    static final int ROWS = 1024;

    private final Vae vae;
    private final Map<String, Tensor> params;

    /**
     * Wraps fitted params.
     *
     * @param vae the model
     * @param params every param site's value, by name (as {@link Vae#initialParams} names them)
     */
    public FittedVae(Vae vae, Map<String, Tensor> params) {
        vae.checkParams(params);
        this.vae = vae;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Returns the model.
     *
     * @return the VAE
     */
    public Vae vae() {
        return vae;
    }

    /**
     * Returns the fitted params.
     *
     * @return values by site name
     */
    public Map<String, Tensor> params() {
        return params;
    }

    /**
     * Encodes images to the means of {@code q(z | x)}.
     *
     * @param x images, {@code [B, pixels]}
     * @return the means, {@code [B, latent]}
     */
    public Tensor encode(Tensor x) {
        try (Autodiff.NoGrad off = Autodiff.noGrad()) {
            return vae.encode(params, x).loc();
        }
    }

    /**
     * Decodes latent vectors to mean images {@code E[x | z]}.
     *
     * @param z latent vectors, {@code [B, latent]}
     * @return images, {@code [B, pixels]} in [0, 1]
     */
    public Tensor decode(Tensor z) {
        try (Autodiff.NoGrad off = Autodiff.noGrad()) {
            return vae.config().likelihood().mean(vae.decode(params, z));
        }
    }

    /**
     * Reconstructs images through the means of their codes.
     *
     * @param x images, {@code [B, pixels]}
     * @return reconstructions, {@code [B, pixels]}
     */
    public Tensor reconstruct(Tensor x) {
        return decode(encode(x));
    }

    /**
     * Generates images: draws {@code z ~ Normal(0, I)} and decodes them to mean images.
     *
     * @param key the key
     * @param n how many
     * @return images, {@code [n, pixels]}
     */
    public Tensor sample(RandomKey key, int n) {
        Tensor any = params.values().iterator().next();
        return decode(key.normal(any.backend(), vae.config().dtype(), n, vae.config().latent()));
    }

    /**
     * The per-example negative ELBO and its parts.
     *
     * @param x images, {@code [N, pixels]}
     * @param key the key (chunk {@code c} uses {@code fold(c)})
     * @return the parts, one entry per example
     */
    public ExampleElbo elbo(Tensor x, RandomKey key) {
        int n = x.dim(0);
        double[] ll = new double[n];
        double[] kl = new double[n];
        KlRegistry rules = KlRegistry.defaults();
        for (int lo = 0, c = 0; lo < n; lo += CHUNK, c++) {
            int hi = Math.min(n, lo + CHUNK);
            try (TensorScope scope = TensorScope.open();
                    Autodiff.NoGrad off = Autodiff.noGrad()) {
                Tensor xs = x.narrow(0, lo, hi);
                Trace[] t = traces(xs, key.fold(c), 1);
                Tensor like = t[1].get(Vae.OBSERVED).distribution().logProb(xs);
                Tensor div =
                        rules.kl(
                                t[0].get(Vae.LATENT).distribution(),
                                t[1].get(Vae.LATENT).distribution());
                System.arraycopy(like.toDoubleArray(), 0, ll, lo, hi - lo);
                System.arraycopy(div.toDoubleArray(), 0, kl, lo, hi - lo);
            }
        }
        return new ExampleElbo(ll, kl);
    }

    /**
     * Estimates {@code log p(x)} per example by importance sampling with the guide as proposal.
     *
     * @param x images, {@code [N, pixels]}
     * @param samples K, the importance samples per example
     * @param key the key
     * @return one estimate per example (nats)
     */
    public double[] logMarginal(Tensor x, int samples, RandomKey key) {
        return perExample(x, samples, key, true);
    }

    /**
     * Scores how badly the model explains each example: {@code -E_q[log p(x | z)]} estimated with
     * {@code samples} draws.
     *
     * @param x images, {@code [N, pixels]}
     * @param samples L, the draws per example
     * @param key the key
     * @return one score per example (nats); higher is more anomalous
     */
    public double[] anomalyScores(Tensor x, int samples, RandomKey key) {
        return perExample(x, samples, key, false);
    }

    /** Log-marginal (log-mean-exp of the weights) or minus the mean log-likelihood. */
    private double[] perExample(Tensor x, int samples, RandomKey key, boolean marginal) {
        if (samples < 1) {
            throw new IllegalArgumentException("VAE: needs >= 1 sample, found " + samples);
        }
        int n = x.dim(0);
        int batch = Math.max(1, Math.min(n, ROWS / Math.min(samples, ROWS)));
        int per = Math.max(1, Math.min(samples, ROWS / batch));
        double[] out = new double[n];
        for (int lo = 0, c = 0; lo < n; lo += batch, c++) {
            int hi = Math.min(n, lo + batch);
            try (TensorScope scope = TensorScope.open();
                    Autodiff.NoGrad off = Autodiff.noGrad()) {
                Tensor xs = x.narrow(0, lo, hi);
                Tensor acc = null;
                for (int done = 0, j = 0; done < samples; done += per, j++) {
                    int p = Math.min(per, samples - done);
                    Trace[] t = traces(xs, key.fold(c).fold(j), p);
                    Tensor like = t[1].get(Vae.OBSERVED).distribution().logProb(xs);
                    Tensor part;
                    if (marginal) {
                        Tensor z = t[0].get(Vae.LATENT).value();
                        Tensor logW =
                                like.add(t[1].get(Vae.LATENT).distribution().logProb(z))
                                        .sub(t[0].get(Vae.LATENT).distribution().logProb(z));
                        part = logW.logSumExp(false, 0);
                        acc =
                                acc == null
                                        ? part
                                        : Indexing.stack(List.of(acc, part), 0).logSumExp(false, 0);
                    } else {
                        part = like.sum(0);
                        acc = acc == null ? part : acc.add(part);
                    }
                }
                Tensor r = marginal ? acc.sub(Math.log(samples)) : acc.div(-samples);
                System.arraycopy(r.toDoubleArray(), 0, out, lo, hi - lo);
            }
        }
        return out;
    }

    /**
     * Runs the guide on a batch, then the model replayed on it, both with the fitted params, inside
     * a plate of {@code particles} draws when there are several.
     */
    private Trace[] traces(Tensor x, RandomKey key, int particles) {
        int b = x.dim(0);
        Model guide = particles(vae.guide(x, b, params), particles);
        Model model = particles(vae.model(x, b, params), particles);
        RandomKey[] k = key.split(2);
        Trace g = Handlers.trace(Handlers.seed(guide, k[0]));
        Trace m = Handlers.trace(Handlers.seed(Handlers.replay(model, g), k[1]));
        return new Trace[] {g, m};
    }

    private static Model particles(Model m, int p) {
        return ctx -> {
            try (Plate draws = ctx.plate(Vae.PARTICLES, p, p, -2)) {
                m.run(ctx);
            }
        };
    }
}
