package dev.credence.models.bnn.layer;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.TransformedDistribution;
import dev.credence.api.dist.bijector.Bijectors;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Bayes-by-Backprop variational family (Blundell, Cornebise, Kavukcuoglu and Wierstra, "Weight
 * uncertainty in neural networks", ICML 2015): an independent Gaussian {@code q(w) = N(mu,
 * sigma^2)} for every weight and bias, and a log-normal for a homoscedastic noise scale. Its {@code
 * param} sites are {@code q.<site>.loc} and {@code q.<site>.scale} (positive; optimisers move
 * {@code log sigma}).
 *
 * <p><b>Initialisation.</b> {@link #random}: means uniform on {@code [-1/sqrt(in), 1/sqrt(in)]}
 * (PyTorch's linear-layer initialisation) and one small standard deviation everywhere, so the
 * network starts close to a deterministic one and the KL term pulls the scales up only where the
 * data allow. {@link #moped}: MOPED (Krishnan, Subedar and Tickoo, "Specifying weight priors in
 * Bayesian deep neural networks with empirical Bayes", AAAI 2020): means at the weights {@code w}
 * of a trained deterministic network and standard deviations {@code delta |w|}, which starts the
 * optimisation at a good fit and converges in far fewer steps.
 *
 * <p><b>Fast estimators.</b> With a {@link GuideTap} ({@link #withTap}), each run records which
 * Gaussian every weight came from, so that layers of a model holding the same tap can use the local
 * reparameterisation trick or Flipout ({@link Estimator}).
 *
 * <pre>{@code
 * GuideTap tap = new GuideTap();
 * Model guide = MeanFieldGuide.random(model, key, 1e-3, 0.5).withTap(tap);
 * Posterior q = Inferences.discover().create("svi", config)
 *         .fit(new GuidedModel(model.withEstimator(Estimator.LOCAL).withTap(tap), guide));
 * }</pre>
 */
public final class MeanFieldGuide implements Model {
    /** The prefix of the guide's param sites. */
    public static final String PREFIX = "q";

    private final Map<String, Tensor> locs;
    private final Map<String, Tensor> scales;
    private final String noiseSite;
    private final GuideTap tap;

    private MeanFieldGuide(
            Map<String, Tensor> locs, Map<String, Tensor> scales, String noiseSite, GuideTap tap) {
        this.locs = locs;
        this.scales = scales;
        this.noiseSite = noiseSite;
        this.tap = tap;
    }

    /**
     * A guide with random means and one initial standard deviation.
     *
     * @param shapes the weight sites and their shapes ({@code [in, out]} or {@code [out]})
     * @param noiseSite the name of a positive noise site to cover too, or null
     * @param b the backend
     * @param dtype the dtype
     * @param key the key of the initial means
     * @param initScale the initial standard deviation of every weight, positive
     * @param initNoise the initial median of the noise scale, positive
     * @return the guide
     */
    public static MeanFieldGuide random(
            Map<String, int[]> shapes,
            String noiseSite,
            Backend b,
            DType dtype,
            RandomKey key,
            double initScale,
            double initNoise) {
        checkPositive("initScale", initScale);
        Map<String, Tensor> locs = new LinkedHashMap<>();
        Map<String, Tensor> scales = new LinkedHashMap<>();
        int i = 0;
        int fanIn = 1;
        for (var e : shapes.entrySet()) {
            int[] s = e.getValue();
            if (s.length == 2) {
                fanIn = s[0];
            }
            double bound = 1 / Math.sqrt(fanIn);
            locs.put(e.getKey(), key.fold(i++).uniform(b, dtype, s).mul(2 * bound).sub(bound));
            scales.put(e.getKey(), Tensor.full(b, initScale, dtype, s));
        }
        addNoise(locs, scales, noiseSite, b, dtype, initNoise);
        return new MeanFieldGuide(locs, scales, noiseSite, null);
    }

    /**
     * A MOPED guide centred on trained weights.
     *
     * @param weights the trained values of every weight site
     * @param noiseSite the name of a positive noise site to cover too, or null
     * @param noise the trained noise scale (ignored without a noise site)
     * @param delta the relative initial standard deviation, {@code sigma = delta |w|}, positive
     * @return the guide
     */
    public static MeanFieldGuide moped(
            Map<String, Tensor> weights, String noiseSite, double noise, double delta) {
        checkPositive("delta", delta);
        Map<String, Tensor> locs = new LinkedHashMap<>();
        Map<String, Tensor> scales = new LinkedHashMap<>();
        Tensor any = null;
        for (var e : weights.entrySet()) {
            Tensor w = e.getValue().detach();
            any = w;
            locs.put(e.getKey(), w);
            // A floor keeps exact zeros (unused units) inside the positive constraint.
            scales.put(e.getKey(), w.abs().mul(delta).add(1e-6));
        }
        if (any == null) {
            throw new IllegalArgumentException("MOPED: no trained weights given");
        }
        addNoise(locs, scales, noiseSite, any.backend(), any.dtype(), noise);
        return new MeanFieldGuide(locs, scales, noiseSite, null);
    }

    private static void addNoise(
            Map<String, Tensor> locs,
            Map<String, Tensor> scales,
            String noiseSite,
            Backend b,
            DType dtype,
            double initNoise) {
        if (noiseSite == null) {
            return;
        }
        checkPositive("initial noise", initNoise);
        locs.put(noiseSite, Tensor.scalar(b, Math.log(initNoise), dtype));
        scales.put(noiseSite, Tensor.scalar(b, 0.1, dtype));
    }

    private static void checkPositive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(
                    "MeanFieldGuide: " + what + " must be positive and finite, found " + v);
        }
    }

    /**
     * A copy that records its Gaussians in a tap.
     *
     * @param t the tap, or null for none
     * @return the guide
     */
    public MeanFieldGuide withTap(GuideTap t) {
        return new MeanFieldGuide(locs, scales, noiseSite, t);
    }

    /**
     * The name of the mean param of a site.
     *
     * @param site the latent site
     * @return {@code q.<site>.loc}
     */
    public static String locParam(String site) {
        return PREFIX + "." + site + ".loc";
    }

    /**
     * The name of the standard-deviation param of a site.
     *
     * @param site the latent site
     * @return {@code q.<site>.scale}
     */
    public static String scaleParam(String site) {
        return PREFIX + "." + site + ".scale";
    }

    @Override
    public void run(ModelContext ctx) {
        if (tap == null) {
            body(ctx);
        } else {
            ctx.run(this::body, tap.recorder());
        }
    }

    private void body(ModelContext ctx) {
        for (String site : locs.keySet()) {
            Tensor loc = ctx.param(locParam(site), locs.get(site));
            Tensor scale = ctx.param(scaleParam(site), scales.get(site), Constraints.positive());
            Distribution q = new Normal(loc, scale);
            if (site.equals(noiseSite)) {
                q = new TransformedDistribution(q, Bijectors.bijectTo(Constraints.positive()));
            } else {
                q = new Independent(q, loc.rank());
            }
            ctx.sample(site, q);
        }
    }
}
