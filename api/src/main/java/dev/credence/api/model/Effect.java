package dev.credence.api.model;

/**
 * One effect handler instance for one run of a model: a pair of hooks on each {@link Message}.
 *
 * <p>Handlers live on the stack of a {@link ModelContext}. For every statement the context calls
 * {@link #process} on each handler from the innermost (pushed last) outward, stopping early if a
 * handler calls {@link Message#stop()}; then applies the default behaviour; then calls {@link
 * #postprocess} on the handlers that processed the message, outermost first. This is the
 * interpreter loop of Pyro and NumPyro ({@code apply_stack}), with the stack held by the context
 * instead of a global, so that threads never share it.
 *
 * <p>An effect may keep state for its run (a trace, a counter), so make a fresh instance per run:
 * wrap a model with {@link Handlers#with(Model, java.util.function.Supplier)}, which does that.
 *
 * <pre>{@code
 * final class CountSamples extends Effect {
 *     int count;
 *     protected void process(Message m) {
 *         if (m.kind() == SiteKind.SAMPLE) count++;
 *     }
 * }
 * }</pre>
 */
public abstract class Effect {
    /** For subclasses. */
    protected Effect() {}

    /**
     * Inspects or changes a message before its value is settled.
     *
     * @param m the message
     */
    protected void process(Message m) {}

    /**
     * Inspects or changes a message after its value is settled.
     *
     * @param m the message
     */
    protected void postprocess(Message m) {}
}
