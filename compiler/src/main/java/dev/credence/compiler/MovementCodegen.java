package dev.credence.compiler;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;

/**
 * The movement steps of {@link ScalarCodegen}: reshapes, permutations, broadcasts, slices,
 * concatenations and gathers are renamings of locals (no code), scatter-adds and one-hot encodings
 * additions and constants, casts a conversion where they change values.
 */
final class MovementCodegen {
    private final ScalarCodegen c;
    private final Graph g;
    private final ClassAssembler asm;

    MovementCodegen(ScalarCodegen c, Graph g, ClassAssembler asm) {
        this.c = c;
        this.g = g;
        this.asm = asm;
    }

    void movement(Graph.Node n, int x, Shape sx, int[] out) {
        int size = out.length;
        switch (n.op) {
            case RESHAPE -> {
                for (int k = 0; k < size; k++) {
                    out[k] = c.element(x, k);
                }
            }
            case PERMUTE, BROADCAST_TO, SLICE -> {
                int[] off = offsets(n, sx);
                for (int k = 0; k < size; k++) {
                    out[k] = c.element(x, off[k]);
                }
            }
            case CONCAT -> {
                int axis = ((Attributes.Axis) n.attributes).axis();
                int outer = 1;
                for (int i = 0; i < axis; i++) {
                    outer *= n.shape.dim(i);
                }
                int at = 0;
                int total = outer == 0 ? 0 : size / outer;
                for (int id : n.in) {
                    int len = outer == 0 ? 0 : g.node(id).shape.size() / outer;
                    for (int o = 0; o < outer; o++) {
                        for (int j = 0; j < len; j++) {
                            out[o * total + at + j] = c.element(id, o * len + j);
                        }
                    }
                    at += len;
                }
            }
            case GATHER -> {
                int axis = ((Attributes.Axis) n.attributes).axis();
                int[] d = sx.dims();
                int len = d[axis];
                int inner = product(d, axis + 1, d.length);
                double[] idx = g.node(n.in[1]).constant;
                int mIdx = idx.length;
                for (int o = 0; o < product(d, 0, axis); o++) {
                    for (int t = 0; t < mIdx; t++) {
                        for (int j = 0; j < inner; j++) {
                            out[(o * mIdx + t) * inner + j] =
                                    c.element(x, (o * len + (int) idx[t]) * inner + j);
                        }
                    }
                }
            }
            case SCATTER_ADD -> {
                int axis = ((Attributes.Axis) n.attributes).axis();
                int[] d = n.shape.dims();
                int len = d[axis];
                int inner = product(d, axis + 1, d.length);
                double[] idx = g.node(n.in[0]).constant;
                for (int k = 0; k < size; k++) {
                    asm.pushDouble(0);
                    out[k] = c.fresh();
                }
                for (int o = 0; o < product(d, 0, axis); o++) {
                    for (int t = 0; t < idx.length; t++) {
                        for (int j = 0; j < inner; j++) {
                            int to = (o * len + (int) idx[t]) * inner + j;
                            asm.dload(out[to]);
                            asm.dload(c.element(n.in[1], (o * idx.length + t) * inner + j));
                            asm.arithmetic(ClassAssembler.DADD);
                            asm.dstore(out[to]);
                        }
                    }
                }
            }
            case ONE_HOT -> {
                double[] idx = g.node(x).constant;
                int depth = n.shape.dim(-1);
                for (int k = 0; k < size; k++) {
                    int t = k / depth;
                    asm.pushDouble((int) idx[t] == k % depth ? 1 : 0);
                    out[k] = c.fresh();
                }
            }
            case CAST -> {
                for (int k = 0; k < size; k++) {
                    castElement(n, x, k, k, out);
                }
            }
            default -> throw new IllegalStateException(n.op + " is not movement");
        }
    }

    /** Casts element {@code k} of {@code x} into {@code out[at]}. */
    void castElement(Graph.Node n, int x, int k, int at, int[] out) {
        DType from = g.node(x).dtype;
        boolean keeps =
                n.dtype == DType.FLOAT64
                        || (n.dtype == DType.INT32 && from == DType.BOOL)
                        || from == n.dtype;
        if (keeps) {
            out[at] = c.element(x, k);
            return;
        }
        asm.dload(c.element(x, k));
        if (n.dtype == DType.INT32) {
            asm.toIntAndBack();
        } else {
            asm.invokeStatic(ScalarCodegen.SELF + "ScalarOps", "toBool", "(D)D");
        }
        out[at] = c.fresh();
    }

    private int[] offsets(Graph.Node n, Shape sx) {
        return switch (n.op) {
            case BROADCAST_TO -> Offsets.broadcast(sx, n.shape);
            case PERMUTE -> {
                int[] order = ((Attributes.Permutation) n.attributes).order();
                int[] strides = sx.strides();
                int[] s = new int[order.length];
                for (int i = 0; i < order.length; i++) {
                    s[i] = strides[order[i]];
                }
                yield Offsets.of(n.shape, s, 0);
            }
            default -> {
                int[] begin = ((Attributes.Range) n.attributes).begin();
                int[] strides = sx.strides();
                int base = 0;
                for (int i = 0; i < begin.length; i++) {
                    base += begin[i] * strides[i];
                }
                yield Offsets.of(n.shape, strides, base);
            }
        };
    }

    private static int product(int[] d, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= d[i];
        }
        return p;
    }
}
