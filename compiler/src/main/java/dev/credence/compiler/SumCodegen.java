package dev.credence.compiler;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;

/**
 * The accumulating steps of {@link ScalarCodegen}: sums and maxima, cumulative sums and products,
 * and small matrix products, each a chain of additions (or products) in the order the kernels use,
 * so that the results are theirs bit for bit.
 */
final class SumCodegen {
    private final ScalarCodegen c;
    private final Graph g;
    private final ClassAssembler asm;

    SumCodegen(ScalarCodegen c, Graph g, ClassAssembler asm) {
        this.c = c;
        this.g = g;
        this.asm = asm;
    }

    /** Sum or max: each cell starts at 0 (or -infinity) and takes its inputs in row-major order. */
    void reduce(Graph.Node n, int x, Shape sx, int[] out) {
        boolean isMax = n.op == Primitive.MAX;
        int[] axes = ((Attributes.Reduce) n.attributes).axes();
        int[] cell;
        if (axes.length == 0) {
            for (int k = 0; k < out.length; k++) {
                out[k] = c.element(x, k);
            }
            return;
        } else if (axes.length == sx.rank()) {
            cell = new int[sx.size()];
        } else {
            int[] so = sx.reduce(axes, true).strides();
            for (int a : axes) {
                so[a] = 0;
            }
            cell = Offsets.of(sx, so, 0);
        }
        for (int cellIndex = 0; cellIndex < out.length; cellIndex++) {
            asm.pushDouble(isMax ? Double.NEGATIVE_INFINITY : 0);
            out[cellIndex] = c.fresh();
        }
        for (int k = 0; k < cell.length; k++) {
            int v = c.element(x, k);
            asm.dload(out[cell[k]]);
            asm.dload(v);
            if (isMax) {
                asm.invokeStatic(ScalarCodegen.SELF + "ScalarOps", "maxCombine", "(DD)D");
            } else {
                asm.arithmetic(ClassAssembler.DADD);
            }
            asm.dstore(out[cell[k]]);
        }
    }

    /** Cumulative sum or product along an axis, in the kernel's order. */
    void scan(Graph.Node n, int x, Shape sx, int[] out) {
        Attributes.Scan s = (Attributes.Scan) n.attributes;
        boolean product = n.op == Primitive.CUMPROD;
        int[] dims = sx.dims();
        int len = dims[s.axis()];
        int inner = 1;
        for (int i = s.axis() + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        int outer = len * inner == 0 ? 0 : sx.size() / (len * inner);
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                asm.pushDouble(product ? 1 : 0);
                int acc = c.fresh();
                for (int step = 0; step < len; step++) {
                    int at = o * len * inner + (s.reverse() ? len - 1 - step : step) * inner + j;
                    if (s.exclusive()) {
                        out[at] = acc;
                    }
                    asm.dload(acc);
                    asm.dload(c.element(x, at));
                    asm.arithmetic(product ? ClassAssembler.DMUL : ClassAssembler.DADD);
                    acc = c.fresh();
                    if (!s.exclusive()) {
                        out[at] = acc;
                    }
                }
            }
        }
    }

    /** Each entry of the product: 0, then {@code + a[i,p] * b[p,j]} for increasing p. */
    void matmul(Graph.Node n, int[] out) {
        Attributes.MatMul t = (Attributes.MatMul) n.attributes;
        Shape sa = g.node(n.in[0]).shape;
        Shape sb = g.node(n.in[1]).shape;
        int r = n.shape.rank();
        int m = n.shape.dim(r - 2);
        int cols = n.shape.dim(r - 1);
        int k = t.transposeA() ? sa.dim(sa.rank() - 2) : sa.dim(sa.rank() - 1);
        Shape batch = Shape.of(java.util.Arrays.copyOf(n.shape.dims(), r - 2));
        int[] offA = dev.credence.api.backend.HostLinearAlgebra.batchOffsets(sa, batch, m * k);
        int[] offB = dev.credence.api.backend.HostLinearAlgebra.batchOffsets(sb, batch, k * cols);
        int ar = t.transposeA() ? 1 : k;
        int ac = t.transposeA() ? m : 1;
        int bp = t.transposeB() ? 1 : cols;
        int bj = t.transposeB() ? k : 1;
        for (int b = 0; b < offA.length; b++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < cols; j++) {
                    asm.pushDouble(0);
                    int acc = c.fresh();
                    for (int p = 0; p < k; p++) {
                        int av = c.element(n.in[0], offA[b] + i * ar + p * ac);
                        int bv = c.element(n.in[1], offB[b] + p * bp + j * bj);
                        asm.dload(acc);
                        asm.dload(av);
                        asm.dload(bv);
                        asm.arithmetic(ClassAssembler.DMUL);
                        asm.arithmetic(ClassAssembler.DADD);
                        acc = c.fresh();
                    }
                    out[b * m * cols + i * cols + j] = acc;
                }
            }
        }
    }
}
