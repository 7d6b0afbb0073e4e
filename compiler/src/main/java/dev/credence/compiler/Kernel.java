package dev.credence.compiler;

/**
 * One compiled step of a {@link HostProgram}: reads its input slots of a frame and writes its
 * output slot (every element of it), or points its output slot at an input's array (an alias, for
 * reshapes and value-preserving casts).
 */
interface Kernel {
    /**
     * Runs the step.
     *
     * @param f the frame of the current run
     */
    void run(HostProgram.Frame f);
}
