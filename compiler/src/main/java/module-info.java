/**
 * The host compiler of recorded programs: turns a {@link dev.credence.api.tensor.Program} into
 * kernels over plain {@code double[]} arrays and generated JVM bytecode, and provides it to the api
 * as its {@link dev.credence.api.compile.ProgramCompiler}. Being on the path is enough: nothing
 * needs to require this module.
 */
module dev.credence.compiler {
    requires transitive dev.credence.api;

    exports dev.credence.compiler;

    provides dev.credence.api.compile.ProgramCompiler with
            dev.credence.compiler.HostProgramCompiler;
}
