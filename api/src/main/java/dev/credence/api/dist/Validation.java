package dev.credence.api.dist;

/**
 * The switch for argument validation in {@link Distribution}s.
 *
 * <p>With validation on (the default), constructors check every parameter against its constraint
 * and {@code logProb} checks that values lie in the support, each with one host round trip per
 * tensor. A distribution decides once, when it is constructed, by asking {@link #isEnabled()}. Turn
 * validation off globally with {@link #setDefault(boolean)}, or for the distributions built on this
 * thread inside a block:
 *
 * <pre>{@code
 * try (Validation.Scope off = Validation.disable()) {
 *     ... // distributions built here skip their checks
 * }
 * }</pre>
 *
 * <p>{@link dev.credence.api.model.Potential} evaluates models with validation off, so that a
 * sampler exploring extreme values meets NaN or infinite densities rather than exceptions.
 */
public final class Validation {
    private static volatile boolean enabledByDefault = true;
    private static final ThreadLocal<Boolean> OVERRIDE = new ThreadLocal<>();

    private Validation() {}

    /**
     * Tells whether distributions built now on this thread validate their arguments.
     *
     * @return the thread's setting if inside a scope, else the global default
     */
    public static boolean isEnabled() {
        Boolean o = OVERRIDE.get();
        return o != null ? o : enabledByDefault;
    }

    /**
     * Sets the global default.
     *
     * @param enabled whether to validate by default
     */
    public static void setDefault(boolean enabled) {
        enabledByDefault = enabled;
    }

    /**
     * Turns validation off on this thread until the scope closes.
     *
     * @return the scope
     */
    public static Scope disable() {
        return set(false);
    }

    /**
     * Turns validation on on this thread until the scope closes.
     *
     * @return the scope
     */
    public static Scope enable() {
        return set(true);
    }

    private static Scope set(boolean on) {
        Boolean before = OVERRIDE.get();
        OVERRIDE.set(on);
        return new Scope(before);
    }

    /** A block with a thread-local validation setting; closing restores the previous one. */
    public static final class Scope implements AutoCloseable {
        private final Boolean before;
        private boolean closed;

        private Scope(Boolean before) {
            this.before = before;
        }

        /** Restores the setting from before the block. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (before == null) {
                    OVERRIDE.remove();
                } else {
                    OVERRIDE.set(before);
                }
            }
        }
    }
}
