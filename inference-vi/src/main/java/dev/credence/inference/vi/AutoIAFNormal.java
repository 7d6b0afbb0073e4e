package dev.credence.inference.vi;

import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.TransformedDistribution;
import dev.credence.api.dist.bijector.AffineBijector;
import dev.credence.api.dist.bijector.Bijector;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A normalising-flow guide over the flat unconstrained vector, for any model with continuous latent
 * sites: a standard normal pushed through {@code K} inverse autoregressive flows ({@link
 * InverseAutoregressiveBijector}, Kingma et al., NeurIPS 2016) and a diagonal affine map,
 *
 * <pre>
 * eps ~ N(0, I),   u = loc + scale * IAF_K( ... IAF_1(eps)),
 * </pre>
 *
 * after Pyro's {@code AutoIAFNormal} and the normalising-flow VI of Rezende and Mohamed
 * ("Variational inference with normalizing flows", ICML 2015). Successive flows use reversed
 * orderings, so that every coordinate can depend on every other. Unlike the mean-field {@link
 * AutoDiagonalNormal} and the Gaussian {@link AutoMultivariateNormal}, the flow can bend and skew:
 * it fits curved (banana) and funnel-shaped posteriors that Gaussian families cannot.
 *
 * <p>At initialisation the flows are the identity (their networks' output layers are zero) and
 * {@code loc} and {@code scale} are those of {@link AutoDiagonalNormal} (the prior median, and
 * {@code initScale}), so a fit starts where the mean-field one does. Params: {@code prefix.loc},
 * {@code prefix.scale}, and per flow {@code k} the weights of its MADE network, {@code
 * prefix.iafK.w0}, {@code prefix.iafK.b0}, ... (see {@link MaskedAutoregressiveNetwork}).
 *
 * <p><b>Cost.</b> Each flow's network has {@code D x H} weights per hidden layer of width {@code
 * H}, with {@code H = max(2D, 16)} by default: {@code O(D^2)} parameters and work per draw, like a
 * full-rank Gaussian. That suits models of up to a few thousand latent coordinates (the last layer
 * of a network, hierarchical models), not all the weights of a large network; pass smaller widths
 * to trade flexibility for speed. Drawing and the density of a draw take one pass per flow; {@link
 * dev.credence.api.dist.TransformedDistribution} remembers a draw's preimage, so the ELBO never
 * inverts the flow.
 *
 * <pre>{@code
 * AutoIAFNormal guide = new AutoIAFNormal(model, RandomKey.of(0));   // 2 flows, H = max(2D, 16)
 * Svi svi = new Svi(model, guide, Adam.of(0.01), new TraceElbo(4));
 * Posterior post = svi.posterior(svi.run(key, SviSettings.of(5000), listener).state(), key2);
 * }</pre>
 *
 * Through the {@code svi} provider: {@code guide=iaf}, with {@code flows} and {@code hidden}.
 */
public final class AutoIAFNormal extends AutoContinuous {
    /** The default number of flows. */
    public static final int DEFAULT_FLOWS = 2;

    private final Tensor initLoc;
    private final Tensor initScale;
    private final List<MaskedAutoregressiveNetwork> networks = new ArrayList<>();
    private final List<List<String>> names = new ArrayList<>();
    private final List<Map<String, Tensor>> inits = new ArrayList<>();

    /**
     * Builds the guide with prefix {@code auto}, initial scale 0.1, two flows and one hidden layer
     * of width {@link #defaultWidth} in each.
     *
     * @param model the model
     * @param key the key of the prototype runs and of the networks' initial weights
     */
    public AutoIAFNormal(Model model, RandomKey key) {
        this(model, key, "auto", 0.1, DEFAULT_FLOWS, new int[0]);
    }

    /**
     * Builds the guide.
     *
     * @param model the model
     * @param key the key of the prototype runs and of the networks' initial weights
     * @param prefix the prefix of the names
     * @param initScale the initial standard deviation of every coordinate, positive
     * @param flows the number of flows K, at least 1
     * @param hidden the widths of each network's hidden layers; empty for one layer of {@link
     *     #defaultWidth}
     * @throws IllegalArgumentException for a bad scale, count or width
     */
    public AutoIAFNormal(
            Model model, RandomKey key, String prefix, double initScale, int flows, int[] hidden) {
        super(model, key, prefix);
        if (flows < 1) {
            throw new IllegalArgumentException("AutoIAFNormal: flows must be >= 1, found " + flows);
        }
        int d = dimension();
        int[] widths = hidden.length == 0 ? new int[] {defaultWidth(d)} : hidden.clone();
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException(
                        "AutoIAFNormal: hidden widths must be positive, found "
                                + Arrays.toString(widths));
            }
        }
        this.initLoc = initialFlatLoc();
        this.initScale = initLoc.zerosLike().add(AutoMultivariateNormal.checkScale(initScale));
        RandomKey weights = key.fold(0x1af);
        for (int k = 0; k < flows; k++) {
            MaskedAutoregressiveNetwork net =
                    new MaskedAutoregressiveNetwork(
                            backend(),
                            dtype(),
                            MaskedAutoregressiveNetwork.order(d, k % 2 == 1),
                            widths);
            String p = prefix + ".iaf" + k;
            networks.add(net);
            names.add(net.paramNames(p));
            inits.add(net.init(p, backend(), dtype(), weights.fold(k)));
        }
    }

    /**
     * Returns the default hidden width for {@code d} latent coordinates.
     *
     * @param d the dimension
     * @return {@code max(2d, 16)}
     */
    public static int defaultWidth(int d) {
        return Math.max(2 * d, 16);
    }

    /**
     * Returns the number of flows.
     *
     * @return K
     */
    public int flows() {
        return networks.size();
    }

    @Override
    protected Distribution latentDistribution(ModelContext ctx) {
        Tensor loc = ctx.param(prefix() + ".loc", initLoc);
        Tensor scale = ctx.param(prefix() + ".scale", initScale, Constraints.positive());
        List<Bijector> steps = new ArrayList<>();
        for (int k = 0; k < networks.size(); k++) {
            List<Tensor> w = new ArrayList<>();
            for (String name : names.get(k)) {
                w.add(ctx.param(name, inits.get(k).get(name)));
            }
            steps.add(new InverseAutoregressiveBijector(networks.get(k), w));
        }
        steps.add(new AffineBijector(loc, scale, 1));
        Distribution base = new Independent(new Normal(loc.zerosLike(), loc.onesLike()), 1);
        return new TransformedDistribution(base, steps);
    }
}
