package dev.credence.api.infer.diagnostics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Ranks from 1 to n, ties sharing the average of their ranks (R's {@code ties.method = "average"}).
 */
final class Ranks {
    private Ranks() {}

    static double[] average(double[] x) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }
}
