package dev.credence.api.model;

import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Effect handlers: functions from a model to a model that change what its statements do. They
 * compose by nesting; the innermost handler sees each statement first.
 *
 * <table class="striped">
 *   <caption>The handlers</caption>
 *   <tr><th>handler</th><th>effect on each statement</th></tr>
 *   <tr><td>{@link #seed}</td><td>gives latent sites and subsampling plates random keys</td></tr>
 *   <tr><td>{@link #trace}</td><td>runs the model and records every site</td></tr>
 *   <tr><td>{@link #replay}</td><td>latent sites take the values of another trace</td></tr>
 *   <tr><td>{@link #condition}</td><td>latent sites become observations of data</td></tr>
 *   <tr><td>{@link #substitute}</td><td>latent and param sites take given values</td></tr>
 *   <tr><td>{@link #scale}</td><td>multiplies log-probabilities by a constant</td></tr>
 *   <tr><td>{@link #mask}</td><td>drops log-probability terms where a mask is false</td></tr>
 *   <tr><td>{@link #block}</td><td>hides sites from the handlers outside</td></tr>
 * </table>
 *
 * <p>The ELBO of variational inference, for example, is two traces:
 *
 * <pre>{@code
 * Trace q = Handlers.trace(Handlers.seed(guide, key));
 * Trace p = Handlers.trace(Handlers.replay(model, q));
 * Tensor elbo = p.logJoint().sub(q.logJoint());
 * }</pre>
 *
 * <p>Every returned model is immutable and makes fresh handler state for each run, so it may run on
 * several threads at once.
 */
public final class Handlers {
    private Handlers() {}

    /**
     * Wraps a model with a custom handler, made fresh for each run.
     *
     * @param model the model
     * @param effect makes the handler
     * @return the handled model
     */
    public static Model with(Model model, Supplier<? extends Effect> effect) {
        return ctx -> ctx.run(model, effect.get());
    }

    /**
     * Gives each latent site (and each subsampling plate) its own key, {@code key.fold(i)} for the
     * i-th such statement of the run.
     *
     * @param model the model
     * @param key the key
     * @return the seeded model
     */
    public static Model seed(Model model, RandomKey key) {
        return with(model, () -> new SeedEffect(key));
    }

    /**
     * Runs a model in a fresh context and records its sites.
     *
     * @param model the model
     * @return the trace
     */
    public static Trace trace(Model model) {
        return trace(model, new ModelContext());
    }

    /**
     * Runs a model within an existing context (inside other handlers) and records its sites.
     *
     * @param model the model
     * @param ctx the context
     * @return the trace
     */
    public static Trace trace(Model model, ModelContext ctx) {
        TraceEffect t = new TraceEffect();
        ctx.run(model, t);
        return t.trace;
    }

    /**
     * Gives latent sites the values they took in another trace, and plates its subsamples.
     *
     * @param model the model
     * @param source the trace to replay, typically a guide's
     * @return the replaying model
     */
    public static Model replay(Model model, Trace source) {
        return with(model, () -> new ReplayEffect(source));
    }

    /**
     * Observes latent sites at the given values.
     *
     * @param model the model
     * @param data values by site name
     * @return the conditioned model
     */
    public static Model condition(Model model, Map<String, Tensor> data) {
        Map<String, Tensor> copy = Map.copyOf(data);
        return with(model, () -> new ConditionEffect(copy::get));
    }

    /**
     * Gives latent, param and deterministic sites the given values, without observing them.
     *
     * @param model the model
     * @param values values by site name
     * @return the model
     */
    public static Model substitute(Model model, Map<String, Tensor> values) {
        Map<String, Tensor> copy = Map.copyOf(values);
        return substitute(model, m -> copy.get(m.name()));
    }

    /**
     * Gives sites values computed from their messages (null leaves a site alone); optimisers use
     * this to put unconstrained parameters through {@code transformTo(m.constraint())}.
     *
     * @param model the model
     * @param values the function
     * @return the model
     */
    public static Model substitute(Model model, Function<Message, Tensor> values) {
        return with(model, () -> new SubstituteEffect(values));
    }

    /**
     * Multiplies the log-probability of every random site by a positive constant.
     *
     * @param model the model
     * @param factor the factor
     * @return the model
     */
    public static Model scale(Model model, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(
                    "scale: the factor must be positive and finite, found " + factor);
        }
        return with(model, () -> new ScaleEffect(factor));
    }

    /**
     * Keeps only the log-probability terms where a mask is true.
     *
     * @param model the model
     * @param mask a BOOL tensor broadcasting against the sites' log-probabilities
     * @return the model
     */
    public static Model mask(Model model, Tensor mask) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("mask: needs a BOOL tensor, found " + mask.dtype());
        }
        return with(model, () -> new MaskEffect(mask));
    }

    /**
     * Hides every site from the handlers outside.
     *
     * @param model the model
     * @return the model
     */
    public static Model block(Model model) {
        return block(model, m -> true);
    }

    /**
     * Hides the named sites from the handlers outside.
     *
     * @param model the model
     * @param names the sites to hide
     * @return the model
     */
    public static Model block(Model model, Set<String> names) {
        Set<String> copy = Set.copyOf(names);
        return block(model, m -> copy.contains(m.name()));
    }

    /**
     * Hides the sites a predicate selects from the handlers outside.
     *
     * @param model the model
     * @param hide selects the messages to hide
     * @return the model
     */
    public static Model block(Model model, Predicate<Message> hide) {
        return with(model, () -> new BlockEffect(hide));
    }
}
