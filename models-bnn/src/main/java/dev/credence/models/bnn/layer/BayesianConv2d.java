package dev.credence.models.bnn.layer;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.model.ModelContext;
import dev.credence.api.nn.Conv2d;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Convolutions;
import dev.credence.api.tensor.Tensor;

/**
 * A convolution layer whose kernels {@code W [O, C, k, k]} and bias {@code b [O]} are random
 * variables, the convolutional counterpart of {@link BayesianLinear}. Under NUTS, a posterior
 * predictive or a guide without a tap, the output is the plain convolution of the drawn kernels;
 * under SVI with a tapped Gaussian guide {@code q(W) = N(M, S^2)}, {@code q(b) = N(m, s_b^2)}:
 *
 * <pre>
 * LOCAL     y = conv(x, M) + m + sqrt(conv(x^2, S^2) + s_b^2) * e,   e ~ N(0, 1) per example and output
 * FLIPOUT   y = conv(x, M) + m + (conv(x * s, W - M) + (b - m)) * r,   s [B, C, 1, 1], r [B, O, 1, 1] signs
 * </pre>
 *
 * <p>The local reparameterisation draws each output from its exact marginal (Kingma, Salimans and
 * Welling 2015, section 2.3, as used for convolutions by Molchanov et al. 2017), but treats
 * neighbouring outputs of one example as independent although they share the kernel: a cheap
 * estimator with a small bias in the spatial correlations. Flipout (Wen et al. 2018, section 3,
 * with one sign per channel) keeps the shared kernel perturbation exactly, so it is unbiased.
 *
 * @param conv the layer's geometry (its bias flag must be set)
 * @param prior the prior of the kernels and the bias
 * @param estimator the training-time estimator
 */
public record BayesianConv2d(Conv2d conv, WeightPrior prior, Estimator estimator)
        implements BayesianLayer {

    /**
     * Validates the parts.
     *
     * @param conv the geometry, with a bias
     * @param prior the prior
     * @param estimator the estimator
     */
    public BayesianConv2d {
        if (conv == null || prior == null || estimator == null) {
            throw new IllegalArgumentException(
                    "BayesianConv2d: geometry, prior and estimator are required");
        }
        if (!conv.bias()) {
            throw new IllegalArgumentException("BayesianConv2d: the layer must have a bias");
        }
    }

    @Override
    public Draw sample(ModelContext ctx, String name, Backend b, DType dtype) {
        String ws = BayesianLinear.weightSite(name);
        String bs = BayesianLinear.biasSite(name);
        int k = conv.kernel();
        Tensor w =
                ctx.sample(
                        ws,
                        prior.over(ctx, ws, b, dtype, conv.fanIn(), conv.out(), conv.in(), k, k));
        Tensor bias = ctx.sample(bs, prior.over(ctx, bs, b, dtype, conv.fanIn(), conv.out()));
        return new Draw(w, bias);
    }

    @Override
    public Tensor forward(Tensor x, Draw draw, GuideTap tap) {
        if (x.rank() != 4 || x.dim(1) != conv.in()) {
            throw new IllegalArgumentException(
                    "BayesianConv2d("
                            + conv.in()
                            + ", "
                            + conv.out()
                            + "): expected images [B, "
                            + conv.in()
                            + ", H, W], found "
                            + x.shape());
        }
        GuideTap.Entry qw = tap == null ? null : tap.lookup(draw.weight());
        GuideTap.Entry qb = tap == null ? null : tap.lookup(draw.bias());
        if (qw == null || estimator == Estimator.REPARAMETERISATION) {
            return Convolutions.conv2d(x, draw.weight(), conv.attributes())
                    .add(column(draw.bias()));
        }
        RandomKey key = qw.key().fold(estimator.ordinal() + 1L);
        Tensor mean = Convolutions.conv2d(x, qw.loc(), conv.attributes());
        if (estimator == Estimator.LOCAL) {
            Tensor var = Convolutions.conv2d(x.square(), qw.scale().square(), conv.attributes());
            if (qb != null) {
                mean = mean.add(column(qb.loc()));
                var = var.add(column(qb.scale().square()));
            } else {
                mean = mean.add(column(draw.bias()));
            }
            Tensor e = key.normal(x.backend(), x.dtype(), mean.shape().dims());
            return mean.add(var.add(BayesianLinear.VARIANCE_FLOOR).sqrt().mul(e));
        }
        RandomKey[] k = key.split(2);
        int rows = x.dim(0);
        Tensor s = signs(k[0], x, rows, conv.in());
        Tensor r = signs(k[1], x, rows, conv.out());
        Tensor noise =
                Convolutions.conv2d(x.mul(s), draw.weight().sub(qw.loc()), conv.attributes());
        if (qb != null) {
            Tensor db = column(draw.bias().sub(qb.loc()));
            return mean.add(column(qb.loc())).add(noise.add(db).mul(r));
        }
        return mean.add(noise.mul(r)).add(column(draw.bias()));
    }

    /** A bias {@code [O]} as {@code [1, O, 1, 1]}, to add to every position. */
    private static Tensor column(Tensor bias) {
        return bias.reshape(1, bias.dim(0), 1, 1);
    }

    private static Tensor signs(RandomKey key, Tensor like, int rows, int channels) {
        return key.uniform(like.backend(), like.dtype(), rows, channels, 1, 1)
                .lt(0.5)
                .cast(like.dtype())
                .mul(2)
                .sub(1);
    }
}
