package dev.credence.api.dist;

import static org.junit.jupiter.api.Assertions.fail;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Tensor;
import dev.credence.backend.jvm.JvmBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Shared fixtures for the probabilistic-core tests: the jvm backend and numeric checks. */
public final class DistTesting {
    /** The backend every test uses. */
    public static final Backend B = new JvmBackend(2);

    private DistTesting() {}

    /** A FLOAT64 scalar. */
    public static Tensor scalar(double v) {
        return Tensor.scalar(B, v, DType.FLOAT64);
    }

    /** A FLOAT64 vector. */
    public static Tensor vec(double... v) {
        return Tensor.of(B, v);
    }

    /** A FLOAT64 tensor of a shape. */
    public static Tensor tensor(double[] v, int... dims) {
        return dims.length == 0 ? scalar(v[0]) : Tensor.of(B, v, dims);
    }

    /** Asserts {@code |actual - expected| <= atol + rtol |expected|}, element by element. */
    public static void assertClose(
            double[] expected, double[] actual, double rtol, double atol, String what) {
        if (expected.length != actual.length) {
            fail(what + ": expected " + expected.length + " values, found " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            boolean same = e == a || (Double.isNaN(e) && Double.isNaN(a));
            if (!same && !(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
                fail(
                        what
                                + ": element "
                                + i
                                + " expected "
                                + e
                                + " but was "
                                + a
                                + " (expected "
                                + Arrays.toString(expected)
                                + ", actual "
                                + Arrays.toString(actual)
                                + ")");
            }
        }
    }

    /** Asserts one value. */
    public static void assertClose(
            double expected, double actual, double rtol, double atol, String what) {
        assertClose(new double[] {expected}, new double[] {actual}, rtol, atol, what);
    }

    /**
     * Gradients of a scalar function of several tensors by central differences, with steps of
     * {@code 1e-5 max(|x|, 0.01)}; evaluated with validation off so that steps may leave a support.
     */
    public static List<double[]> finiteDifferences(
            Function<List<Tensor>, Tensor> f, List<Tensor> args) {
        List<double[]> out = new ArrayList<>();
        try (Validation.Scope off = Validation.disable();
                Autodiff.NoGrad noGrad = Autodiff.noGrad()) {
            for (int a = 0; a < args.size(); a++) {
                double[] x = args.get(a).toDoubleArray();
                double[] g = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    double h = 1e-5 * Math.max(0.01, Math.abs(x[i]));
                    g[i] = (eval(f, args, a, x, i, h) - eval(f, args, a, x, i, -h)) / (2 * h);
                }
                out.add(g);
            }
        }
        return out;
    }

    private static double eval(
            Function<List<Tensor>, Tensor> f,
            List<Tensor> args,
            int a,
            double[] x,
            int i,
            double h) {
        double[] moved = x.clone();
        moved[i] += h;
        List<Tensor> shifted = new ArrayList<>(args);
        Tensor orig = args.get(a);
        shifted.set(a, tensor(moved, orig.shape().dims()));
        return f.apply(shifted).item();
    }

    /** Checks autodiff gradients of {@code f} against central differences. */
    public static void assertGradientsMatch(
            Function<List<Tensor>, Tensor> f,
            List<Tensor> args,
            List<String> names,
            double rtol,
            String what) {
        List<Tensor> grads;
        try (Validation.Scope off = Validation.disable()) {
            grads = Autodiff.valueAndGrad(f, args).grads();
        }
        List<double[]> fd = finiteDifferences(f, args);
        for (int a = 0; a < args.size(); a++) {
            assertClose(
                    fd.get(a),
                    grads.get(a).toDoubleArray(),
                    rtol,
                    1e-7,
                    what + ", d/d" + names.get(a));
        }
    }

    /** The log absolute determinant of a small square matrix by LU with partial pivoting. */
    public static double logAbsDet(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = m[i].clone();
        }
        double logDet = 0;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            double pivot = a[c][c];
            logDet += Math.log(Math.abs(pivot));
            for (int r = c + 1; r < n; r++) {
                double k = a[r][c] / pivot;
                for (int j = c; j < n; j++) {
                    a[r][j] -= k * a[c][j];
                }
            }
        }
        return logDet;
    }
}
