package dev.credence.inference.vi;

import java.util.Arrays;
import java.util.List;

/**
 * Initial locations for automatic guides: the median of a few prior draws, element by element, on
 * the unconstrained space (NumPyro's {@code init_to_median}), robust to heavy-tailed priors where a
 * mean would not be.
 *
 * <p>For a site inside subsampling plates, each draw covers a random minibatch, so positions along
 * a plate axis are exchangeable: the median is taken over draws and over those axes together, and
 * broadcast to the plate's full size.
 */
final class MedianInit {
    private MedianInit() {}

    /**
     * Computes the initial values.
     *
     * @param draws flat draws, each of {@code shape}
     * @param shape the shape of one draw
     * @param pooled the axes pooled together (plate axes), empty for none
     * @param full the shape of the result: {@code shape} with pooled axes at their full size
     * @return the medians, flat in {@code full}'s row-major order; non-finite medians become 0
     */
    static double[] of(List<double[]> draws, int[] shape, int[] pooled, int[] full) {
        int[] reduced = shape.clone();
        for (int a : pooled) {
            reduced[a] = 1;
        }
        int size = product(shape);
        int groups = product(reduced);
        int per = draws.size() * (groups == 0 ? 0 : size / groups);
        double[][] values = new double[groups][per];
        int[] fill = new int[groups];
        for (double[] d : draws) {
            for (int e = 0; e < size; e++) {
                int g = reducedIndex(e, shape, reduced);
                values[g][fill[g]++] = d[e];
            }
        }
        double[] medians = new double[groups];
        for (int g = 0; g < groups; g++) {
            medians[g] = median(values[g]);
        }
        double[] out = new double[product(full)];
        for (int f = 0; f < out.length; f++) {
            out[f] = medians[reducedIndex(f, full, reduced)];
        }
        return out;
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return 0;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length;
        double x = m % 2 == 1 ? s[m / 2] : 0.5 * (s[m / 2 - 1] + s[m / 2]);
        return Double.isFinite(x) ? x : 0;
    }

    /** Maps a flat index of {@code shape} to the flat index of {@code reduced} (size-1 axes). */
    private static int reducedIndex(int flat, int[] shape, int[] reduced) {
        int out = 0;
        int rest = flat;
        int stride = product(shape);
        int rStride = product(reduced);
        for (int a = 0; a < shape.length; a++) {
            stride /= shape[a];
            rStride /= reduced[a];
            int i = rest / stride;
            rest %= stride;
            out += (reduced[a] == 1 ? 0 : i) * rStride;
        }
        return out;
    }

    private static int product(int[] dims) {
        int p = 1;
        for (int d : dims) {
            p *= d;
        }
        return p;
    }
}
