package dev.credence.backend.jvm;

import dev.credence.api.backend.Shape;

/** Index arithmetic for broadcasting: strides of an input laid over an output shape. */
final class Strides {
    private Strides() {}

    /**
     * Strides of {@code in} seen through the broadcast shape {@code out}: 0 along axes where the
     * input has size 1 or is missing.
     */
    static int[] broadcast(Shape in, Shape out) {
        int r = out.rank();
        int[] s = new int[r];
        int[] is = in.strides();
        int off = r - in.rank();
        for (int k = 0; k < in.rank(); k++) {
            s[k + off] = in.dim(k) == 1 ? 0 : is[k];
        }
        return s;
    }

    /**
     * For every element of {@code out} in row-major order, the offset of the corresponding element
     * of an input with the given broadcast strides.
     */
    static int[] offsets(Shape out, int[] strides) {
        int n = out.size();
        int[] res = new int[n];
        int r = out.rank();
        if (r == 0) {
            return res;
        }
        int[] dims = out.dims();
        int[] idx = new int[r];
        int inner = dims[r - 1];
        int si = strides[r - 1];
        int base = 0;
        int k = 0;
        while (k < n) {
            for (int j = 0; j < inner; j++) {
                res[k++] = base + j * si;
            }
            int ax = r - 2;
            while (ax >= 0) {
                idx[ax]++;
                base += strides[ax];
                if (idx[ax] < dims[ax]) {
                    break;
                }
                base -= strides[ax] * dims[ax];
                idx[ax] = 0;
                ax--;
            }
            if (ax < 0) {
                break;
            }
        }
        return res;
    }
}
