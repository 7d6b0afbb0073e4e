package dev.credence.inference.vi;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.infer.Draws;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.Predictive;
import dev.credence.api.infer.diagnostics.ParameterSummary;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.Trace;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted guide seen as a {@link Posterior}, the same interface as MCMC's draws: {@link #sample}
 * runs the guide with its fitted params once per draw and keeps the model's latent sites
 * (constrained values, leading draw axis); {@link #draws} is one chain of independent draws, and
 * {@link #summary()} summarises {@value #SUMMARY_DRAWS} of them.
 *
 * <p>{@link #predictive} also binds the fitted params to the model it is given, so a model with
 * learnt {@code param} sites (a decoder, say) predicts with the fitted values.
 *
 * <p>Plates do not subsample here ({@link FullPlates}): a local latent site is drawn for every data
 * point, with shape {@code [n, N, ...]}, and prediction covers all of the data. For an amortised
 * guide over a large data set, that is a pass of the encoder over all of it per draw.
 */
public final class GuidePosterior implements Posterior {
    /** The number of draws behind {@link #summary()}. */
    public static final int SUMMARY_DRAWS = 1000;

    private final Model guide;
    private final Map<String, Tensor> params;
    private final List<String> sites;
    private final RandomKey summaryKey;

    /**
     * Wraps a fitted guide.
     *
     * @param guide the guide
     * @param params the fitted values of its params (and of the model's), constrained
     * @param sites the names of the model's latent sites, the ones reported
     * @param summaryKey the key of the draws behind {@link #summary()}
     */
    public GuidePosterior(
            Model guide, Map<String, Tensor> params, List<String> sites, RandomKey summaryKey) {
        this.guide = guide;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.sites = List.copyOf(sites);
        this.summaryKey = summaryKey;
    }

    /**
     * Returns the fitted params.
     *
     * @return constrained values by param name
     */
    @Override
    public Map<String, Tensor> params() {
        return params;
    }

    /**
     * Returns the guide with its params bound to the fitted values.
     *
     * @return the fitted guide, a model without params to learn
     */
    public Model fittedGuide() {
        return ParamSpace.bind(guide, params);
    }

    @Override
    public Map<String, Tensor> sample(RandomKey key, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("sample: needs n >= 1, found " + n);
        }
        Model fitted = fittedGuide();
        Map<String, List<Tensor>> acc = new LinkedHashMap<>();
        for (String s : sites) {
            acc.put(s, new ArrayList<>(n));
        }
        try (Autodiff.NoGrad off = Autodiff.noGrad()) {
            for (int i = 0; i < n; i++) {
                Trace t = Handlers.trace(Handlers.seed(FullPlates.of(fitted), key.fold(i)));
                for (String s : sites) {
                    acc.get(s).add(t.get(s).value().detach());
                }
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        acc.forEach((k, v) -> out.put(k, Indexing.stack(v, 0)));
        return out;
    }

    @Override
    public Map<String, Tensor> predictive(Model model, RandomKey key, int n) {
        RandomKey[] k = key.split(2);
        return Predictive.run(FullPlates.of(ParamSpace.bind(model, params)), sample(k[0], n), k[1]);
    }

    @Override
    public Draws draws(RandomKey key, int n) {
        return Draws.ofSamples(sample(key, n), n);
    }

    @Override
    public List<ParameterSummary> summary() {
        return draws(summaryKey, SUMMARY_DRAWS).summary();
    }
}
