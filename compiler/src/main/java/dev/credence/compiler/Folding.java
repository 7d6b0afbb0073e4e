package dev.credence.compiler;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * Computes a step whose inputs are all constants, once, at compile time, with the kernel the step
 * would run ({@link HostCompiler#kernel}), so a folded constant is exactly the value a run would
 * have produced.
 */
final class Folding {
    private Folding() {}

    /** The values of {@code op} applied to the constant nodes {@code ids} of {@code g}. */
    static double[] fold(Primitive op, Attributes a, int[] ids, Graph g, Shape shape, DType dt) {
        int k = ids.length;
        Shape[] shapes = new Shape[k + 1];
        DType[] types = new DType[k + 1];
        double[][] s = new double[k + 1][];
        int[] in = new int[k];
        for (int i = 0; i < k; i++) {
            Graph.Node n = g.node(ids[i]);
            shapes[i] = n.shape;
            types[i] = n.dtype;
            s[i] = n.constant;
            in[i] = i;
        }
        shapes[k] = shape;
        types[k] = dt;
        s[k] = new double[shape.size()];
        Kernel kernel = KernelChoice.kernel(op, a, in, k, shape, dt, shapes, types);
        HostProgram.Frame f = new HostProgram.Frame(s, new HostProgram.Frame[0], null);
        kernel.run(f);
        return f.s[k] == s[k] ? s[k] : f.s[k].clone();
    }
}
