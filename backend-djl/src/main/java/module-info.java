/**
 * PyTorch kernels through the Deep Java Library (DJL): the {@code djl} backend on the CPU and the
 * {@code djl-gpu} backend on a CUDA GPU.
 *
 * <p>Only DJL's API jar is a module here ({@code ai.djl.api}, automatic). The PyTorch engine, its
 * JNI glue and the libtorch native jar stay on the class path, where DJL finds the engine with its
 * own {@link java.util.ServiceLoader}; the native jar's derived module name is not a legal Java
 * identifier, so it cannot be a module at all.
 */
module dev.credence.backend.djl {
    requires ai.djl.api;
    requires transitive dev.credence.api;

    exports dev.credence.backend.djl;

    provides dev.credence.api.backend.BackendProvider with
            dev.credence.backend.djl.DjlCpuProvider,
            dev.credence.backend.djl.DjlGpuProvider;
}
