package dev.credence.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Buffer;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.backend.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The FLOAT32 product's two kernels, the Vector API one and its plain twin, give the same bits, so
 * a run does not depend on whether the JVM was started with {@code jdk.incubator.vector}; so do the
 * FLOAT64 ones. The shapes cover partial register tiles, several blocks of k, transposed operands
 * and row ranges that start inside the matrix (as a thread's share does); and a product split over
 * two kernel threads equals the serial one.
 */
class MatMulTwinTest {
    private static float[] random(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            // Mixed magnitudes, so that the order of the sums shows in the last bits.
            x[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(-3, 4)));
        }
        return x;
    }

    @Test
    @DisplayName("the vectorised FLOAT32 product equals the plain one bit for bit")
    void vectorEqualsPlain() {
        assertTrue(Simd.AVAILABLE, "the tests run with jdk.incubator.vector");
        SplittableRandom r = new SplittableRandom(7);
        int[][] shapes = {{1, 5, 7}, {7, 300, 33}, {13, 600, 17}, {128, 784, 20}, {40, 513, 97}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            for (int variant = 0; variant < 4; variant++) {
                boolean ta = (variant & 1) != 0;
                boolean tb = (variant & 2) != 0;
                float[] a = random(r, m * k);
                float[] b = random(r, k * n);
                int ar = ta ? 1 : k;
                int ac = ta ? m : 1;
                int lo = m > 2 ? 1 : 0;
                float[] want = new float[m * n];
                float[] got = new float[m * n];
                VectorMatMul.rows(a, 0, ar, ac, b, 0, tb ? 1 : n, tb ? k : 1, want, 0, k, n, lo, m);
                MatMul.blockedF(a, 0, ar, ac, b, 0, tb, got, 0, k, n, lo, m);
                assertArrayEquals(
                        want, got, m + "x" + k + "x" + n + " transposed A " + ta + ", B " + tb);
            }
        }
    }

    @Test
    @DisplayName("the vectorised FLOAT64 product equals the plain loop bit for bit")
    void vector64EqualsPlain() {
        assertTrue(Simd.AVAILABLE, "the tests run with jdk.incubator.vector");
        SplittableRandom r = new SplittableRandom(9);
        int[][] shapes = {{1, 5, 8}, {7, 300, 33}, {13, 600, 17}, {128, 785, 785}, {40, 257, 97}};
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            for (int variant = 0; variant < 4; variant++) {
                boolean ta = (variant & 1) != 0;
                boolean tb = (variant & 2) != 0;
                double[] a = random64(r, m * k);
                double[] b = random64(r, k * n);
                int ar = ta ? 1 : k;
                int ac = ta ? m : 1;
                int lo = m > 2 ? 1 : 0;
                double[] want = new double[m * n];
                double[] got = new double[m * n];
                MatMul.blockedD(a, 0, new MatMul.Layout(ar, ac, tb), b, 0, want, 0, k, n, lo, m);
                VectorMatMul64.rows(
                        a, 0, ar, ac, b, 0, tb ? 1 : n, tb ? k : 1, got, 0, k, n, lo, m);
                assertArrayEquals(
                        want, got, m + "x" + k + "x" + n + " transposed A " + ta + ", B " + tb);
            }
        }
    }

    private static double[] random64(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian() * Math.pow(10, r.nextInt(-3, 4));
        }
        return x;
    }

    @Test
    @DisplayName("a product split over threads equals the serial one bit for bit")
    void threadsDoNotChangeTheBits() {
        SplittableRandom r = new SplittableRandom(11);
        // Above MatMul.SMALL, so split over the two threads' rows.
        int[][] shapes = {{64, 300, 1000}, {700, 300, 90}, {129, 800, 401}};
        try (JvmBackend serial = new JvmBackend(1);
                JvmBackend two = new JvmBackend(2)) {
            for (int[] s : shapes) {
                int m = s[0];
                int k = s[1];
                int n = s[2];
                for (int variant = 0; variant < 4; variant++) {
                    boolean ta = (variant & 1) != 0;
                    boolean tb = (variant & 2) != 0;
                    float[] a = random(r, m * k);
                    float[] b = random(r, k * n);
                    Shape sa = ta ? Shape.of(k, m) : Shape.of(m, k);
                    Shape sb = tb ? Shape.of(n, k) : Shape.of(k, n);
                    Attributes.MatMul at = new Attributes.MatMul(ta, tb);
                    float[] want = product(serial, at, a, sa, b, sb, Shape.of(m, n));
                    float[] got = product(two, at, a, sa, b, sb, Shape.of(m, n));
                    assertArrayEquals(
                            want, got, m + "x" + k + "x" + n + " transposed A " + ta + ", B " + tb);
                }
            }
        }
    }

    private static float[] product(
            JvmBackend be,
            Attributes.MatMul at,
            float[] a,
            Shape sa,
            float[] b,
            Shape sb,
            Shape out) {
        Buffer x = be.fromFloats(a, sa);
        Buffer y = be.fromFloats(b, sb);
        Buffer z = be.execute(Primitive.MATMUL, at, new Buffer[] {x, y}, out, DType.FLOAT32);
        return be.toFloats(z);
    }
}
