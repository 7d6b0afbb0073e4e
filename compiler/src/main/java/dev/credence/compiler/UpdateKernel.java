package dev.credence.compiler;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.UpdateLoops;

/**
 * The optimizer primitives {@link Primitive#EMA} and {@link Primitive#RMS_STEP} as one step: the
 * API's loops ({@link UpdateLoops}), which the pure-Java backend runs too, over the frame's slots.
 *
 * @param op the primitive
 * @param attrs its attributes
 * @param in the input slots
 * @param y the result slot
 * @param n the number of elements
 */
record UpdateKernel(Primitive op, Attributes attrs, int[] in, int y, int n) implements Kernel {
    @Override
    public void run(HostProgram.Frame f) {
        double[][] s = f.s;
        if (op == Primitive.EMA) {
            Attributes.Decay d = (Attributes.Decay) attrs;
            UpdateLoops.ema(s[in[0]], s[in[1]], s[y], 0, n, d.decay(), d.squared());
        } else {
            UpdateLoops.rmsStep(s[in[0]], s[in[1]], s[in[2]], s[y], 0, n, s[in[3]][0], s[in[4]][0]);
        }
    }
}
