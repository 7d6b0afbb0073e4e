package dev.credence.api.compile;

/**
 * A recorded {@link dev.credence.api.tensor.Program} compiled for the host by a {@link
 * ProgramCompiler}: it runs over plain {@code double[]} arrays, with no backend calls and no
 * allocation per run.
 *
 * <p>A compiled program is immutable and may be shared by threads; each thread runs it in a {@link
 * Frame} of its own (its working memory), made once and reused:
 *
 * <pre>{@code
 * CompiledProgram.Frame frame = program.newFrame();  // one per thread
 * program.run(frame, q);                             // inputs are read, never written
 * double value = program.output(frame, 0)[0];        // valid until the next run in this frame
 * }</pre>
 */
public interface CompiledProgram {

    /**
     * The working memory of one thread for one compiled program. Its contents belong to the
     * compiler; pass a frame only to the program that made it.
     */
    interface Frame {}

    /**
     * Makes the working memory for one thread.
     *
     * @return a new frame
     */
    Frame newFrame();

    /**
     * Runs the program on inputs of the compiled sizes, all values held as doubles (integers and
     * booleans exactly).
     *
     * @param frame a frame made by this program's {@link #newFrame()}, used by one thread at a time
     * @param inputs the inputs, row-major; read, never written, and not kept after the run
     * @throws IllegalArgumentException if the number or sizes of the inputs differ from the
     *     compiled ones
     */
    void run(Frame frame, double[]... inputs);

    /**
     * Returns an output of the last run in a frame: the frame's own array, valid until the frame's
     * next run.
     *
     * @param frame the frame
     * @param i the output's index
     * @return the values, row-major
     */
    double[] output(Frame frame, int i);

    /**
     * Describes what the compiler made of the program, one line per kernel, for diagnostics.
     *
     * @return the description
     */
    String describe();
}
