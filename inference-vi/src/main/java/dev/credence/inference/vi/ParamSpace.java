package dev.credence.inference.vi;

import dev.credence.api.dist.bijector.Bijector;
import dev.credence.api.dist.bijector.Bijectors;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Message;
import dev.credence.api.model.Model;
import dev.credence.api.model.Site;
import dev.credence.api.model.SiteKind;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learnable {@code param} sites of a model and its guide, and the unconstrained space an
 * optimizer moves them in.
 *
 * <p>{@link #discover} runs the guide and the model (replayed on it) once and records every param
 * site: the guide's first, then the model's own (a decoder's weights, say), a name declared by both
 * being one param. A param with a constraint is optimised as {@code x} with value {@code
 * transformTo(constraint).forward(x)} ({@link Bijectors#transformTo}), so every step stays inside
 * the constraint; {@link #bind} substitutes those values into a model.
 */
public final class ParamSpace {

    /**
     * One param site.
     *
     * @param name the site name
     * @param constraint its constraint
     * @param transform the map from the unconstrained value
     * @param init its initial value, constrained
     */
    public record Entry(String name, Constraint constraint, Bijector transform, Tensor init) {}

    private final List<Entry> entries;

    private ParamSpace(List<Entry> entries) {
        this.entries = Collections.unmodifiableList(entries);
    }

    /**
     * Finds the params of a model and its guide.
     *
     * @param model the model
     * @param guide the guide
     * @param key the key of the discovery run
     * @return the param space
     * @throws IllegalArgumentException if there are no params to learn
     */
    public static ParamSpace discover(Model model, Model guide, RandomKey key) {
        ElboTraces t = ElboTraces.run(model, guide, key);
        Map<String, Entry> found = new LinkedHashMap<>();
        for (Site s : concat(t.guide().sites(), t.model().sites())) {
            if (s.kind() == SiteKind.PARAM && !found.containsKey(s.name())) {
                Tensor init = s.value().detach();
                Bijector b = Bijectors.transformTo(s.constraint());
                found.put(s.name(), new Entry(s.name(), s.constraint(), b, init));
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(
                    "neither the guide nor the model declares a param site, so there is nothing"
                            + " to fit; guide sites: "
                            + t.guide()
                            + ", model sites: "
                            + t.model());
        }
        return new ParamSpace(new ArrayList<>(found.values()));
    }

    private static List<Site> concat(List<Site> a, List<Site> b) {
        List<Site> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * Returns the params in order.
     *
     * @return the entries
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Returns the param names in order.
     *
     * @return the names
     */
    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }

    /**
     * Returns the initial unconstrained values.
     *
     * @return one tensor per param, in order
     */
    public List<Tensor> initialUnconstrained() {
        List<Tensor> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.transform().inverse(e.init()).detach());
        }
        return out;
    }

    /**
     * Maps unconstrained values to the params' values.
     *
     * @param unconstrained one tensor per param, in order
     * @return constrained values by name
     */
    public Map<String, Tensor> constrain(List<Tensor> unconstrained) {
        if (unconstrained.size() != entries.size()) {
            throw new IllegalArgumentException(
                    "param space: expected "
                            + entries.size()
                            + " values "
                            + names()
                            + ", found "
                            + unconstrained.size());
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            out.put(
                    entries.get(i).name(),
                    entries.get(i).transform().forward(unconstrained.get(i)));
        }
        return out;
    }

    /**
     * Binds param values into a model: its param sites take them, other sites are untouched.
     *
     * @param model the model or guide
     * @param values constrained values by name
     * @return the bound model
     */
    public static Model bind(Model model, Map<String, Tensor> values) {
        return Handlers.substitute(
                model, (Message m) -> m.kind() == SiteKind.PARAM ? values.get(m.name()) : null);
    }
}
