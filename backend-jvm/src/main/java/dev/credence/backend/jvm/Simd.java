package dev.credence.backend.jvm;

/**
 * Whether the vectorised matrix product ({@link VectorMatMul}) can run: it uses the JDK's Vector
 * API, which JDK 17 ships as the incubator module {@code jdk.incubator.vector}, present only when
 * the JVM was started with {@code --add-modules jdk.incubator.vector} (the build's tests and the
 * {@code bench/} scripts do; for the {@code credence} command, pass it in {@code
 * CREDENCE_JAVA_OPTS}). The JVM then prints a one-line incubator warning on standard error, which
 * is why the command does not add it by itself. Without it the backend runs its plain loops, which
 * the JIT vectorises less well, and gives the same results bit for bit.
 *
 * <p>{@code -Dcredence.jvm.vector=false} turns the vectorised kernels off even when the module is
 * present, to compare the two.
 */
final class Simd {
    private Simd() {}

    /** True when the Vector API is present and not switched off. */
    static final boolean AVAILABLE =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                    && !"false".equals(System.getProperty("credence.jvm.vector"));
}
