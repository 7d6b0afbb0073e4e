package dev.credence.backend.nd4j;

import dev.credence.api.backend.Availability;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.BackendConfig;
import dev.credence.api.backend.BackendProvider;

/**
 * Announces the {@code nd4j} backend: ND4J CPU kernels, preferred over the pure-Java backend when
 * its native library loads (priority 10).
 *
 * <p>Constructing the provider loads nothing. The first call to {@link #availability()} or {@link
 * #create(BackendConfig)} points JavaCPP's native cache at Credence's (see below), then initialises
 * ND4J; any failure, including linkage errors, becomes an unavailable answer whose reason says what
 * to install or set, and the answer is remembered.
 *
 * <h2>Native cache folder</h2>
 *
 * ND4J's native libraries unpack into JavaCPP's cache folder. Unless the system property {@code
 * org.bytedeco.javacpp.cachedir} is already set, the provider sets it to {@code <root>/javacpp},
 * where {@code <root>} is the system property {@code credence.native.cache} or else the environment
 * variable {@code CREDENCE_NATIVE_CACHE}; with neither, JavaCPP's default {@code ~/.javacpp/cache}
 * applies. The setting takes effect only if nothing used JavaCPP earlier in the JVM.
 *
 * <h2>Options</h2>
 *
 * <ul>
 *   <li>{@code pool.megabytes}: native memory kept for reuse by released buffers (default {@value
 *       #DEFAULT_POOL_MB}; 0 frees every released buffer at once).
 *   <li>{@code threads}: the most threads libnd4j uses for one operation. libnd4j has one thread
 *       pool per JVM, so this applies to every ND4J user in the JVM; without it, ND4J's default
 *       (the number of cores, or {@code OMP_NUM_THREADS}) stays. On a machine shared with other
 *       work, 1 avoids the cost of waking threads for small tensors.
 * </ul>
 */
public final class Nd4jBackendProvider implements BackendProvider {

    /** Default size of the pool of released native arrays, in MiB. */
    public static final int DEFAULT_POOL_MB = 64;

    /** The largest array the pool keeps, in bytes. */
    private static final long MAX_POOLED_ARRAY = 8L << 20;

    private final NativeLoader loader;
    private volatile Availability availability;

    /** Creates the provider; called by {@link java.util.ServiceLoader}. Loads nothing. */
    public Nd4jBackendProvider() {
        this(NativeLibrary::load);
    }

    /**
     * Creates a provider with another loading step, for tests.
     *
     * @param loader loads the native library or throws
     */
    Nd4jBackendProvider(NativeLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "nd4j";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Availability availability() {
        Availability a = availability;
        if (a == null) {
            synchronized (this) {
                a = availability;
                if (a == null) {
                    a = probe();
                    availability = a;
                }
            }
        }
        return a;
    }

    private Availability probe() {
        try {
            NativeLibrary.configureCache();
            loader.load();
            return Availability.ok();
        } catch (Throwable t) {
            return Availability.unavailable(NativeLibrary.explain(t));
        }
    }

    @Override
    public String apiVersion() {
        return Backend.API_VERSION;
    }

    @Override
    public Backend create(BackendConfig config) {
        Availability a = availability();
        if (!a.available()) {
            throw new IllegalStateException("the nd4j backend is unavailable: " + a.reason());
        }
        int mb = config.getInt("pool.megabytes", DEFAULT_POOL_MB);
        if (mb < 0) {
            throw new IllegalArgumentException(
                    "nd4j backend: pool.megabytes must be >= 0, found " + mb);
        }
        String threads = config.get("threads", null);
        if (threads != null) {
            int n = config.getInt("threads", 0);
            if (n < 1) {
                throw new IllegalArgumentException(
                        "nd4j backend: threads must be >= 1, found " + n);
            }
            NativeLibrary.setThreads(n);
        }
        return new Nd4jBackend(new ArrayPool((long) mb << 20, MAX_POOLED_ARRAY));
    }
}
