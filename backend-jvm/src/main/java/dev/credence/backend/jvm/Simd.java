package dev.credence.backend.jvm;

/**
 * Whether the vectorised kernels ({@link VectorMatMul}, {@link VectorUnary}) can run: they use the
 * JDK's Vector API, which JDK 17 ships as the incubator module {@code jdk.incubator.vector},
 * present only when the JVM was started with {@code --add-modules jdk.incubator.vector} (the
 * build's tests, the {@code bench/} scripts and the {@code credence} command's training commands
 * do; for its other commands, pass it in {@code CREDENCE_JAVA_OPTS}). The JVM then prints a
 * one-line incubator warning on standard error, which is why the short commands go without it.
 * Without it the backend runs its plain loops, which the JIT vectorises less well, to the same
 * results bit for bit: {@link MatMul}'s blocked product and {@link
 * dev.credence.api.backend.FloatMath}'s functions are the scalar twins of the vector kernels, so a
 * run may stop under one setting and resume under the other.
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
