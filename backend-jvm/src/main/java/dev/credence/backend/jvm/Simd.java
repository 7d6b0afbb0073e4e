package dev.credence.backend.jvm;

/**
 * Whether the vectorised kernels ({@link VectorMatMul}, {@link VectorElementwise}) can run: they
 * use the JDK's Vector API, which JDK 17 ships as the incubator module {@code
 * jdk.incubator.vector}, present only when the JVM was started with {@code --add-modules
 * jdk.incubator.vector} (the {@code credence} launcher and the build's tests do). Without it the
 * backend runs its plain loops, which the JIT vectorises less well, and gives the same results up
 * to rounding in matrix products.
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
