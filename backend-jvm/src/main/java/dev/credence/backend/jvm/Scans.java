package dev.credence.backend.jvm;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Primitive;

/**
 * Cumulative sums and products along one axis. The input is viewed as {@code [outer, len, inner]}
 * around the axis; each step along the axis updates {@code inner} running totals, so the inner loop
 * runs over contiguous memory. Totals are kept in double, also for FLOAT32.
 */
final class Scans {
    private Scans() {}

    static JvmBuffer apply(Primitive op, JvmBuffer x, Attributes.Scan s) {
        int[] dims = x.shape.dims();
        int axis = s.axis();
        int len = dims[axis];
        int inner = 1;
        for (int i = axis + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        int outer = len * inner == 0 ? 0 : x.shape.size() / (len * inner);
        boolean product = op == Primitive.CUMPROD;
        double[] out = new double[x.shape.size()];
        double[] acc = new double[inner];
        for (int o = 0; o < outer; o++) {
            java.util.Arrays.fill(acc, product ? 1 : 0);
            int base = o * len * inner;
            for (int step = 0; step < len; step++) {
                int row = base + (s.reverse() ? len - 1 - step : step) * inner;
                for (int j = 0; j < inner; j++) {
                    double v = x.get(row + j);
                    if (s.exclusive()) {
                        out[row + j] = acc[j];
                    }
                    acc[j] = product ? acc[j] * v : acc[j] + v;
                    if (!s.exclusive()) {
                        out[row + j] = acc[j];
                    }
                }
            }
        }
        if (x.d != null) {
            return JvmBuffer.ofD(x.shape, out);
        }
        float[] f = new float[out.length];
        for (int k = 0; k < f.length; k++) {
            f[k] = (float) out[k];
        }
        return JvmBuffer.ofF(x.shape, f);
    }
}
