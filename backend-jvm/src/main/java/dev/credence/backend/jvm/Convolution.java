package dev.credence.backend.jvm;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Two-dimensional convolution as im2col and a matrix product: for each image, the receptive field
 * of every output position is copied into a column of a {@code [C kh kw, Ho Wo]} matrix (zeros
 * where the window hangs over the padding), and the kernels, read as a {@code [O, C kh kw]} matrix,
 * multiply it with the backend's {@link MatMul} kernel. The images of a batch are split across the
 * backend's threads, each with its own column buffer; a batch of one image lets the product itself
 * use the threads instead.
 */
final class Convolution {
    private Convolution() {}

    /** The geometry of one convolution. */
    private record Geometry(
            int c, int h, int w, int kh, int kw, int ho, int wo, Attributes.Conv2d a) {
        int rows() {
            return c * kh * kw;
        }

        int positions() {
            return ho * wo;
        }
    }

    static JvmBuffer conv2d(
            JvmBuffer x,
            JvmBuffer w,
            Attributes.Conv2d a,
            Shape out,
            ExecutorService pool,
            int threads) {
        int n = x.shape.dim(0);
        int o = w.shape.dim(0);
        Geometry g =
                new Geometry(
                        x.shape.dim(1),
                        x.shape.dim(2),
                        x.shape.dim(3),
                        w.shape.dim(2),
                        w.shape.dim(3),
                        out.dim(2),
                        out.dim(3),
                        a);
        JvmBuffer r = JvmBuffer.alloc(out, x.dtype);
        if (out.size() == 0) {
            return r;
        }
        JvmBuffer kernels = w.withShape(Shape.of(o, g.rows()));
        long work = (long) out.size() * g.rows();
        int parts = pool == null || work < MatMul.SMALL ? 1 : Math.min(threads, n);
        if (parts <= 1) {
            images(x, kernels, g, r, 0, n, pool, pool == null ? 1 : threads);
            return r;
        }
        List<Future<?>> fs = new ArrayList<>(parts - 1);
        int chunk = (n + parts - 1) / parts;
        for (int p = 1; p < parts; p++) {
            int lo = p * chunk;
            int hi = Math.min(n, lo + chunk);
            if (lo < hi) {
                fs.add(pool.submit(() -> images(x, kernels, g, r, lo, hi, null, 1)));
            }
        }
        images(x, kernels, g, r, 0, Math.min(n, chunk), null, 1);
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("conv2d interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("conv2d worker failed", e.getCause());
            }
        }
        return r;
    }

    /** Convolves images {@code [lo, hi)}, reusing one column buffer. */
    private static void images(
            JvmBuffer x,
            JvmBuffer kernels,
            Geometry g,
            JvmBuffer r,
            int lo,
            int hi,
            ExecutorService pool,
            int threads) {
        Shape colShape = Shape.of(g.rows(), g.positions());
        Shape prodShape = Shape.of(kernels.shape.dim(0), g.positions());
        int block = prodShape.size();
        int image = g.c() * g.h() * g.w();
        JvmBuffer cols = JvmBuffer.alloc(colShape, x.dtype);
        for (int i = lo; i < hi; i++) {
            if (x.d != null) {
                im2colD(x.d, i * image, g, cols.d);
            } else {
                im2colF(x.f, i * image, g, cols.f);
            }
            JvmBuffer prod = MatMul.apply(kernels, cols, false, false, prodShape, pool, threads);
            if (x.d != null) {
                System.arraycopy(prod.d, 0, r.d, i * block, block);
            } else {
                System.arraycopy(prod.f, 0, r.f, i * block, block);
            }
        }
    }

    private static void im2colD(double[] x, int off, Geometry g, double[] cols) {
        Attributes.Conv2d a = g.a();
        int row = 0;
        for (int c = 0; c < g.c(); c++) {
            int plane = off + c * g.h() * g.w();
            for (int p = 0; p < g.kh(); p++) {
                for (int q = 0; q < g.kw(); q++) {
                    int dst = row * g.positions();
                    for (int i = 0; i < g.ho(); i++) {
                        int hIn = i * a.strideH() + p * a.dilationH() - a.padH();
                        int at = dst + i * g.wo();
                        if (hIn < 0 || hIn >= g.h()) {
                            java.util.Arrays.fill(cols, at, at + g.wo(), 0);
                            continue;
                        }
                        int src = plane + hIn * g.w();
                        int w0 = q * a.dilationW() - a.padW();
                        for (int j = 0; j < g.wo(); j++) {
                            int wIn = w0 + j * a.strideW();
                            cols[at + j] = wIn < 0 || wIn >= g.w() ? 0 : x[src + wIn];
                        }
                    }
                    row++;
                }
            }
        }
    }

    private static void im2colF(float[] x, int off, Geometry g, float[] cols) {
        Attributes.Conv2d a = g.a();
        int row = 0;
        for (int c = 0; c < g.c(); c++) {
            int plane = off + c * g.h() * g.w();
            for (int p = 0; p < g.kh(); p++) {
                for (int q = 0; q < g.kw(); q++) {
                    int dst = row * g.positions();
                    for (int i = 0; i < g.ho(); i++) {
                        int hIn = i * a.strideH() + p * a.dilationH() - a.padH();
                        int at = dst + i * g.wo();
                        if (hIn < 0 || hIn >= g.h()) {
                            java.util.Arrays.fill(cols, at, at + g.wo(), 0f);
                            continue;
                        }
                        int src = plane + hIn * g.w();
                        int w0 = q * a.dilationW() - a.padW();
                        for (int j = 0; j < g.wo(); j++) {
                            int wIn = w0 + j * a.strideW();
                            cols[at + j] = wIn < 0 || wIn >= g.w() ? 0f : x[src + wIn];
                        }
                    }
                    row++;
                }
            }
        }
    }
}
