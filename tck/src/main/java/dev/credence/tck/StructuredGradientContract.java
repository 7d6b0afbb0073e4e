package dev.credence.tck;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.Attributes;
import dev.credence.api.backend.Shape;
import dev.credence.api.tensor.Convolutions;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules G4-G6: gradients of the scan, linear-algebra and sliding-window primitives where the table
 * of G1/G2 cannot reach (its inputs are drawn at random, so they are never exactly zero, and it
 * checks first derivatives only).
 *
 * <ul>
 *   <li>G4 the gradient of CUMPROD, in every variant, matches central finite differences on inputs
 *       with one zero and with two zeros.
 *   <li>G5 second derivatives: Hessian-vector products through CHOLESKY, TRIANGULAR_SOLVE and
 *       CUMPROD match finite differences of the gradient.
 *   <li>G6 second derivatives through CONV2D (strided, padded, dilated; both operands, so the mixed
 *       image-kernel terms too), AVG_POOL2D and MAX_POOL2D match finite differences of the
 *       gradient.
 * </ul>
 */
public interface StructuredGradientContract extends KitFixture {

    private double[] gradient(Function<Tensor, Tensor> f, double[] x, Shape s) {
        return Autodiff.grad(f, Tensor.of(backend(), x, dev.credence.api.backend.DType.FLOAT64, s))
                .toDoubleArray();
    }

    private double value(Function<Tensor, Tensor> f, double[] x, Shape s) {
        return f.apply(Tensor.of(backend(), x, dev.credence.api.backend.DType.FLOAT64, s)).item();
    }

    /** G4. */
    @Test
    @DisplayName("G4 cumulative products have exact gradients where elements are zero")
    default void g4CumprodAtZeros() {
        double[][] inputs = {
            {0.7, 0, 1.3, -0.4, 2.0, 0.9},
            {0.7, 0, 1.3, 0, 2.0, 0.9},
            {0, 1.1, -0.8, 0.5, 1.2, 0}
        };
        Shape s = Shape.of(2, 3);
        double[] w = {0.3, -1.2, 0.8, 1.5, -0.6, 0.4};
        for (double[] x : inputs) {
            for (boolean ex : new boolean[] {false, true}) {
                for (boolean rev : new boolean[] {false, true}) {
                    Function<Tensor, Tensor> f =
                            t ->
                                    Reductions.cumprod(t, 1, ex, rev)
                                            .mul(Tensor.of(t.backend(), w, 2, 3))
                                            .sum();
                    double[] fd = new double[x.length];
                    for (int k = 0; k < x.length; k++) {
                        double h = 1e-6;
                        double[] p = x.clone();
                        double[] m = x.clone();
                        p[k] += h;
                        m[k] -= h;
                        fd[k] = (value(f, p, s) - value(f, m, s)) / (2 * h);
                    }
                    Check.values(
                            "G4 cumprod"
                                    + (ex ? " exclusive" : "")
                                    + (rev ? " reverse" : "")
                                    + " at "
                                    + java.util.Arrays.toString(x),
                            fd,
                            gradient(f, x, s),
                            1e-7,
                            1e-7);
                }
            }
        }
    }

    /** G5. */
    @Test
    @DisplayName("G5 Hessian-vector products through Cholesky, triangular solves and cumprod")
    default void g5SecondDerivatives() {
        Shape s = Shape.of(3, 3);
        double[] x0 = Ref.uniform(41, 9, -0.5, 0.5);
        double[] v = Ref.uniform(42, 9, -1, 1);
        Function<Tensor, Tensor> f =
                x -> {
                    Tensor eye = LinearAlgebra.eye(x.backend(), 3, x.dtype());
                    Tensor a = x.add(eye.mul(3));
                    Tensor l = LinearAlgebra.cholesky(a);
                    Tensor b = Reductions.cumprod(x.add(1), 1, false, false);
                    Tensor z = LinearAlgebra.triangularSolve(l, b, true, false);
                    return z.square().sum().add(LinearAlgebra.choleskyLogDet(l));
                };
        Tensor vt = Tensor.of(backend(), v, 3, 3);
        Tensor hv =
                Autodiff.valueAndGrad(
                                xs ->
                                        Autodiff.valueAndGrad(a -> f.apply(a.get(0)), xs, true)
                                                .grads()
                                                .get(0)
                                                .mul(vt)
                                                .sum(),
                                List.of(Tensor.of(backend(), x0, 3, 3)))
                        .grads()
                        .get(0);
        double h = 1e-5;
        double[] xp = x0.clone();
        double[] xm = x0.clone();
        for (int i = 0; i < 9; i++) {
            xp[i] += h * v[i];
            xm[i] -= h * v[i];
        }
        double[] gp = gradient(f, xp, s);
        double[] gm = gradient(f, xm, s);
        double[] fd = new double[9];
        for (int i = 0; i < 9; i++) {
            fd[i] = (gp[i] - gm[i]) / (2 * h);
        }
        Check.values("G5 HVP", fd, hv.toDoubleArray(), 1e-6, 1e-6);
    }

    /** G6. */
    @Test
    @DisplayName("G6 Hessian-vector products through convolution and pooling")
    default void g6WindowSecondDerivatives() {
        int nx = 2 * 2 * 5 * 5;
        int n = nx + 3 * 2 * 3 * 3;
        Shape s = Shape.of(n);
        double[] x0 = Ref.uniform(43, n, -1, 1);
        double[] v = Ref.uniform(44, n, -1, 1);
        Attributes.Conv2d conv = new Attributes.Conv2d(2, 1, 1, 1, 1, 2);
        Function<Tensor, Tensor> f =
                t -> {
                    Tensor x = t.narrow(0, 0, nx).reshape(2, 2, 5, 5);
                    Tensor w = t.narrow(0, nx, n).reshape(3, 2, 3, 3);
                    Tensor y = Convolutions.conv2d(x, w, conv);
                    Tensor avg =
                            Convolutions.avgPool2d(
                                    y.tanh(), new Attributes.Pool2d(2, 2, 1, 1, 1, 1));
                    Tensor max = Convolutions.maxPool2d(y, Attributes.Pool2d.tiles(2));
                    return avg.square().sum().add(max.square().sum());
                };
        Tensor vt = Tensor.of(backend(), v, n);
        Tensor hv =
                Autodiff.valueAndGrad(
                                xs ->
                                        Autodiff.valueAndGrad(a -> f.apply(a.get(0)), xs, true)
                                                .grads()
                                                .get(0)
                                                .mul(vt)
                                                .sum(),
                                List.of(Tensor.of(backend(), x0, n)))
                        .grads()
                        .get(0);
        double h = 1e-5;
        double[] xp = x0.clone();
        double[] xm = x0.clone();
        for (int i = 0; i < n; i++) {
            xp[i] += h * v[i];
            xm[i] -= h * v[i];
        }
        double[] gp = gradient(f, xp, s);
        double[] gm = gradient(f, xm, s);
        double[] fd = new double[n];
        for (int i = 0; i < n; i++) {
            fd[i] = (gp[i] - gm[i]) / (2 * h);
        }
        Check.values("G6 HVP", fd, hv.toDoubleArray(), 1e-6, 1e-6);
    }
}
