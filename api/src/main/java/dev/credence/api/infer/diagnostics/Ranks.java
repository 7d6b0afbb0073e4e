package dev.credence.api.infer.diagnostics;

import java.util.Arrays;

/**
 * Ranks from 1 to n, ties sharing the average of their ranks (R's {@code ties.method = "average"}).
 * Values equal under {@code ==} tie (so {@code -0.0} and {@code 0.0} do); NaNs rank last, in the
 * order they appear.
 *
 * <p>The values are sorted once as primitives and each value's group of ties is found by binary
 * search, so ranking the draws of a fit costs milliseconds even before the JIT has compiled it.
 */
final class Ranks {
    private Ranks() {}

    static double[] average(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        return average(x, sorted);
    }

    /**
     * Average ranks of {@code x}, given its values sorted ascending (NaNs last, as Arrays.sort).
     */
    static double[] average(double[] x, double[] sorted) {
        int n = x.length;
        int finite = n;
        while (finite > 0 && Double.isNaN(sorted[finite - 1])) {
            finite--;
        }
        double[] r = new double[n];
        int nan = finite;
        for (int i = 0; i < n; i++) {
            double v = x[i];
            if (Double.isNaN(v)) {
                r[i] = ++nan;
                continue;
            }
            int lo = firstNotBelow(sorted, finite, v);
            int hi = firstAbove(sorted, finite, v);
            r[i] = (lo + hi - 1) / 2.0 + 1;
        }
        return r;
    }

    /** The first index in {@code s[0, n)} whose value is not below {@code v}. */
    private static int firstNotBelow(double[] s, int n, double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index in {@code s[0, n)} whose value is above {@code v}. */
    private static int firstAbove(double[] s, int n, double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
