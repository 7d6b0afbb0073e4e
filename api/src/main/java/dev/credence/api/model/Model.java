package dev.credence.api.model;

/**
 * A probabilistic model: a program that declares random variables through a {@link ModelContext}.
 *
 * <p>Data is captured by the model object (a field or a captured variable), not passed to {@link
 * #run}; the same model then runs under any combination of effect handlers ({@link Handlers}),
 * which decide what each {@code sample} statement does: draw, take an observed or substituted
 * value, record, rescale.
 *
 * <pre>{@code
 * Model coin = ctx -> {
 *     Tensor p = ctx.sample("p", Beta.of(b, 2, 2));
 *     try (Plate flips = ctx.plate("flips", data.size())) {
 *         ctx.observe("x", Bernoulli.withProbs(p), data);
 *     }
 * };
 * Trace t = Handlers.trace(Handlers.seed(coin, RandomKey.of(0)));
 * }</pre>
 *
 * <p>A model must keep no mutable state of its own: several threads (say, several MCMC chains) may
 * run one model object at once, each with its own context.
 */
@FunctionalInterface
public interface Model {
    /**
     * Runs the model once.
     *
     * @param ctx the context that interprets its statements
     */
    void run(ModelContext ctx);
}
