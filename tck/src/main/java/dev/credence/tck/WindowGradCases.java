package dev.credence.tck;

import dev.credence.api.backend.Attributes;
import dev.credence.api.tensor.Convolutions;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the gradient table (G1/G2) for the sliding-window primitives: convolutions with every
 * kind of geometry (the input-gradient rule changes form with stride, with padding beyond the
 * kernel's reach and with sizes the stride does not divide), and max and average pooling with
 * tiling and with overlapping, padded windows (the two forms of their rules).
 */
final class WindowGradCases {
    private WindowGradCases() {}

    static List<GradCase> cases() {
        List<GradCase> c = new ArrayList<>();
        conv(c, "CONV2D valid", new int[] {2, 2, 5, 4}, new int[] {3, 2, 3, 2}, 1, 1, 0, 0, 1, 1);
        conv(c, "CONV2D padded", new int[] {1, 2, 4, 4}, new int[] {2, 2, 3, 3}, 1, 1, 1, 1, 1, 1);
        conv(c, "CONV2D strided", new int[] {2, 1, 6, 7}, new int[] {2, 1, 3, 3}, 2, 3, 1, 0, 1, 1);
        conv(c, "CONV2D dilated", new int[] {1, 2, 7, 6}, new int[] {2, 2, 2, 3}, 1, 2, 2, 1, 3, 2);
        conv(c, "CONV2D 1x1 pad", new int[] {1, 2, 3, 4}, new int[] {3, 2, 1, 1}, 2, 1, 1, 1, 1, 1);
        pool(c, Attributes.Pool2d.tiles(2), new int[] {2, 2, 4, 5});
        pool(c, new Attributes.Pool2d(3, 3, 2, 2, 1, 1), new int[] {1, 2, 5, 6});
        pool(c, new Attributes.Pool2d(2, 3, 1, 2, 1, 1), new int[] {1, 1, 4, 5});
        return c;
    }

    private static void conv(
            List<GradCase> c,
            String name,
            int[] xs,
            int[] ks,
            int sh,
            int sw,
            int ph,
            int pw,
            int dh,
            int dw) {
        Attributes.Conv2d a = new Attributes.Conv2d(sh, sw, ph, pw, dh, dw);
        c.add(
                new GradCase(
                        name + " " + a,
                        new int[][] {xs, ks},
                        -1,
                        1,
                        x -> Convolutions.conv2d(x.get(0), x.get(1), a)));
    }

    private static void pool(List<GradCase> c, Attributes.Pool2d a, int[] xs) {
        c.add(
                new GradCase(
                        "MAX_POOL2D " + a,
                        new int[][] {xs},
                        -1,
                        1,
                        x -> Convolutions.maxPool2d(x.get(0), a)));
        c.add(
                new GradCase(
                        "AVG_POOL2D " + a,
                        new int[][] {xs},
                        -1,
                        1,
                        x -> Convolutions.avgPool2d(x.get(0), a)));
    }
}
