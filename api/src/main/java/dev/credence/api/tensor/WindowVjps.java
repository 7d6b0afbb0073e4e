package dev.credence.api.tensor;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Shape;
import java.util.List;

/**
 * The vector-Jacobian rules of the sliding-window primitives (CONV2D, MAX_POOL2D, AVG_POOL2D),
 * written with tensor operations so that they differentiate again.
 *
 * <h2>Convolution</h2>
 *
 * With {@code y = conv(x, w)} of stride {@code s}, padding {@code p} and dilation {@code d} (per
 * axis), and cotangent {@code g = ybar}:
 *
 * <ul>
 *   <li>{@code xbar} is the "transposed convolution" of {@code g}: insert {@code s - 1} zeros
 *       between the entries of {@code g}, then correlate with the kernel flipped in both spatial
 *       axes and with input and output channels swapped, padding {@code d (k - 1) - p} and the same
 *       dilation (Dumoulin and Visin 2016, section 4.6). Where that padding is negative the result
 *       is cropped instead. Rows of the padded input past the last window (when {@code s} does not
 *       divide the padded size) get no gradient: they are appended to the dilated cotangent as
 *       zeros, so the correlation's result spans the whole input.
 *   <li>{@code wbar[o, c, i, j] = sum over n, u, v of g[n, o, u, v] x[n, c, u s + i d - p, v s + j
 *       d - p]}: a convolution of the input, with batch and channel axes swapped, by the cotangent
 *       as kernel, with stride {@code d}, dilation {@code s} and padding {@code p}, cut to the
 *       kernel's size.
 * </ul>
 *
 * Both are CONV2D again, so second derivatives need no further rule.
 *
 * <h2>Pooling</h2>
 *
 * Max pooling sends each output's cotangent to the entries of its window that equal the maximum,
 * split equally between ties; average pooling spreads it evenly over the window. When the windows
 * tile the image (stride equal to the window, no padding) this is a reshape and a broadcast;
 * otherwise the windows are gathered from the flattened, padded image by an index table, and the
 * cotangent is scattered back through the same table (GATHER and SCATTER_ADD are each other's
 * adjoints).
 */
final class WindowVjps {
    private WindowVjps() {}

    static Tensor[] conv2d(Tensor g, Tensor x, Tensor w, Attributes.Conv2d a) {
        Tensor gx = x.isTracked() ? inputGrad(g, w, a, x.shape()) : null;
        Tensor gw = w.isTracked() ? kernelGrad(g, x, a, w.shape()) : null;
        return VjpRules.two(gx, gw);
    }

    private static Tensor inputGrad(Tensor g, Tensor w, Attributes.Conv2d a, Shape xs) {
        int reachH = a.dilationH() * (w.dim(2) - 1);
        int reachW = a.dilationW() * (w.dim(3) - 1);
        // Rows of the padded input past the last window get no gradient: append them to the
        // dilated cotangent as zeros, so that the correlation below spans the whole input.
        int restH = xs.dim(2) + 2 * a.padH() - ((g.dim(2) - 1) * a.strideH() + 1 + reachH);
        int restW = xs.dim(3) + 2 * a.padW() - ((g.dim(3) - 1) * a.strideW() + 1 + reachW);
        Tensor gz = padEnd(dilate(g, a.strideH(), a.strideW()), restH, restW);
        Tensor wf = flip(w).permute(1, 0, 2, 3);
        int ph = reachH - a.padH();
        int pw = reachW - a.padW();
        Attributes.Conv2d t =
                new Attributes.Conv2d(
                        1, 1, Math.max(ph, 0), Math.max(pw, 0), a.dilationH(), a.dilationW());
        return crop(Convolutions.conv2d(gz, wf, t), Math.max(-ph, 0), Math.max(-pw, 0));
    }

