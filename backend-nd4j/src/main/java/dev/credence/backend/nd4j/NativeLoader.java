package dev.credence.backend.nd4j;

/**
 * The step that loads ND4J's native CPU library. It is a seam: {@link Nd4jBackendProvider} runs
 * {@link NativeLibrary#load()} in production, and tests substitute a loader that fails the way a
 * missing or broken native library does.
 */
@FunctionalInterface
interface NativeLoader {
    /**
     * Loads the native library, throwing whatever the loading throws (typically an {@link
     * UnsatisfiedLinkError}, {@link NoClassDefFoundError} or {@link ExceptionInInitializerError}).
     */
    void load();
}
