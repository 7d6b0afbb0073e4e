package dev.credence.api.backend;

import java.nio.ByteBuffer;

/**
 * {@link Primitive#GATHER} as bulk copies of whole slices, for backends whose arrays live in host
 * memory: one copy per selected slice instead of an offset computed for every element, which is how
 * engines' general indexing kernels work (selecting a minibatch of 128 rows from a [60000, 784]
 * data set took libtorch and libnd4j about 250 us, and 120 us this way, most of it the rows' trips
 * from memory). The backend supplies the copy of one slice, so arrays past the 2 GiB of a {@link
 * ByteBuffer} work where its engine can copy them.
 *
 * <pre>{@code
 * // x [outer, dim, inner...] dense and row-major; out [outer, count, inner...]
 * SliceCopies.gather(indices, outer, dim, innerSize * dtype.byteSize(), SliceCopies.between(src, dst));
 * }</pre>
 */
public final class SliceCopies {
    private SliceCopies() {}

    /**
     * Copies {@code bytes} bytes from byte {@code from} of the source to byte {@code to} of the
     * result.
     */
    @FunctionalInterface
    public interface Copy {
        /**
         * Copies one slice.
         *
         * @param to the first byte written in the result
         * @param from the first byte read in the source
         * @param bytes how many bytes
         */
        void copy(long to, long from, long bytes);
    }

    /**
     * Copies slice {@code indices[t]} of each outer block of the source to slice {@code t} of the
     * same block of the result.
     *
     * @param indices indices in {@code [0, dim)}, checked by the API
     * @param outer the product of the dimensions before the gathered axis
     * @param dim the length of the gathered axis
     * @param sliceBytes the bytes of one slice (the product of the dimensions after the axis, times
     *     the element size)
     * @param copy copies one slice from the source to the result, both dense and row-major
     */
    public static void gather(int[] indices, int outer, int dim, long sliceBytes, Copy copy) {
        int count = indices.length;
        for (int o = 0; o < outer; o++) {
            for (int t = 0; t < count; t++) {
                copy.copy(
                        ((long) o * count + t) * sliceBytes,
                        ((long) o * dim + indices[t]) * sliceBytes,
                        sliceBytes);
            }
        }
    }

    /**
     * The copy between two buffers of under 2 GiB each.
     *
     * @param src the source's bytes
     * @param dst the result's bytes
     * @return the copy
     */
    public static Copy between(ByteBuffer src, ByteBuffer dst) {
        return (to, from, bytes) ->
                dst.put(Math.toIntExact(to), src, Math.toIntExact(from), Math.toIntExact(bytes));
    }
}