    private static Tensor kernelGrad(Tensor g, Tensor x, Attributes.Conv2d a, Shape ws) {
        Attributes.Conv2d t =
                new Attributes.Conv2d(
                        a.dilationH(), a.dilationW(), a.padH(), a.padW(), a.strideH(), a.strideW());
        Tensor r = Convolutions.conv2d(x.permute(1, 0, 2, 3), g.permute(1, 0, 2, 3), t);
        if (r.dim(2) != ws.dim(2) || r.dim(3) != ws.dim(3)) {
            r = r.slice(new int[4], new int[] {r.dim(0), r.dim(1), ws.dim(2), ws.dim(3)});
        }
        return r.permute(1, 0, 2, 3);
    }

    static Tensor maxPool(Tensor g, Tensor x, Tensor y, Attributes.Pool2d a) {
        int n = x.dim(0);
        int c = x.dim(1);
        int ho = y.dim(2);
        int wo = y.dim(3);
        int kh = a.kernelH();
        int kw = a.kernelW();
        if (tiles(a)) {
            Tensor xt =
                    x.detach()
                            .slice(new int[4], new int[] {n, c, ho * kh, wo * kw})
                            .reshape(n, c, ho, kh, wo, kw);
            Tensor mask = xt.eq(y.detach().reshape(n, c, ho, 1, wo, 1)).cast(g.dtype());
            Tensor share = mask.div(mask.sum(true, 3, 5).maximum(g.scalarLike(1)));
            Tensor dx = g.reshape(n, c, ho, 1, wo, 1).mul(share).reshape(n, c, ho * kh, wo * kw);
            return padEnd(dx, x.dim(2) - ho * kh, x.dim(3) - wo * kw);
        }
        Windows win = Windows.of(x, a, ho, wo);
        Tensor padded = pad(x.detach(), a.padH(), a.padW(), Double.NaN);
        Tensor values = win.gather(padded).reshape(n, c, ho, wo, kh * kw);
        Tensor mask = values.eq(y.detach().reshape(n, c, ho, wo, 1)).cast(g.dtype());
        Tensor share = mask.div(mask.sum(true, 4).maximum(g.scalarLike(1)));
        Tensor contrib = g.reshape(n, c, ho, wo, 1).mul(share);
        return crop(win.scatter(contrib), a.padH(), a.padW());
    }

    static Tensor avgPool(Tensor g, Tensor x, Attributes.Pool2d a) {
        int n = x.dim(0);
        int c = x.dim(1);
        int ho = g.dim(2);
        int wo = g.dim(3);
        int kh = a.kernelH();
        int kw = a.kernelW();
        Tensor each = g.div(kh * kw);
        if (tiles(a)) {
            Tensor dx =
                    each.reshape(n, c, ho, 1, wo, 1)
                            .broadcastTo(n, c, ho, kh, wo, kw)
                            .reshape(n, c, ho * kh, wo * kw);
            return padEnd(dx, x.dim(2) - ho * kh, x.dim(3) - wo * kw);
        }
        Windows win = Windows.of(x, a, ho, wo);
        Tensor contrib = each.reshape(n, c, ho, wo, 1).broadcastTo(n, c, ho, wo, kh * kw);
        return crop(win.scatter(contrib), a.padH(), a.padW());
    }

    private static boolean tiles(Attributes.Pool2d a) {
        return a.strideH() == a.kernelH()
                && a.strideW() == a.kernelW()
                && a.padH() == 0
                && a.padW() == 0;
    }

    /**
     * The pooling windows of a padded image as an index table into its flattened spatial axes:
     * entry {@code ((i Wo + j) kh + u) kw + v} is the position of cell {@code (i sh + u, j sw +
     * v)}.
     */
    private record Windows(Tensor index, int n, int c, int hp, int wp) {
        static Windows of(Tensor x, Attributes.Pool2d a, int ho, int wo) {
            int hp = x.dim(2) + 2 * a.padH();
            int wp = x.dim(3) + 2 * a.padW();
            int kh = a.kernelH();
            int kw = a.kernelW();
            int[] idx = new int[ho * wo * kh * kw];
            int k = 0;
            for (int i = 0; i < ho; i++) {
                for (int j = 0; j < wo; j++) {
                    for (int u = 0; u < kh; u++) {
                        for (int v = 0; v < kw; v++) {
                            idx[k++] = (i * a.strideH() + u) * wp + j * a.strideW() + v;
                        }
                    }
                }
            }
            Tensor t = Tensor.ofInts(x.backend(), idx, idx.length);
            return new Windows(t, x.dim(0), x.dim(1), hp, wp);
        }

