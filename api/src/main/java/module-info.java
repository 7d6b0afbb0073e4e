/**
 * The stable Credence API: tensors, reverse-mode autodiff, random keys and the backend SPI.
 *
 * <p>This module depends on JDK modules only. Backends plug in through {@link
 * dev.credence.api.backend.BackendProvider}, inference algorithms through {@link
 * dev.credence.api.infer.InferenceProvider}, and a compiler of recorded programs (the {@code
 * credence-compiler} module) through {@link dev.credence.api.compile.ProgramCompiler}, all found by
 * {@link java.util.ServiceLoader}.
 */
module dev.credence.api {
    exports dev.credence.api.tensor;
    exports dev.credence.api.backend;
    exports dev.credence.api.autodiff;
    exports dev.credence.api.compile;
    exports dev.credence.api.random;
    exports dev.credence.api.nn;
    exports dev.credence.api.optim;
    exports dev.credence.api.infer.diagnostics;
    exports dev.credence.api.infer;
    exports dev.credence.api.dist;
    exports dev.credence.api.dist.constraint;
    exports dev.credence.api.dist.bijector;
    exports dev.credence.api.dist.kl;
    exports dev.credence.api.model;
    exports dev.credence.api.model.examples;

    uses dev.credence.api.backend.BackendProvider;
    uses dev.credence.api.infer.InferenceProvider;
    uses dev.credence.api.compile.ProgramCompiler;
}
