package dev.credence.api.compile;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Program;
import java.util.Optional;

/**
 * A compiler of recorded {@link Program}s for the host, plugged in with {@link
 * java.util.ServiceLoader}: it turns a program (a model's value and gradient, say) into a {@link
 * CompiledProgram} that runs over plain {@code double[]} arrays, without backend dispatch.
 *
 * <p>The api ships no compiler; the {@code credence-compiler} module provides one, and {@code
 * dev.credence.api.model.CompiledPotential} uses it when it is on the class or module path. Without
 * one, recorded programs are replayed on their backend instead, which gives the same values, only
 * more slowly for small models.
 *
 * <pre>{@code
 * Optional<ProgramCompiler> c = ProgramCompiler.installed();
 * if (c.isPresent()) {
 *     CompiledProgram cp = c.get().compile(program, backend,
 *             new Shape[] {Shape.of(d)}, new DType[] {DType.FLOAT64});
 *     CompiledProgram.Frame f = cp.newFrame();     // one per thread
 *     cp.run(f, q);
 *     double value = cp.output(f, 0)[0];
 * }
 * }</pre>
 *
 * <p>An implementation must be stateless or thread-safe, have a public no-argument constructor (for
 * {@code META-INF/services} on the class path) and be listed with {@code provides} in its module
 * descriptor.
 */
public interface ProgramCompiler {

    /**
     * Returns a short name for messages, such as {@code "host"}.
     *
     * @return the name
     */
    String name();

    /**
     * Compiles a program. The caller checks the compiled program against direct evaluation before
     * trusting it; a compiler refuses what it cannot compile rather than approximating it.
     *
     * @param program the recorded program (it must be replayable)
     * @param backend the backend that owns the program's constants (read once, here)
     * @param inputShapes the shape of each input, in {@link Program#inputSlots()} order
     * @param inputTypes the dtype of each input
     * @return the compiled program
     * @throws UnsupportedOperationException with the reason, if the program cannot be compiled
     */
    CompiledProgram compile(
            Program program, Backend backend, Shape[] inputShapes, DType[] inputTypes);

    /**
     * Returns the compiler found with {@link java.util.ServiceLoader}, looked up on first use and
     * then cached; empty if none is installed. When several are installed the first one found is
     * used.
     *
     * @return the installed compiler, if any
     */
    static Optional<ProgramCompiler> installed() {
        return InstalledCompiler.FOUND;
    }
}
