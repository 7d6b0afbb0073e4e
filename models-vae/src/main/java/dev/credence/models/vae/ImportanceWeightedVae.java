package dev.credence.models.vae;

import dev.credence.api.dist.Delta;
import dev.credence.api.dist.Distribution;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModuleSites;
import dev.credence.api.model.Plate;
import dev.credence.api.nn.Params;
import dev.credence.api.tensor.Tensor;
import java.util.Map;

/**
 * The importance-weighted autoencoder (Burda, Grosse and Salakhutdinov, "Importance weighted
 * autoencoders", ICLR 2016) as a model and guide whose ordinary ELBO is the IWAE bound, so that any
 * SVI implementation trains it.
 *
 * <p>For one example, with {@code K} draws {@code z_1..z_K} from {@code q(z | x)} and weights
 * {@code w_k = p(x, z_k) / q(z_k | x)}, the bound is {@code L_K = log (1/K) sum_k w_k}. It is the
 * ELBO of an augmented pair (Cremer, Morris and Duvenaud, "Reinterpreting importance-weighted
 * autoencoders", ICLR workshop 2017; Domke and Sheldon, NeurIPS 2018):
 *
 * <pre>
 * guide:  z_1..z_K ~ q(z | x) independently
 * model:  p(x, z_1..z_K) = (1/K) sum_k p(x, z_k) prod_{j != k} q(z_j | x)
 * ELBO  = E[log p(x, z_1..z_K) - sum_j log q(z_j | x)] = E[log (1/K) sum_k w_k] = L_K.
 * </pre>
 *
 * Written as sites: the model's {@code z} has the guide's own distribution (so the two {@code log
 * q} sums cancel exactly, values and gradients), and its observed {@code x} is a point mass at the
 * data carrying the log-density {@code logSumExp_k log w_k - log K} ({@link Delta} with a
 * log-density, a factor). The model therefore runs the encoder too; both declare the same {@code
 * encoder.*} sites, which SVI treats as one set of params. The K draws are vectorised in a plate of
 * particles on batch axis -2. The bound is per example, inside the data plate, so subsampling
 * scales it by {@code N / B} like any likelihood.
 */
final class ImportanceWeightedVae {
    private final Vae vae;
    private final int k;

    /**
     * Wraps a VAE.
     *
     * @param vae the VAE, whose networks are used
     * @param k the number of importance samples, at least 2
     */
    ImportanceWeightedVae(Vae vae, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("IWAE: needs K >= 2 samples, found " + k);
        }
        this.vae = vae;
        this.k = k;
    }

    /**
     * The augmented model.
     *
     * @param images the data, {@code [N, pixels]}
     * @param batchSize the minibatch size
     * @param params the initial values of the encoder's and decoder's params
     * @return the model
     */
    Model model(Tensor images, int batchSize, Map<String, Tensor> params) {
        int n = vae.checkImages(images, batchSize);
        Map<String, Tensor> enc = Vae.scoped(params, "encoder");
        Map<String, Tensor> dec = Vae.scoped(params, "decoder");
        Tensor scale = vae.scaleInit(params);
        Distribution prior = vae.prior(images);
        Likelihood likelihood = vae.config().likelihood();
        return ctx -> {
            Params pe = ModuleSites.params(ctx, "encoder", enc);
            Params pd = ModuleSites.params(ctx, "decoder", dec);
            Tensor sigma = Vae.likelihoodScale(ctx, scale);
            try (Plate data = ctx.plate(Vae.DATA_PLATE, n, batchSize, -1)) {
                Tensor x = data.subsample(images, 0);
                Distribution q = vae.posterior(pe, x);
                Tensor z;
                try (Plate draws = ctx.plate(Vae.PARTICLES, k, k, -2)) {
                    z = ctx.sample(Vae.LATENT, q);
                }
                Tensor logW =
                        likelihood
                                .distribution(vae.decode(pd, z), sigma)
                                .logProb(x)
                                .add(prior.logProb(z))
                                .sub(q.logProb(z));
                Tensor bound = logW.logSumExp(false, 0).sub(Math.log(k));
                ctx.observe(Vae.OBSERVED, new Delta(x, bound, 1), x);
            }
        };
    }

    /**
     * The guide: K independent draws from the encoder's {@code q(z | x)}.
     *
     * @param images the data, the model's tensor
     * @param batchSize the minibatch size
     * @param params the initial values of the encoder's params
     * @return the guide
     */
    Model guide(Tensor images, int batchSize, Map<String, Tensor> params) {
        int n = vae.checkImages(images, batchSize);
        Map<String, Tensor> enc = Vae.scoped(params, "encoder");
        return ctx -> {
            Params pe = ModuleSites.params(ctx, "encoder", enc);
            try (Plate data = ctx.plate(Vae.DATA_PLATE, n, batchSize, -1)) {
                Distribution q = vae.posterior(pe, data.subsample(images, 0));
                try (Plate draws = ctx.plate(Vae.PARTICLES, k, k, -2)) {
                    ctx.sample(Vae.LATENT, q);
                }
            }
        };
    }
}
