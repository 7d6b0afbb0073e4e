package dev.credence.api.model;

import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sites of one model run, in execution order, with the log-densities they define.
 *
 * <p>{@link #logJoint()} is the sum over random sites of their scaled, masked log-probabilities:
 * under plate subsampling each likelihood term is multiplied by {@code N / B}, so the sum is an
 * unbiased estimate of the full-data log joint.
 */
public final class Trace {
    private final Map<String, Site> sites = new LinkedHashMap<>();

    Trace() {}

    void add(Site s) {
        Site before = sites.putIfAbsent(s.name(), s);
        if (before != null) {
            throw new IllegalStateException(
                    "site name '"
                            + s.name()
                            + "' is used twice in one run (as "
                            + before.kind()
                            + " and "
                            + s.kind()
                            + "); site names must be unique");
        }
    }

    /**
     * Returns a site by name.
     *
     * @param name the name
     * @return the site
     * @throws IllegalArgumentException naming the sites present if there is none by that name
     */
    public Site get(String name) {
        Site s = sites.get(name);
        if (s == null) {
            throw new IllegalArgumentException(
                    "no site named '" + name + "' in the trace; sites: " + sites.keySet());
        }
        return s;
    }

    /**
     * Tells whether a site is present.
     *
     * @param name the name
     * @return true if the run had a site by that name
     */
    public boolean contains(String name) {
        return sites.containsKey(name);
    }

    /**
     * Returns the sites in execution order.
     *
     * @return an unmodifiable list
     */
    public List<Site> sites() {
        return Collections.unmodifiableList(new ArrayList<>(sites.values()));
    }

    /**
     * Returns the values of all sites that have one, by name.
     *
     * @return an insertion-ordered map
     */
    public Map<String, Tensor> values() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Site s : sites.values()) {
            if (s.value() != null) {
                out.put(s.name(), s.value());
            }
        }
        return out;
    }

    /**
     * Returns the latent sample sites.
     *
     * @return the sites of kind {@code SAMPLE}
     */
    public List<Site> latentSites() {
        return sites.values().stream().filter(Site::isLatent).toList();
    }

    /**
     * Returns the observed sites.
     *
     * @return the sites of kind {@code OBSERVE}
     */
    public List<Site> observedSites() {
        return sites.values().stream().filter(Site::isObserved).toList();
    }

    /**
     * Returns the log joint density: the sum over random sites of their log-probabilities.
     *
     * @return a scalar
     * @throws IllegalStateException if the trace has no random sites
     */
    public Tensor logJoint() {
        return sum(true, true, "random");
    }

    /**
     * Returns the log-likelihood: the sum over observed sites.
     *
     * @return a scalar
     * @throws IllegalStateException if the trace has no observed sites
     */
    public Tensor logLikelihood() {
        return sum(false, true, "observed");
    }

    /**
     * Returns the log prior density of the latent sites.
     *
     * @return a scalar
     * @throws IllegalStateException if the trace has no latent sites
     */
    public Tensor logPrior() {
        return sum(true, false, "latent");
    }

    private Tensor sum(boolean latent, boolean observed, String what) {
        Tensor total = null;
        for (Site s : sites.values()) {
            if ((latent && s.isLatent()) || (observed && s.isObserved())) {
                Tensor lp = s.logProbSum();
                total = total == null ? lp : total.add(lp);
            }
        }
        if (total == null) {
            throw new IllegalStateException("the trace has no " + what + " sites");
        }
        return total;
    }

    /**
     * Returns the number of minibatches in one pass over the data: {@code ceil(N / B)} for the
     * subsampling plate with the most minibatches, 1 if the run subsampled nothing. Optimisers and
     * stochastic-gradient samplers count epochs in these steps.
     *
     * @return the steps per epoch
     */
    public long stepsPerEpoch() {
        long most = 1;
        for (Site s : sites()) {
            if (s.kind() == SiteKind.PLATE) {
                PlateFrame f = s.plates().get(0);
                most = Math.max(most, (f.size() + f.subsampleSize() - 1) / f.subsampleSize());
            }
        }
        return most;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Trace[");
        for (Site s : sites.values()) {
            sb.append(' ').append(s.name()).append(':').append(s.kind());
        }
        return sb.append(" ]").toString();
    }
}
