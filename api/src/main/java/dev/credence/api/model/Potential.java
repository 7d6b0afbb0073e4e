package dev.credence.api.model;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.Validation;
import dev.credence.api.dist.bijector.Bijector;
import dev.credence.api.dist.bijector.BijectorRegistry;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log joint density of a model on the unconstrained space, as a function of one flat vector:
 * what HMC and NUTS sample from and what automatic variational guides are fitted to.
 *
 * <p><b>Layout.</b> {@link #of(Model, RandomKey)} runs the model once under a seed handler to find
 * its latent sites, their shapes and supports. Site {@code i} owns the slice {@code [offset_i,
 * offset_i + n_i)} of the flat vector, where {@code n_i} is the size of the unconstrained shape
 * that {@code bijectTo(support)} maps from (a simplex of K entries owns K - 1 coordinates).
 *
 * <p><b>Density.</b> For a point {@code u}, each latent site takes the value {@code y_i = f_i(u_i)}
 * with {@code f_i = bijectTo(support_i)}, looked up when the site is reached, so that supports that
 * depend on other sites (a uniform whose bounds are latent) are respected. Then
 *
 * <pre>
 * log pi(u) = sum over random sites of scale * log p(value)   +   sum_i log|det J_f_i(u_i)|.
 * </pre>
 *
 * Evaluation builds no trace and runs with distribution validation off: a point where the density
 * is not finite yields NaN or -infinity, never an exception, so a sampler can count it as a
 * divergence. A potential is immutable and may be evaluated from several threads at once.
 *
 * <p><b>Minibatches.</b> A model that subsamples data inside plates needs a random key per
 * evaluation, to draw its minibatch: {@link #logDensity(Tensor, RandomKey)} and {@link
 * #valueAndGradient(Tensor, RandomKey)} run it under {@link Handlers#seed}, and the plates scale
 * the minibatch's log-likelihood by {@code N / B}, so the result is an unbiased estimate of the
 * full-data log density, as stochastic-gradient MCMC needs (Welling and Teh 2011). The methods
 * without a key evaluate models whose plates do not subsample.
 *
 * <p>Latent sites must be continuous; discrete ones are reported when the potential is built.
 */
public final class Potential {

    /**
     * The place of one latent site in the flat vector.
     *
     * @param name the site name
     * @param shape the shape of its (constrained) value
     * @param unconstrainedShape the shape of its slice of the flat vector, before flattening
     * @param offset the index of its first coordinate
     * @param support its support when the layout was made
     */
    public record LatentSite(
            String name, Shape shape, Shape unconstrainedShape, int offset, Constraint support) {
        /**
         * Returns the number of flat coordinates of the site.
         *
         * @return the size of the unconstrained shape
         */
        public int size() {
            return unconstrainedShape.size();
        }
    }

    /**
     * A log-density and its gradient with respect to the flat vector.
     *
     * @param value the log-density, possibly NaN or -infinity
     * @param gradient the gradient, a vector of the potential's dimension
     */
    public record ValueAndGradient(double value, Tensor gradient) {}

    private final Model model;
    private final BijectorRegistry registry;
    private final List<LatentSite> sites;
    private final Map<String, LatentSite> byName;
    private final int dimension;
    private final Backend backend;
    private final DType dtype;

    private Potential(Model model, BijectorRegistry registry, List<LatentSite> sites, Tensor like) {
        this.model = model;
        this.registry = registry;
        this.sites = Collections.unmodifiableList(sites);
        Map<String, LatentSite> m = new LinkedHashMap<>();
        int d = 0;
        for (LatentSite s : sites) {
            m.put(s.name(), s);
            d += s.size();
        }
        this.byName = m;
        this.dimension = d;
        this.backend = like.backend();
        this.dtype = like.dtype();
    }

    /**
     * Builds the potential of a model with the exact bijections of {@link
     * BijectorRegistry#bijectTo()}.
     *
     * @param model the model, with its data
     * @param key the key for the one run that discovers the latent sites
     * @return the potential
     */
    public static Potential of(Model model, RandomKey key) {
        return of(model, key, BijectorRegistry.bijectTo());
    }

    /**
     * Builds the potential of a model with a given bijector registry.
     *
     * @param model the model, with its data
     * @param key the key for the one run that discovers the latent sites
     * @param registry maps each support to the bijection used
     * @return the potential
     * @throws IllegalArgumentException if the model has no latent sites, a discrete one, or latent
     *     values of different dtypes or backends
     */
    public static Potential of(Model model, RandomKey key, BijectorRegistry registry) {
        Trace t = Handlers.trace(Handlers.seed(model, key));
        List<LatentSite> layout = new ArrayList<>();
        Tensor like = null;
        int offset = 0;
        for (Site s : t.latentSites()) {
            Constraint support = s.distribution().support();
            if (support.isDiscrete()) {
                throw new IllegalArgumentException(
                        "latent site '"
                                + s.name()
                                + "' has the discrete support "
                                + support.describe()
                                + "; a potential needs continuous latent sites: observe it,"
                                + " or marginalise it out of the model");
            }
            Tensor v = s.value();
            if (like == null) {
                like = v;
            } else if (v.dtype() != like.dtype() || v.backend() != like.backend()) {
                throw new IllegalArgumentException(
                        "latent site '"
                                + s.name()
                                + "' is "
                                + v.dtype()
                                + " on "
                                + v.backend().name()
                                + ", but earlier sites are "
                                + like.dtype()
                                + " on "
                                + like.backend().name());
            }
            Bijector b = registry.get(support);
            Shape u = b.inverseShape(v.shape());
            layout.add(new LatentSite(s.name(), v.shape(), u, offset, support));
            offset += u.size();
        }
        if (like == null) {
            throw new IllegalArgumentException(
                    "the model has no latent sample sites, so there is nothing to sample; sites: "
                            + t);
        }
        // Evaluated once with validation on, so that invalid data fails here with a clear message
        // rather than as a silent NaN inside a sampler.
        t.logJoint();
        return new Potential(model, registry, layout, like);
    }

    /**
     * Returns the length of the flat vector.
     *
     * @return the number of unconstrained coordinates
     */
    public int dimension() {
        return dimension;
    }

    /**
     * Returns the layout of the latent sites in the flat vector.
     *
     * @return the sites in model order
     */
    public List<LatentSite> sites() {
        return sites;
    }

    /**
     * Returns the dtype of the flat vector.
     *
     * @return the dtype of the model's latent values
     */
    public DType dtype() {
        return dtype;
    }

    /**
     * Returns the backend of the flat vector.
     *
     * @return the backend of the model's latent values
     */
    public Backend backend() {
        return backend;
    }

    LatentSite site(String name) {
        return byName.get(name);
    }

    BijectorRegistry registry() {
        return registry;
    }

    /**
     * Evaluates the log density at a point; differentiable with respect to {@code flat}.
     *
     * @param flat a vector of {@link #dimension()} coordinates
     * @return a scalar, possibly NaN or -infinity
     */
    public Tensor logDensity(Tensor flat) {
        return evaluate(flat, model);
    }

    /**
     * Evaluates the log density at a point with a key for the model's subsampling plates: an
     * unbiased minibatch estimate of the log density when the model subsamples, the exact value
     * when it does not. Differentiable with respect to {@code flat}.
     *
     * @param flat a vector of {@link #dimension()} coordinates
     * @param key the key that draws this evaluation's minibatches
     * @return a scalar, possibly NaN or -infinity
     */
    public Tensor logDensity(Tensor flat, RandomKey key) {
        return evaluate(flat, Handlers.seed(model, key));
    }

    private Tensor evaluate(Tensor flat, Model seeded) {
        checkFlat(flat);
        try (Validation.Scope off = Validation.disable()) {
            PotentialEffect e = new PotentialEffect(this, flat);
            new ModelContext().run(seeded, e);
            e.checkAllSeen();
            return e.total();
        }
    }

    /**
     * Evaluates the log density and its gradient at a point.
     *
     * @param flat a vector of {@link #dimension()} coordinates
     * @return the value and the gradient
     */
    public ValueAndGradient valueAndGradient(Tensor flat) {
        Autodiff.ValueAndGrad r = Autodiff.valueAndGrad(xs -> logDensity(xs.get(0)), List.of(flat));
        return new ValueAndGradient(r.value().item(), r.grads().get(0));
    }

    /**
     * Evaluates the minibatch estimate of the log density and its gradient at a point (see {@link
     * #logDensity(Tensor, RandomKey)}).
     *
     * @param flat a vector of {@link #dimension()} coordinates
     * @param key the key that draws this evaluation's minibatches
     * @return the value and the gradient
     */
    public ValueAndGradient valueAndGradient(Tensor flat, RandomKey key) {
        Autodiff.ValueAndGrad r =
                Autodiff.valueAndGrad(xs -> logDensity(xs.get(0), key), List.of(flat));
        return new ValueAndGradient(r.value().item(), r.grads().get(0));
    }

    /**
     * Draws a starting point uniformly from {@code (-2, 2)} in every unconstrained coordinate, the
     * default initialisation of Stan and NumPyro.
     *
     * @param key the key
     * @return a vector of {@link #dimension()} coordinates
     */
    public Tensor initialPoint(RandomKey key) {
        return key.uniform(backend, dtype, dimension).mul(4).sub(2);
    }

    /**
     * Maps a point to the constrained values of the latent sites, plus the values of the
     * deterministic sites of the same run.
     *
     * @param flat a vector of {@link #dimension()} coordinates
     * @return values by site name, latent sites first in model order
     */
    public Map<String, Tensor> constrain(Tensor flat) {
        return constrain(flat, model);
    }

    /**
     * Maps a point to the constrained values of the latent sites, plus the values of those
     * deterministic sites of the same run that sit in no subsampling plate (the others would
     * describe one random minibatch), for a model that subsamples.
     *
     * @param flat a vector of {@link #dimension()} coordinates
     * @param key the key that draws the run's minibatches
     * @return values by site name, latent sites first in model order
     */
    public Map<String, Tensor> constrain(Tensor flat, RandomKey key) {
        return constrain(flat, Handlers.seed(model, key));
    }

    private Map<String, Tensor> constrain(Tensor flat, Model seeded) {
        checkFlat(flat);
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (Autodiff.NoGrad off = Autodiff.noGrad();
                Validation.Scope noChecks = Validation.disable()) {
            PotentialEffect e = new PotentialEffect(this, flat);
            ModelContext ctx = new ModelContext();
            ctx.push(e);
            Trace t = Handlers.trace(seeded, ctx);
            ctx.pop(e);
            for (LatentSite s : sites) {
                out.put(s.name(), t.get(s.name()).value().detach());
            }
            for (Site s : t.sites()) {
                if (s.kind() == SiteKind.DETERMINISTIC && !subsampled(s)) {
                    out.put(s.name(), s.value().detach());
                }
            }
        }
        return out;
    }

    private static boolean subsampled(Site s) {
        for (PlateFrame f : s.plates()) {
            if (f.subsampleSize() < f.size()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Maps constrained values of the latent sites to a point, with the inverses of the bijections
     * of the supports seen when the potential was built.
     *
     * @param values a value for every latent site, by name
     * @return a vector of {@link #dimension()} coordinates
     */
    public Tensor unconstrain(Map<String, Tensor> values) {
        List<Tensor> parts = new ArrayList<>(sites.size());
        for (LatentSite s : sites) {
            Tensor v = values.get(s.name());
            if (v == null) {
                throw new IllegalArgumentException(
                        "unconstrain: no value for latent site '" + s.name() + "'");
            }
            parts.add(registry.get(s.support()).inverse(v).reshape(s.size()));
        }
        return Tensor.concat(parts, 0);
    }

    private void checkFlat(Tensor flat) {
        if (flat.rank() != 1 || flat.dim(0) != dimension || flat.dtype() != dtype) {
            throw new IllegalArgumentException(
                    "potential: needs a "
                            + dtype
                            + " vector of "
                            + dimension
                            + " coordinates, found "
                            + flat.dtype()
                            + flat.shape());
        }
    }

    @Override
    public String toString() {
        return "Potential[dimension " + dimension + ", sites " + byName.keySet() + "]";
    }
}
