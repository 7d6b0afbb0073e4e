package dev.credence.inference.vi;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.bijector.Bijector;
import dev.credence.api.dist.bijector.BijectorRegistry;
import dev.credence.api.dist.bijector.StickBreakingBijector;
import dev.credence.api.dist.constraint.Simplex;
import dev.credence.api.infer.Posterior;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.model.Plate;
import dev.credence.api.model.PlateFrame;
import dev.credence.api.model.Potential;
import dev.credence.api.model.Site;
import dev.credence.api.model.Trace;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A guide built automatically from the latent sites of a model: the base of {@link AutoNormal},
 * {@link AutoDelta} and the joint guides of {@link AutoContinuous}.
 *
 * <p>The constructor runs the model once under a seed to find its latent sites, their shapes and
 * supports (the prototype), and lays them out on the unconstrained space as {@link Potential} does:
 * site {@code i} owns a slice of a flat vector, and its constrained value is {@code f_i(u_i)} with
 * {@code f_i} from {@link #variationalRegistry()}. This is the approach of ADVI (Kucukelbir et al.,
 * "Automatic differentiation variational inference", JMLR 18, 2017): fit a Gaussian family on
 * {@code R^n} and push it through the bijections onto the supports.
 *
 * <p>Initial locations are the element-wise median of {@value #INIT_DRAWS} prior draws, mapped to
 * the unconstrained space (NumPyro's {@code init_to_median}); initial scales are {@code initScale},
 * 0.1 by default.
 *
 * <p><b>Local latent variables.</b> A latent site inside a subsampling plate (one value per data
 * point, of which each run sees a minibatch) gets params of the plate's full size {@code N} in
 * {@link AutoNormal} and {@link AutoDelta}: the guide enters the same plates as the model, so both
 * use the same minibatch, and selects that minibatch's rows of its params ({@link #inPlates}). The
 * joint guides of {@link AutoContinuous} refuse such sites. A user-written, amortised guide scales
 * better when {@code N} is large.
 *
 * <p>Limits: supports are those of the prototype run (a support that depends on another latent
 * site's value is frozen at its prototype value), and latent sites must be continuous.
 *
 * <p>A guide is an ordinary {@link Model} over {@code param} sites named {@code prefix.*}, so it
 * runs under any handler, and {@link Svi} fits it like a user-written guide.
 */
public abstract class AutoGuide implements Model {
    /** The number of prior draws whose median gives the initial locations. */
    public static final int INIT_DRAWS = 15;

    private final String prefix;
    private final BijectorRegistry registry;
    private final List<Potential.LatentSite> sites;
    private final Map<String, Integer> batchRanks = new LinkedHashMap<>();
    private final Map<String, List<PlateFrame>> localPlates = new LinkedHashMap<>();
    private final Map<String, Tensor> initialLocs = new LinkedHashMap<>();
    private final Backend backend;
    private final DType dtype;
    private final int dimension;

    /**
     * Builds the layout from a prototype run of the model.
     *
     * @param model the model
     * @param key the key of the prototype runs
     * @param prefix the prefix of the guide's param and auxiliary site names
     * @param localLatents whether the guide handles latent sites inside subsampling plates
     * @throws IllegalArgumentException if the model has no continuous latent sites, or (without
     *     {@code localLatents}) one inside a subsampling plate
     */
    protected AutoGuide(Model model, RandomKey key, String prefix, boolean localLatents) {
        this.prefix = prefix;
        this.registry = variationalRegistry();
        Trace proto = Handlers.trace(Handlers.seed(model, key));
        Potential layout = Potential.of(model, key, registry);
        this.sites = layout.sites();
        this.backend = layout.backend();
        this.dtype = layout.dtype();
        this.dimension = layout.dimension();
        for (Potential.LatentSite s : sites) {
            Site p = proto.get(s.name());
            batchRanks.put(s.name(), s.shape().rank() - p.distribution().eventShape().rank());
            List<PlateFrame> local = new ArrayList<>();
            for (PlateFrame f : p.plates()) {
                if (f.subsampleSize() < f.size()) {
                    if (!localLatents) {
                        throw new IllegalArgumentException(
                                getClass().getSimpleName()
                                        + ": latent site '"
                                        + s.name()
                                        + "' sits in plate '"
                                        + f.name()
                                        + "', which subsamples "
                                        + f.subsampleSize()
                                        + " of "
                                        + f.size()
                                        + "; this guide draws all sites jointly and fits global"
                                        + " latent variables only: use AutoNormal or AutoDelta,"
                                        + " or write a guide (an amortised encoder, say)");
                    }
                    local.add(f);
                }
            }
            localPlates.put(s.name(), List.copyOf(local));
        }
        medianInit(model, key);
    }

    /**
     * The registry that maps the unconstrained space onto supports: {@link
     * BijectorRegistry#transformTo()} (cheap maps), except that the simplex gets the exact
     * stick-breaking bijection, since a guide's density needs a log-determinant, which the softmax
     * transform lacks. Built-in supports other than the simplex get the same map from both tables.
     *
     * @return a fresh copy
     */
    public static BijectorRegistry variationalRegistry() {
        return BijectorRegistry.transformTo()
                .copy()
                .register(Simplex.class, c -> new StickBreakingBijector());
    }

    private void medianInit(Model model, RandomKey key) {
        Map<String, List<double[]>> draws = new LinkedHashMap<>();
        for (int i = 0; i < INIT_DRAWS; i++) {
            Trace t = Handlers.trace(Handlers.seed(model, key.fold(i)));
            for (Potential.LatentSite s : sites) {
                if (t.contains(s.name())) {
                    Site site = t.get(s.name());
                    Bijector b = registry.get(site.distribution().support());
                    draws.computeIfAbsent(s.name(), k -> new ArrayList<>())
                            .add(b.inverse(site.value().detach()).toDoubleArray());
                }
            }
        }
        for (Potential.LatentSite s : sites) {
            int[] shape = s.unconstrainedShape().dims();
            int[] full = shape.clone();
            List<PlateFrame> local = localPlates.get(s.name());
            int[] pooled = new int[local.size()];
            for (int j = 0; j < pooled.length; j++) {
                pooled[j] = batchRanks.get(s.name()) + local.get(j).dim();
                full[pooled[j]] = local.get(j).size();
            }
            double[] med = MedianInit.of(draws.get(s.name()), shape, pooled, full);
            // reshape: Tensor.of reads an empty shape as a vector; a scalar site keeps rank 0,
            // so its draws (and summary names) are those of the model, "alpha" not "alpha[1]".
            initialLocs.put(s.name(), Tensor.of(backend, med, dtype, full).reshape(full));
        }
    }

    /**
     * Runs statements inside the subsampling plates that enclose a site in the model, so that the
     * guide's site gets the model's minibatch and its {@code N / B} scale. The body receives a
     * function that selects this run's minibatch from a tensor holding all {@code N} entries along
     * each such plate's axis (a local param). A global site runs the body directly, with the
     * identity.
     *
     * @param ctx the context of the run
     * @param site the site
     * @param body the statements
     */
    protected final void inPlates(
            ModelContext ctx, Potential.LatentSite site, Consumer<UnaryOperator<Tensor>> body) {
        List<PlateFrame> frames = localPlates.get(site.name());
        if (frames.isEmpty()) {
            body.accept(UnaryOperator.identity());
            return;
        }
        int batchRank = batchRanks.get(site.name());
        List<Plate> open = new ArrayList<>(frames.size());
        try {
            for (PlateFrame f : frames) {
                open.add(ctx.plate(f.name(), f.size(), f.subsampleSize(), f.dim()));
            }
            body.accept(
                    t -> {
                        Tensor r = t;
                        for (Plate p : open) {
                            r = r.gather(batchRank + p.dim(), p.indices(t.backend()));
                        }
                        return r;
                    });
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
        }
    }

    /**
     * Returns the prefix of the guide's names.
     *
     * @return the prefix
     */
    public final String prefix() {
        return prefix;
    }

    /**
     * Returns the layout of the model's latent sites on the unconstrained space.
     *
     * @return the sites in model order
     */
    public final List<Potential.LatentSite> sites() {
        return sites;
    }

    /**
     * Returns the names of the model's latent sites.
     *
     * @return the names in model order
     */
    public final List<String> latentSiteNames() {
        return sites.stream().map(Potential.LatentSite::name).toList();
    }

    /**
     * Returns the number of unconstrained coordinates of one run.
     *
     * @return the total size of all sites' slices (minibatch-sized for local sites)
     */
    public final int dimension() {
        return dimension;
    }

    /**
     * Returns the backend of the model's latent values.
     *
     * @return the backend
     */
    public final Backend backend() {
        return backend;
    }

    /**
     * Returns the dtype of the model's latent values.
     *
     * @return the dtype
     */
    public final DType dtype() {
        return dtype;
    }

    /**
     * Returns the bijection from a site's unconstrained slice onto its support.
     *
     * @param site the site
     * @return the map
     */
    protected final Bijector bijector(Potential.LatentSite site) {
        return registry.get(site.support());
    }

    /**
     * Returns how many trailing axes of a site's unconstrained value form one event.
     *
     * @param site the site
     * @return the event rank on the unconstrained space
     */
    protected final int unconstrainedEventRank(Potential.LatentSite site) {
        return site.unconstrainedShape().rank() - batchRanks.get(site.name());
    }

    /**
     * Returns how many trailing axes of a site's value form one event.
     *
     * @param site the site
     * @return the event rank of the site's distribution in the model
     */
    protected final int eventRank(Potential.LatentSite site) {
        return site.shape().rank() - batchRanks.get(site.name());
    }

    /**
     * Returns a site's initial location on the unconstrained space.
     *
     * @param site the site
     * @return a tensor of the site's unconstrained shape, with the full size {@code N} along the
     *     axes of subsampling plates
     */
    protected final Tensor initialLoc(Potential.LatentSite site) {
        return initialLocs.get(site.name());
    }

    /**
     * Returns the initial locations of all sites as one flat vector.
     *
     * @return a vector of {@link #dimension()} coordinates
     */
    protected final Tensor initialFlatLoc() {
        List<Tensor> parts = new ArrayList<>();
        for (Potential.LatentSite s : sites) {
            parts.add(initialLocs.get(s.name()).reshape(s.size()));
        }
        return Tensor.concat(parts, 0);
    }

    /**
     * The posterior this guide represents once fitted.
     *
     * @param params the fitted values of every param site (of the guide, and of the model if it has
     *     any), constrained
     * @param summaryKey the key for the draws behind {@link Posterior#summary()}
     * @return the posterior
     */
    public Posterior posterior(Map<String, Tensor> params, RandomKey summaryKey) {
        return new GuidePosterior(this, params, latentSiteNames(), summaryKey);
    }
}
