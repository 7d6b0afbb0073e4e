package dev.credence.spark;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backends of this JVM by name, selected once per executor and shared by its tasks (a backend
 * is safe to use from several threads; selecting one runs service discovery). A run names its
 * backend, so that every executor computes on the one the user chose, or fails with the list of
 * those installed there.
 */
public final class ExecutorBackends {
    private static final Map<String, Backend> CACHE = new ConcurrentHashMap<>();

    private ExecutorBackends() {}

    /**
     * Returns the backend of a name on this JVM.
     *
     * @param name a backend name such as {@code jvm} or {@code djl}
     * @return the backend
     * @throws IllegalArgumentException naming the available backends if this one cannot run here
     */
    public static Backend get(String name) {
        return CACHE.computeIfAbsent(name, n -> Backends.discover().select(n));
    }
}
