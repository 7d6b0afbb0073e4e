package dev.credence.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.ScalarMath;
import dev.credence.api.backend.Shape;

/**
 * The primitives that DJL's PyTorch binding does not offer, computed on the host.
 *
 * <p>Digamma and trigamma use {@link ScalarMath}, the API's reference special functions, so they
 * agree with the reference backend exactly. Scatter-add needs PyTorch's {@code index_add}, which
 * DJL does not bind; it runs here as one pass over the source in index order (deterministic, and
 * exact with NaN and infinities, unlike a one-hot matrix product). On a GPU these three copy their
 * operands to the host and the result back.
 */
final class HostKernels {
    private HostKernels() {}

    static NDArray unary(NDManager m, Primitive op, NDArray x, Shape shape, DType dtype) {
        int n = shape.size();
        double[] v = Creation.toDoubles(x, dtype, n);
        for (int k = 0; k < n; k++) {
            v[k] = op == Primitive.DIGAMMA ? ScalarMath.digamma(v[k]) : ScalarMath.trigamma(v[k]);
        }
        return Creation.fromDoubles(m, v, shape, dtype);
    }

    /** Adds slice {@code t} of {@code src} into slice {@code indices[t]} of a zero array. */
    static NDArray scatterAdd(
            NDManager m,
            Shape out,
            int axis,
            NDArray indices,
            int count,
            NDArray src,
            DType dtype) {
        int[] idx = Creation.toInts(indices, DType.INT32, count);
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= out.dim(i);
        }
        int inner = out.size() == 0 ? 0 : out.size() / (outer * out.dim(axis));
        Rows rows = new Rows(idx, outer, out.dim(axis), inner);
        int srcSize = outer * count * inner;
        switch (dtype) {
            case FLOAT32 -> {
                float[] s = Creation.toFloats(src, dtype, srcSize);
                float[] r = new float[out.size()];
                rows.forEach(
                        (to, from) -> {
                            for (int j = 0; j < inner; j++) {
                                r[to + j] += s[from + j];
                            }
                        });
                return Creation.fromFloats(m, r, out);
            }
            case INT32 -> {
                int[] s = Creation.toInts(src, dtype, srcSize);
                int[] r = new int[out.size()];
                rows.forEach(
                        (to, from) -> {
                            for (int j = 0; j < inner; j++) {
                                r[to + j] += s[from + j];
                            }
                        });
                return Creation.fromInts(m, r, out, dtype);
            }
            default -> {
                double[] s = Creation.toDoubles(src, dtype, srcSize);
                double[] r = new double[out.size()];
                rows.forEach(
                        (to, from) -> {
                            for (int j = 0; j < inner; j++) {
                                r[to + j] += s[from + j];
                            }
                        });
                return Creation.fromDoubles(m, r, out, dtype);
            }
        }
    }

    /** The row pairs of a scatter-add: where each source row of {@code inner} elements goes. */
    private record Rows(int[] idx, int outer, int len, int inner) {
        interface RowAdd {
            void add(int to, int from);
        }

        void forEach(RowAdd add) {
            int count = idx.length;
            for (int o = 0; o < outer; o++) {
                for (int t = 0; t < count; t++) {
                    add.add((o * len + idx[t]) * inner, (o * count + t) * inner);
                }
            }
        }
    }
}
