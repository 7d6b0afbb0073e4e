package dev.credence.api.tensor;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Buffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A try-with-resources block that frees the buffers of every tensor created inside it.
 *
 * <p>Native backends hold tensor memory outside the Java heap, where the garbage collector does not
 * see it. Wrap each training step in a scope and keep only what must survive:
 *
 * <pre>{@code
 * for (int step = 0; step < steps; step++) {
 *     try (TensorScope scope = TensorScope.open()) {
 *         Tensor loss = ...;            // intermediate tensors are freed at close
 *         params = scope.keep(newParams); // these survive, owned by the enclosing scope
 *     }
 * }
 * }</pre>
 *
 * Scopes nest per thread. A kept tensor moves to the enclosing scope (or is owned by nobody if
 * there is none, and lives until the garbage collector or {@link Tensor#release()} frees it). Using
 * a tensor after its scope closed throws {@link IllegalStateException}. A scope must be closed on
 * the thread that opened it.
 */
public final class TensorScope implements AutoCloseable {

    private static final ThreadLocal<TensorScope> CURRENT = new ThreadLocal<>();

    private final TensorScope parent;
    private final Thread owner;
    private List<Tensor.Handle> handles = new ArrayList<>();
    private Map<Tensor.Handle, Boolean> kept;
    private boolean closed;

    private TensorScope(TensorScope parent) {
        this.parent = parent;
        this.owner = Thread.currentThread();
    }

    /**
     * Opens a scope on this thread, nested in the current one if any.
     *
     * @return the new scope, to be closed by try-with-resources
     */
    public static TensorScope open() {
        TensorScope s = new TensorScope(CURRENT.get());
        CURRENT.set(s);
        return s;
    }

    static void register(Tensor.Handle h) {
        TensorScope s = CURRENT.get();
        if (s != null) {
            s.handles.add(h);
        }
    }

    /**
     * Keeps a tensor alive past this scope: it moves to the enclosing scope.
     *
     * @param t the tensor
     * @return the same tensor, for chaining
     */
    public Tensor keep(Tensor t) {
        if (kept == null) {
            kept = new IdentityHashMap<>();
        }
        kept.put(t.handle(), Boolean.TRUE);
        if (parent != null) {
            parent.handles.add(t.handle());
        }
        return t;
    }

    /**
     * Keeps several tensors alive past this scope.
     *
     * @param ts the tensors
     * @return the same list
     */
    public List<Tensor> keepAll(List<Tensor> ts) {
        for (Tensor t : ts) {
            keep(t);
        }
        return ts;
    }

    /**
     * Returns how many buffers this scope will release if closed now.
     *
     * @return the number of owned, unkept buffers
     */
    public int ownedCount() {
        int n = 0;
        for (Tensor.Handle h : handles) {
            if (kept == null || !kept.containsKey(h)) {
                n++;
            }
        }
        return n;
    }

    /** Releases every buffer created in this scope that was not kept, and pops the scope. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException(
                    "a TensorScope must be closed on the thread that opened it ("
                            + owner.getName()
                            + "), not on "
                            + Thread.currentThread().getName());
        }
        closed = true;
        for (Tensor.Handle h : handles) {
            if (kept == null || !kept.containsKey(h)) {
                h.release();
            }
        }
        handles = List.of();
        CURRENT.set(parent);
    }

    static void releaseNow(Backend backend, Buffer buffer) {
        backend.release(buffer);
    }
}
