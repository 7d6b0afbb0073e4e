/**
 * The service interface for compilers of recorded programs: a {@link
 * dev.credence.api.compile.ProgramCompiler} turns a {@link dev.credence.api.tensor.Program} into a
 * {@link dev.credence.api.compile.CompiledProgram} that runs over plain {@code double[]} arrays.
 *
 * <p>The compiler itself is not part of the api: the {@code credence-compiler} module ({@code
 * dev.credence.compiler}) provides one, found with {@link java.util.ServiceLoader} through {@link
 * dev.credence.api.compile.ProgramCompiler#installed()}. {@code
 * dev.credence.api.model.CompiledPotential} uses it for HMC potentials on CPU backends and checks
 * every compiled program against direct evaluation before using it; without a compiler installed,
 * or with the system property {@code credence.hostCompile=false}, recorded programs are replayed on
 * the backend.
 */
package dev.credence.api.compile;