        /** The padded image's windows, {@code [N, C, Ho Wo kh kw]}. */
        Tensor gather(Tensor padded) {
            return padded.reshape(n, c, hp * wp).gather(2, index);
        }

        /** Adds per-window values {@code [N, C, Ho, Wo, kh kw]} back into a padded image. */
        Tensor scatter(Tensor perWindow) {
            Tensor flat = perWindow.reshape(n, c, index.dim(0));
            return Indexing.scatterAdd(flat, 2, index, n, c, hp * wp).reshape(n, c, hp, wp);
        }
    }

    /** Inserts {@code s - 1} zeros between neighbouring entries of the spatial axes. */
    private static Tensor dilate(Tensor g, int sh, int sw) {
        if (sh == 1 && sw == 1) {
            return g;
        }
        int n = g.dim(0);
        int c = g.dim(1);
        int h = g.dim(2);
        int w = g.dim(3);
        Tensor t = g.reshape(n, c, h, 1, w, 1);
        if (sh > 1) {
            t = Indexing.concat(List.of(t, zeros(g, n, c, h, sh - 1, w, 1)), 3);
        }
        if (sw > 1) {
            t = Indexing.concat(List.of(t, zeros(g, n, c, h, sh, w, sw - 1)), 5);
        }
        return t.reshape(n, c, h * sh, w * sw)
                .slice(new int[4], new int[] {n, c, (h - 1) * sh + 1, (w - 1) * sw + 1});
    }

    /** Reverses the two spatial axes of kernels {@code [O, C, kh, kw]}. */
    private static Tensor flip(Tensor w) {
        Tensor r = w;
        for (int axis = 2; axis < 4; axis++) {
            int k = w.dim(axis);
            if (k > 1) {
                int[] rev = new int[k];
                for (int i = 0; i < k; i++) {
                    rev[i] = k - 1 - i;
                }
                r = r.gather(axis, Tensor.ofInts(w.backend(), rev, k));
            }
        }
        return r;
    }

    /** Removes {@code ch} rows and {@code cw} columns from each side. */
    private static Tensor crop(Tensor t, int ch, int cw) {
        if (ch == 0 && cw == 0) {
            return t;
        }
        return t.slice(
                new int[] {0, 0, ch, cw},
                new int[] {t.dim(0), t.dim(1), t.dim(2) - ch, t.dim(3) - cw});
    }

    /** Appends {@code rh} zero rows and {@code rw} zero columns. */
    private static Tensor padEnd(Tensor t, int rh, int rw) {
        Tensor r = t;
        if (rh > 0) {
            r = Indexing.concat(List.of(r, zeros(r, r.dim(0), r.dim(1), rh, r.dim(3))), 2);
        }
        if (rw > 0) {
            r = Indexing.concat(List.of(r, zeros(r, r.dim(0), r.dim(1), r.dim(2), rw)), 3);
        }
        return r;
    }

    /** Surrounds the spatial axes with {@code ph} rows and {@code pw} columns of a value. */
    private static Tensor pad(Tensor t, int ph, int pw, double value) {
        Backend b = t.backend();
        Tensor r = t;
        if (ph > 0) {
            Tensor band = Tensor.full(b, value, t.dtype(), r.dim(0), r.dim(1), ph, r.dim(3));
            r = Indexing.concat(List.of(band, r, band), 2);
        }
        if (pw > 0) {
            Tensor band = Tensor.full(b, value, t.dtype(), r.dim(0), r.dim(1), r.dim(2), pw);
            r = Indexing.concat(List.of(band, r, band), 3);
        }
        return r;
    }

    private static Tensor zeros(Tensor like, int... dims) {
        return Tensor.zeros(like.backend(), like.dtype(), dims);
    }
}
