package dev.credence.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Primitive;
import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Losses;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import dev.credence.api.tensor.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules G1-G3: gradients computed on the backend.
 *
 * <ul>
 *   <li>G1 in FLOAT64, the vector-Jacobian product of every differentiable primitive (including
 *       broadcasting, transposed, exclusive and reverse variants) matches central finite
 *       differences to 1e-6 relative.
 *   <li>G2 in FLOAT32, the same gradients match the FLOAT64 finite differences to 1e-3.
 *   <li>G3 gradients of gradients: a Hessian-vector product matches finite differences of the
 *       gradient.
 * </ul>
 */
public interface GradientContract extends KitFixture {

    private static GradCase u(Primitive op, double lo, double hi) {
        return new GradCase(
                op.name(), new int[][] {{2, 3}}, lo, hi, x -> Elementwise.unary(op, x.get(0)));
    }

    private static GradCase b(Primitive op, int[] sa, int[] sb, double lo, double hi) {
        String name =
                op.name() + " " + java.util.Arrays.toString(sa) + java.util.Arrays.toString(sb);
        return new GradCase(
                name,
                new int[][] {sa, sb},
                lo,
                hi,
                x -> Elementwise.binary(op, x.get(0), x.get(1)));
    }

    /**
     * The table of gradient cases.
     *
     * @return one case per primitive variant
     */
    static List<GradCase> cases() {
        List<GradCase> c = new ArrayList<>();
        for (Primitive op : Primitive.values()) {
            if (op.family() != Primitive.Family.UNARY) {
                continue;
            }
            switch (op) {
                case TRIGAMMA -> {}
                case LOG, SQRT, LGAMMA, DIGAMMA -> c.add(u(op, 0.3, 3));
                case LOG1P -> c.add(u(op, -0.5, 3));
                case ABS, SIGN -> c.add(u(op, 0.2, 2));
                default -> c.add(u(op, -2, 2));
            }
        }
        int[] m = {2, 3};
        int[] row = {3};
        int[] col = {2, 1};
        for (Primitive op : Primitive.values()) {
            if (op.family() != Primitive.Family.BINARY) {
                continue;
            }
            double lo = op == Primitive.POW ? 0.5 : -2;
            c.add(b(op, m, m, lo, 2));
            c.add(b(op, m, row, lo, 2));
            c.add(b(op, col, new int[] {1, 3}, lo, 2));
        }
        c.add(
                new GradCase(
                        "WHERE",
                        new int[][] {m, row},
                        -2,
                        2,
                        x -> Tensor.where(x.get(0).gt(0), x.get(0), x.get(1))));
        c.add(new GradCase("SUM axis 1", new int[][] {{2, 3, 4}}, -2, 2, x -> x.get(0).sum(1)));
        c.add(
                new GradCase(
                        "SUM keepDims",
                        new int[][] {{2, 3, 4}},
                        -2,
                        2,
                        x -> x.get(0).sum(true, 0, 2)));
        c.add(new GradCase("MAX axis 0", new int[][] {{3, 4}}, -2, 2, x -> x.get(0).max(false, 0)));
        c.add(
                new GradCase(
                        "MATMUL 2-D",
                        new int[][] {{3, 4}, {4, 2}},
                        -1,
                        1,
                        x -> x.get(0).matmul(x.get(1))));
        c.add(
                new GradCase(
                        "MATMUL batched",
                        new int[][] {{2, 3, 4}, {4, 5}},
                        -1,
                        1,
                        x -> x.get(0).matmul(x.get(1))));
        c.add(
                new GradCase(
                        "MATMUL vector",
                        new int[][] {{4}, {4, 3}},
                        -1,
                        1,
                        x -> x.get(0).matmul(x.get(1))));
        c.add(
                new GradCase(
                        "RESHAPE",
                        new int[][] {{2, 6}},
                        -1,
                        1,
                        x -> x.get(0).reshape(3, 4).mul(x.get(0).reshape(3, 4))));
        c.add(
                new GradCase(
                        "PERMUTE",
                        new int[][] {{2, 3, 4}},
                        -1,
                        1,
                        x -> x.get(0).permute(2, 0, 1).exp()));
        c.add(
                new GradCase(
                        "BROADCAST_TO",
                        new int[][] {{3, 1}},
                        -1,
                        1,
                        x -> x.get(0).broadcastTo(2, 3, 4).sin()));
        c.add(
                new GradCase(
                        "SLICE",
                        new int[][] {{4, 5}},
                        -1,
                        1,
                        x -> x.get(0).slice(new int[] {1, 0}, new int[] {3, 4}).exp()));
        c.add(
                new GradCase(
                        "CONCAT",
                        new int[][] {{2, 3}, {2, 2}},
                        -1,
                        1,
                        x -> Tensor.concat(List.of(x.get(0), x.get(1).square()), 1)));
        c.add(
                new GradCase(
                        "GATHER",
                        new int[][] {{4, 3}},
                        -1,
                        1,
                        x ->
                                x.get(0)
                                        .gather(
                                                0,
                                                Tensor.ofInts(
                                                        x.get(0).backend(), new int[] {3, 0, 3}, 3))
                                        .exp()));
        c.add(
                new GradCase(
                        "SCATTER_ADD",
                        new int[][] {{3, 2}},
                        -1,
                        1,
                        x ->
                                Indexing.scatterAdd(
                                        x.get(0).exp(),
                                        0,
                                        Tensor.ofInts(x.get(0).backend(), new int[] {1, 1, 0}, 3),
                                        2,
                                        2)));
        c.add(
                new GradCase(
                        "CAST",
                        new int[][] {{3}},
                        -1,
                        1,
                        x -> x.get(0).cast(DType.FLOAT64).exp().cast(x.get(0).dtype())));
        for (boolean ex : new boolean[] {false, true}) {
            for (boolean rev : new boolean[] {false, true}) {
                String v = (ex ? " exclusive" : "") + (rev ? " reverse" : "");
                c.add(
                        new GradCase(
                                "CUMSUM" + v,
                                new int[][] {{3, 4}},
                                -2,
                                2,
                                x -> Reductions.cumsum(x.get(0), 1, ex, rev)));
                c.add(
                        new GradCase(
                                "CUMPROD" + v,
                                new int[][] {{4, 3}},
                                -1.5,
                                1.5,
                                x -> Reductions.cumprod(x.get(0), 0, ex, rev)));
            }
        }
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                c.add(
                        new GradCase(
                                "MATMUL" + (ta ? " aT" : " a") + (tb ? " bT" : " b"),
                                new int[][] {
                                    ta ? new int[] {2, 4, 3} : new int[] {2, 3, 4},
                                    tb ? new int[] {5, 4} : new int[] {4, 5}
                                },
                                -1,
                                1,
                                x -> LinearAlgebra.matmul(x.get(0), x.get(1), ta, tb)));
            }
        }
        // The strictly upper triangle is never read, so its gradient is exactly zero; the
        // diagonal shift keeps the lower triangle's symmetric completion positive definite.
        c.add(
                new GradCase(
                        "CHOLESKY",
                        new int[][] {{2, 3, 3}},
                        -1,
                        1,
                        x ->
                                LinearAlgebra.cholesky(
                                        x.get(0)
                                                .add(
                                                        LinearAlgebra.eye(
                                                                        x.get(0).backend(),
                                                                        3,
                                                                        x.get(0).dtype())
                                                                .mul(4)))));
        for (boolean lower : new boolean[] {true, false}) {
            for (boolean tr : new boolean[] {false, true}) {
                c.add(
                        new GradCase(
                                "TRIANGULAR_SOLVE"
                                        + (lower ? " lower" : " upper")
                                        + (tr ? " T" : ""),
                                new int[][] {{2, 1, 3, 3}, {4, 3, 2}},
                                -1,
                                1,
                                x ->
                                        LinearAlgebra.triangularSolve(
                                                x.get(0)
                                                        .add(
                                                                LinearAlgebra.eye(
                                                                                x.get(0).backend(),
                                                                                3,
                                                                                x.get(0).dtype())
                                                                        .mul(3)),
                                                x.get(1),
                                                lower,
                                                tr)));
            }
        }
        c.addAll(WindowGradCases.cases());
        c.add(new GradCase("softplus", new int[][] {{2, 3}}, -30, 30, x -> x.get(0).softplus()));
        c.add(
                new GradCase(
                        "logSumExp",
                        new int[][] {{3, 4}},
                        -5,
                        5,
                        x -> x.get(0).logSumExp(false, 1)));
        c.add(
                new GradCase(
                        "binaryCrossEntropy",
                        new int[][] {{5}, {5}},
                        0.05,
                        0.95,
                        x -> Losses.binaryCrossEntropy(x.get(0), x.get(1))));
        for (boolean squared : new boolean[] {false, true}) {
            c.add(
                    new GradCase(
                            "EMA" + (squared ? " squared" : ""),
                            new int[][] {m, m},
                            -2,
                            2,
                            x -> Updates.ema(x.get(0), x.get(1), 0.8, squared)));
        }
        c.add(
                new GradCase(
                        "RMS_STEP",
                        new int[][] {m, m, m, {}, {}},
                        0.2,
                        2,
                        x -> Updates.rmsStep(x.get(0), x.get(1), x.get(2), x.get(3), x.get(4))));
        return c;
    }

    /**
     * Cases crossed with dtypes.
     *
     * @return the arguments
     */
    static Stream<Arguments> gradCases() {
        return cases().stream()
                .flatMap(
                        g ->
                                Stream.of(
                                        Arguments.of(g, DType.FLOAT64),
                                        Arguments.of(g, DType.FLOAT32)));
    }

    /**
     * G1 and G2.
     *
     * @param g the case
     * @param dt the dtype
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dev.credence.tck.GradientContract#gradCases")
    @DisplayName("G1/G2 vector-Jacobian product matches finite differences")
    default void g1g2Gradient(GradCase g, DType dt) {
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < g.shapes().length; i++) {
            int n = dev.credence.api.backend.Shape.of(g.shapes()[i]).size();
            double[] v = Ref.uniform(31L * i + g.name().hashCode(), n, g.lo(), g.hi());
            values.add(dt == DType.FLOAT32 ? Ref.toFloatPrecision(v) : v);
        }
        Tensor probe = g.f().apply(inputs(values, g.shapes(), DType.FLOAT64));
        double[] w = Ref.uniform(99, probe.size(), 0.5, 1.5);
        int[] outShape = probe.shape().dims();
        List<Tensor> xs = inputs(values, g.shapes(), dt);
        var r =
                Autodiff.valueAndGrad(
                        a ->
                                g.f().apply(a)
                                        .mul(
                                                Tensor.of(
                                                                backend(),
                                                                w,
                                                                dt,
                                                                outShape.length == 0
                                                                        ? new int[] {1}
                                                                        : outShape)
                                                        .reshape(outShape))
                                        .sum(),
                        xs);
        for (int i = 0; i < xs.size(); i++) {
            double[] fd = finiteDifference(g, values, w, outShape, i);
            assertEquals(
                    xs.get(i).shape(), r.grads().get(i).shape(), g.name() + ": gradient shape");
            double tol = dt == DType.FLOAT64 ? 1e-6 : 1e-3;
            Check.values(
                    "G " + g.name() + " " + dt + " input " + i,
                    fd,
                    r.grads().get(i).toDoubleArray(),
                    tol,
                    tol);
        }
    }

    private List<Tensor> inputs(List<double[]> values, int[][] shapes, DType dt) {
        List<Tensor> xs = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            xs.add(Tensor.of(backend(), values.get(i), dt, shapes[i]).reshape(shapes[i]));
        }
        return xs;
    }

    private double[] finiteDifference(
            GradCase g, List<double[]> values, double[] w, int[] outShape, int which) {
        double[] x = values.get(which);
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double h = 1e-5 * Math.max(1, Math.abs(x[k]));
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[k] += h;
            minus[k] -= h;
            out[k] =
                    (weighted(g, values, which, plus, w) - weighted(g, values, which, minus, w))
                            / (2 * h);
        }
        return out;
    }

    private double weighted(GradCase g, List<double[]> values, int which, double[] x, double[] w) {
        List<double[]> vs = new ArrayList<>(values);
        vs.set(which, x);
        double[] y = g.f().apply(inputs(vs, g.shapes(), DType.FLOAT64)).toDoubleArray();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * w[i];
        }
        return s;
    }

    /** G3. */
    @Test
    @DisplayName("G3 Hessian-vector product matches finite differences of the gradient")
    default void g3HessianVector() {
        double[] x0 = {0.3, -0.7, 1.1};
        double[] v = {1.0, -2.0, 0.5};
        java.util.function.Function<Tensor, Tensor> f =
                x ->
                        x.mul(x.sin())
                                .sum()
                                .add(x.softplus().mul(x).sum())
                                .add(
                                        x.narrow(0, 0, 1)
                                                .mul(x.narrow(0, 1, 2))
                                                .mul(x.narrow(0, 2, 3))
                                                .sum());
        Tensor vt = Tensor.of(backend(), v, 3);
        Tensor hv =
                Autodiff.valueAndGrad(
                                xs ->
                                        Autodiff.valueAndGrad(a -> f.apply(a.get(0)), xs, true)
                                                .grads()
                                                .get(0)
                                                .mul(vt)
                                                .sum(),
                                List.of(Tensor.of(backend(), x0, 3)))
                        .grads()
                        .get(0);
        double h = 1e-5;
        double[] fd = new double[3];
        double[] xp = x0.clone();
        double[] xm = x0.clone();
        for (int i = 0; i < 3; i++) {
            xp[i] += h * v[i];
            xm[i] -= h * v[i];
        }
        double[] gp = Autodiff.grad(f, Tensor.of(backend(), xp, 3)).toDoubleArray();
        double[] gm = Autodiff.grad(f, Tensor.of(backend(), xm, 3)).toDoubleArray();
        for (int i = 0; i < 3; i++) {
            fd[i] = (gp[i] - gm[i]) / (2 * h);
        }
        Check.values("G3 HVP", fd, hv.toDoubleArray(), 1e-6, 1e-6);
    }
}
