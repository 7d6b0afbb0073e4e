package dev.credence.backend.nd4j;

import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;

/**
 * {@code where} and broadcasting of floating arrays on the host: bulk copies of the operands into
 * Java (for {@code where}, in cache-sized pieces), a plain loop, bulk copies back. libnd4j's {@code
 * select} and {@code tile} operations compute every element's offsets from shape descriptors, which
 * on a training step's arrays (100,000 elements) measured 50 to 100 times slower than this; the
 * copies cost little beside that.
 */
final class HostSelect {
    private HostSelect() {}

    /**
     * {@code where(c, a, b)} when the condition has the result's shape and each branch has it or is
     * one element, for FLOAT32 and FLOAT64; null for any other case, which the caller computes
     * natively.
     */
    static Nd4jBuffer where(Allocator mem, Nd4jBuffer c, Nd4jBuffer a, Nd4jBuffer b, Shape out) {
        int n = out.size();
        int sa = stride(a, out);
        int sb = stride(b, out);
        if (!c.shape.equals(out) || sa < 0 || sb < 0 || !a.dtype.isFloating() || n == 0) {
            return null;
        }
        Nd4jBuffer r = mem.allocate(a.dtype, out);
        if (a.dtype == DType.FLOAT32) {
            floats(c, a, sa, b, sb, r, n);
        } else {
            doubles(c, a, sa, b, sb, r, n);
        }
        return r;
    }

    /** {@code where} over FLOAT32 in pieces; a branch of stride 0 is read once. */
    private static void floats(
            Nd4jBuffer c, Nd4jBuffer a, int sa, Nd4jBuffer b, int sb, Nd4jBuffer r, int n) {
        int p = Math.min(n, HostIo.PIECE);
        byte[] cv = HostScratch.bytes();
        float[] av = HostScratch.floats(0);
        float[] bv = HostScratch.floats(1);
        float[] rv = HostScratch.floats(2);
        HostIo.read(a.array, 0, av, 1);
        HostIo.read(b.array, 0, bv, 1);
        for (int from = 0; from < n; from += p) {
            int m = Math.min(p, n - from);
            HostIo.read(c.array, from, cv, m);
            if (sa != 0) {
                HostIo.read(a.array, from, av, m);
            }
            if (sb != 0) {
                HostIo.read(b.array, from, bv, m);
            }
            for (int k = 0; k < m; k++) {
                int mask = mask(cv[k]);
                int ab = Float.floatToRawIntBits(av[k * sa]);
                int bb = Float.floatToRawIntBits(bv[k * sb]);
                rv[k] = Float.intBitsToFloat((ab & mask) | (bb & ~mask));
            }
            HostIo.write(r.array, from, rv, m);
        }
    }

    /** {@code where} over FLOAT64 in pieces; a branch of stride 0 is read once. */
    private static void doubles(
            Nd4jBuffer c, Nd4jBuffer a, int sa, Nd4jBuffer b, int sb, Nd4jBuffer r, int n) {
        int p = Math.min(n, HostIo.PIECE);
        byte[] cv = HostScratch.bytes();
        double[] av = HostScratch.doubles(0);
        double[] bv = HostScratch.doubles(1);
        double[] rv = HostScratch.doubles(2);
        HostIo.read(a.array, 0, av, 1);
        HostIo.read(b.array, 0, bv, 1);
        for (int from = 0; from < n; from += p) {
            int m = Math.min(p, n - from);
            HostIo.read(c.array, from, cv, m);
            if (sa != 0) {
                HostIo.read(a.array, from, av, m);
            }
            if (sb != 0) {
                HostIo.read(b.array, from, bv, m);
            }
            for (int k = 0; k < m; k++) {
                long mask = mask(cv[k]);
                long ab = Double.doubleToRawLongBits(av[k * sa]);
                long bb = Double.doubleToRawLongBits(bv[k * sb]);
                rv[k] = Double.longBitsToDouble((ab & mask) | (bb & ~mask));
            }
            HostIo.write(r.array, from, rv, m);
        }
    }

    /**
     * All ones for a true condition byte, zeros for false, without a branch: a training step's
     * conditions (a ReLU's active units) are true and false at random, and a branch per element
     * mispredicted half the time (a 128 x 784 {@code where} took 500 us; the selection by bits
     * copies each element's bits exactly, NaN payloads included).
     */
    private static int mask(byte c) {
        return -((c | -c) >>> 31);
    }

    /** 1 if x has the output's shape, 0 if it has one element, -1 otherwise. */
    private static int stride(Nd4jBuffer x, Shape out) {
        return x.shape.equals(out) ? 1 : x.size() == 1 ? 0 : -1;
    }

    /** Broadcasts a FLOAT32 or FLOAT64 array to {@code out}; null for other dtypes. */
    static Nd4jBuffer broadcastTo(Allocator mem, Nd4jBuffer x, Shape out) {
        int n = out.size();
        if (!x.dtype.isFloating() || n == 0) {
            return null;
        }
        int[] offsets = offsets(x.shape, out);
        Nd4jBuffer r = mem.allocate(x.dtype, out);
        if (x.dtype == DType.FLOAT32) {
            float[] xv = HostIo.readFloats(x.array, x.size());
            float[] rv = new float[n];
            for (int k = 0; k < n; k++) {
                rv[k] = xv[offsets[k]];
            }
            HostIo.write(r.array, rv, n);
        } else {
            double[] xv = HostIo.readDoubles(x.array, x.size());
            double[] rv = new double[n];
            for (int k = 0; k < n; k++) {
                rv[k] = xv[offsets[k]];
            }
            HostIo.write(r.array, rv, n);
        }
        return r;
    }

    /** For each element of {@code out} in row-major order, the offset of its source in x. */
    private static int[] offsets(Shape in, Shape out) {
        int rank = out.rank();
        int[] dims = out.dims();
        int[] strides = new int[rank];
        int[] is = in.strides();
        int lead = rank - in.rank();
        for (int i = 0; i < in.rank(); i++) {
            strides[i + lead] = in.dim(i) == 1 ? 0 : is[i];
        }
        int n = out.size();
        int[] res = new int[n];
        int[] idx = new int[rank];
        int base = 0;
        for (int k = 0; k < n; k++) {
            res[k] = base;
            for (int ax = rank - 1; ax >= 0; ax--) {
                idx[ax]++;
                base += strides[ax];
                if (idx[ax] < dims[ax]) {
                    break;
                }
                base -= strides[ax] * dims[ax];
                idx[ax] = 0;
            }
        }
        return res;
    }
}
