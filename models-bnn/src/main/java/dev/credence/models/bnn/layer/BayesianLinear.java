package dev.credence.models.bnn.layer;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.model.ModelContext;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * An affine layer {@code y = x W + b} whose weight {@code W [in, out]} and bias {@code b [out]} are
 * random variables: {@link #sample} declares them as the {@code sample} sites {@code <name>.weight}
 * and {@code <name>.bias} with the layer's {@link WeightPrior} (outside the data plate: they are
 * global), and {@link #forward} computes a minibatch's outputs with the layer's {@link Estimator}
 * (inside it).
 *
 * <p>Under NUTS or a posterior predictive the sites take given values and the output is the plain
 * product. Under SVI with a tapped Gaussian guide ({@link GuideTap}), the estimator decides:
 *
 * <pre>
 * REPARAMETERISATION   y = x W + b                                   (W drawn once per step)
 * LOCAL                y = x M + m + sqrt(x^2 S^2 + s_b^2) * e,   e ~ N(0, I) per example
 * FLIPOUT              y = x M + m + ((x * s)(W - M) + (b - m)) * r,   s, r random signs per example
 * </pre>
 *
 * where {@code q(W) = N(M, S^2)} and {@code q(b) = N(m, s_b^2)}. The bias is sampled per example
 * too, since a shared bias draw would correlate the examples' gradients just as a shared weight
 * draw does.
 *
 * <pre>{@code
 * BayesianLinear l = new BayesianLinear(13, 50, WeightPrior.normal(1), Estimator.LOCAL);
 * BayesianLayer.Draw p = l.sample(ctx, "0", backend, DType.FLOAT64); // "0.weight", "0.bias"
 * try (Plate batch = ctx.plate("data", n, 32)) {
 *     Tensor h = l.forward(batch.subsample(x, 0), p, tap);
 * }
 * }</pre>
 *
 * @param in input features
 * @param out output features
 * @param prior the prior of the weight and the bias
 * @param estimator the training-time estimator
 */
public record BayesianLinear(int in, int out, WeightPrior prior, Estimator estimator)
        implements BayesianLayer {
    /** Floor added to the local variance so its square root stays differentiable at zero. */
    static final double VARIANCE_FLOOR = 1e-16;

    /**
     * Validates the sizes.
     *
     * @param in input features, positive
     * @param out output features, positive
     * @param prior the prior
     * @param estimator the estimator
     */
    public BayesianLinear {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException(
                    "BayesianLinear: sizes must be positive, found in=" + in + " out=" + out);
        }
        if (prior == null || estimator == null) {
            throw new IllegalArgumentException("BayesianLinear: prior and estimator are required");
        }
    }

    @Override
    public Draw sample(ModelContext ctx, String name, Backend b, DType dtype) {
        String ws = weightSite(name);
        String bs = biasSite(name);
        Tensor w = ctx.sample(ws, prior.over(ctx, ws, b, dtype, in, in, out));
        Tensor bias = ctx.sample(bs, prior.over(ctx, bs, b, dtype, in, out));
        return new Draw(w, bias);
    }

    @Override
    public Tensor forward(Tensor x, Draw draw, GuideTap tap) {
        checkInput(x);
        if (tap == null) {
            return forward(x, draw.weight(), draw.bias(), null, null);
        }
        return forward(
                x, draw.weight(), draw.bias(), tap.lookup(draw.weight()), tap.lookup(draw.bias()));
    }

    /**
     * The output for given parameters, with the estimator applied when the Gaussian behind {@code
     * w} is known. When the Gaussian behind the bias is known too, the bias is sampled locally as
     * well (its variance added to the local variance, or its perturbation sign-flipped per
     * example); otherwise the drawn bias is added.
     *
     * @param x the input {@code [B, in]}
     * @param w the weight {@code [in, out]}
     * @param b the bias {@code [out]}
     * @param qw the Gaussian {@code w} was drawn from, or null for the plain product
     * @param qb the Gaussian {@code b} was drawn from, or null
     * @return the output {@code [B, out]}
     */
    public Tensor forward(Tensor x, Tensor w, Tensor b, GuideTap.Entry qw, GuideTap.Entry qb) {
        if (qw == null || estimator == Estimator.REPARAMETERISATION) {
            return x.matmul(w).add(b);
        }
        int rows = x.dim(0);
        RandomKey key = qw.key().fold(estimator.ordinal() + 1L);
        Tensor mean = x.matmul(qw.loc());
        if (estimator == Estimator.LOCAL) {
            Tensor var = x.square().matmul(qw.scale().square());
            if (qb != null) {
                mean = mean.add(qb.loc());
                var = var.add(qb.scale().square());
            } else {
                mean = mean.add(b);
            }
            Tensor e = key.normal(x.backend(), x.dtype(), rows, out);
            return mean.add(var.add(VARIANCE_FLOOR).sqrt().mul(e));
        }
        RandomKey[] k = key.split(2);
        Tensor s = signs(k[0], x, rows, in);
        Tensor r = signs(k[1], x, rows, out);
        Tensor noise = x.mul(s).matmul(w.sub(qw.loc()));
        if (qb != null) {
            return mean.add(qb.loc()).add(noise.add(b.sub(qb.loc())).mul(r));
        }
        return mean.add(noise.mul(r)).add(b);
    }

    /**
     * The name of the weight site.
     *
     * @param name the layer's name
     * @return {@code name + ".weight"}
     */
    public static String weightSite(String name) {
        return name + ".weight";
    }

    /**
     * The name of the bias site.
     *
     * @param name the layer's name
     * @return {@code name + ".bias"}
     */
    public static String biasSite(String name) {
        return name + ".bias";
    }

    private static Tensor signs(RandomKey key, Tensor like, int rows, int cols) {
        return key.uniform(like.backend(), like.dtype(), rows, cols)
                .lt(0.5)
                .cast(like.dtype())
                .mul(2)
                .sub(1);
    }

    private void checkInput(Tensor x) {
        if (x.rank() != 2 || x.dim(1) != in) {
            throw new IllegalArgumentException(
                    "BayesianLinear("
                            + in
                            + ", "
                            + out
                            + "): expected input [B, "
                            + in
                            + "], found "
                            + x.shape());
        }
    }
}
