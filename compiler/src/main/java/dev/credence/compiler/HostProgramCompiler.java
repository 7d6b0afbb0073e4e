package dev.credence.compiler;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.compile.ProgramCompiler;
import dev.credence.api.tensor.Program;

/**
 * The {@link ProgramCompiler} this module provides to the api (named {@code host}): {@link
 * HostCompiler} behind the service interface. Nobody calls it directly; {@link
 * ProgramCompiler#installed()} finds it when this module is on the class or module path.
 */
public final class HostProgramCompiler implements ProgramCompiler {

    /** Creates the provider (called by {@link java.util.ServiceLoader}). */
    public HostProgramCompiler() {}

    @Override
    public String name() {
        return "host";
    }

    @Override
    public HostProgram compile(
            Program program, Backend backend, Shape[] inputShapes, DType[] inputTypes) {
        return HostCompiler.compile(program, backend, inputShapes, inputTypes);
    }
}
