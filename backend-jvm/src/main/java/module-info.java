/**
 * The pure-Java backend ({@code jvm}): every primitive over Java arrays, exact and fast, with a
 * blocked multi-threaded matrix product. It is the reference the conformance kit checks other
 * backends against, and the default when no backend is named.
 */
module dev.credence.backend.jvm {
    requires dev.credence.api;
    // The Vector API (an incubator module on JDK 17): used when the JVM has it, see Simd.
    requires static jdk.incubator.vector;

    provides dev.credence.api.backend.BackendProvider with
            dev.credence.backend.jvm.JvmBackendProvider;
}
