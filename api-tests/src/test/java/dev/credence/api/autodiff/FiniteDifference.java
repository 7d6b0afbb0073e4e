package dev.credence.api.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Central finite differences of a scalar function of several FLOAT64 tensors; public for the tests
 * of other packages.
 */
public final class FiniteDifference {
    private FiniteDifference() {}

    /** The gradient of {@code f} with respect to argument {@code which}, by central differences. */
    public static double[] gradient(
            Function<List<Tensor>, Tensor> f, List<Tensor> args, int which) {
        double[] x = args.get(which).toDoubleArray();
        int[] dims = args.get(which).shape().dims();
        double[] g = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double h = 1e-5 * Math.max(1, Math.abs(x[k]));
            double[] p = x.clone();
            double[] m = x.clone();
            p[k] += h;
            m[k] -= h;
            g[k] = (eval(f, args, which, p, dims) - eval(f, args, which, m, dims)) / (2 * h);
        }
        return g;
    }

    private static double eval(
            Function<List<Tensor>, Tensor> f,
            List<Tensor> args,
            int which,
            double[] v,
            int[] dims) {
        List<Tensor> a = new ArrayList<>(args);
        a.set(which, Tensor.of(args.get(which).backend(), v, dims).reshape(dims));
        return f.apply(a).item();
    }

    /** Asserts |a - e| <= rtol * max(|e|, scale) elementwise, where scale is the largest |e|. */
    public static void assertClose(String what, double[] expected, double[] actual, double rtol) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            double tol = rtol * Math.max(Math.abs(expected[i]), 1e-3 * scale);
            assertTrue(
                    Math.abs(expected[i] - actual[i]) <= tol,
                    what
                            + " element "
                            + i
                            + ": finite difference "
                            + expected[i]
                            + " vs autodiff "
                            + actual[i]);
        }
    }
}
