package dev.credence.api.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.autodiff.FiniteDifference;
import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.HalfNormal;
import dev.credence.api.dist.Normal;
import dev.credence.api.model.CompiledPotential;
import dev.credence.api.model.Model;
import dev.credence.api.model.Potential;
import dev.credence.api.random.RandomKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link Scan}: forward values against plain Java loops, gradients against central finite
 * differences and against the unrolled loop, loops inside recorded potentials, and the errors a
 * wrong step meets.
 */
class ScanTest {
    private final Backend b = Backends.discover().select("jvm");
    private final RandomKey key = RandomKey.of(41);

    private Tensor vec(double... v) {
        return Tensor.of(b, v);
    }

    /** sigma_t = sqrt(e_t + beta * sigma_(t-1)^2), the GARCH(1,1) volatility. */
    private static Tensor garch(Tensor sigma0, Tensor shock, Tensor beta) {
        return Scan.scan((s, e) -> e.add(beta.mul(s.square())).sqrt(), sigma0, shock);
    }

    @Test
    @DisplayName("a scalar recurrence gives the carry after every step, as a Java loop does")
    void forwardValues() {
        double[] e = key.uniformDoubles(30);
        Tensor out =
                garch(
                        Tensor.scalar(b, 1.0, DType.FLOAT64),
                        vec(e),
                        Tensor.scalar(b, 0.6, DType.FLOAT64));
        assertArrayEquals(new int[] {30}, out.shape().dims());
        double s = 1;
        double[] got = out.toDoubleArray();
        for (int t = 0; t < e.length; t++) {
            s = Math.sqrt(e[t] + 0.6 * s * s);
            assertEquals(s, got[t], 1e-14 * s, "step " + t);
        }
    }

    @Test
    @DisplayName("a reverse scan runs from the last row to the first; row t is still c_t")
    void reverse() {
        Tensor out =
                Scan.scan(
                        (c, x) -> c.mul(0.5).add(x),
                        Tensor.scalar(b, 0, DType.FLOAT64),
                        vec(1, 2, 3),
                        true);
        // c_2 = 3, c_1 = 1.5 + 2, c_0 = 1.75 + 1
        assertArrayEquals(new double[] {2.75, 3.5, 3}, out.toDoubleArray(), 0);
    }

    @Test
    @DisplayName(
            "gradients of a recurrence match central finite differences: carry, sequence, parameter")
    void gradientMatchesFiniteDifferences() {
        Tensor sigma0 = Tensor.scalar(b, 0.8, DType.FLOAT64);
        Tensor shock = vec(key.fold(1).uniformDoubles(25)).add(0.1);
        Tensor beta = Tensor.scalar(b, 0.7, DType.FLOAT64);
        Tensor w = vec(key.fold(2).normalDoubles(25));
        Function<List<Tensor>, Tensor> f = a -> garch(a.get(0), a.get(1), a.get(2)).mul(w).sum();
        checkGradients(f, List.of(sigma0, shock, beta), 1e-6);
    }

    @Test
    @DisplayName(
            "the gradient of a scan equals the gradient of the same loop written out step by step")
    void gradientMatchesUnrolledLoop() {
        Tensor sigma0 = Tensor.scalar(b, 0.8, DType.FLOAT64);
        Tensor shock = vec(key.fold(3).uniformDoubles(40)).add(0.1);
        Tensor beta = Tensor.scalar(b, 0.55, DType.FLOAT64);
        Function<List<Tensor>, Tensor> scanned =
                a -> garch(a.get(0), a.get(1), a.get(2)).log().sum();
        Function<List<Tensor>, Tensor> unrolled =
                a -> {
                    List<Tensor> rows = new ArrayList<>();
                    Tensor s = a.get(0);
                    for (int t = 0; t < 40; t++) {
                        s = a.get(1).get(t).add(a.get(2).mul(s.square())).sqrt();
                        rows.add(s.reshape(1));
                    }
                    return Tensor.concat(rows, 0).log().sum();
                };
        List<Tensor> args = List.of(sigma0, shock, beta);
        Autodiff.ValueAndGrad x = Autodiff.valueAndGrad(scanned, args);
        Autodiff.ValueAndGrad y = Autodiff.valueAndGrad(unrolled, args);
        assertEquals(y.value().item(), x.value().item(), 1e-12);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(
                    y.grads().get(i).toDoubleArray(),
                    x.grads().get(i).toDoubleArray(),
                    1e-11,
                    "argument " + i);
        }
    }

    /** The forward algorithm of an HMM in log space: K states, a log-sum-exp per step. */
    private static Tensor forward(Tensor logTransition, Tensor logEmission) {
        int k = logTransition.dim(0);
        Tensor first = logEmission.get(0);
        Tensor rest = logEmission.narrow(0, 1, logEmission.dim(0));
        Tensor gammas =
                Scan.scan(
                        (gamma, e) ->
                                gamma.reshape(k, 1).add(logTransition).logSumExp(false, 0).add(e),
                        first,
                        rest);
        return gammas.get(gammas.dim(0) - 1).logSumExp(false, 0);
    }

    @Test
    @DisplayName(
            "HMM forward algorithm: vector carry, matrix parameter, log-sum-exp; gradients match finite differences")
    void hmmForwardAlgorithm() {
        int k = 3;
        int n = 15;
        Tensor logA = Reductions.logSoftmax(key.fold(4).normal(b, DType.FLOAT64, k, k), 1);
        Tensor logE = key.fold(5).normal(b, DType.FLOAT64, n, k).mul(2);
        checkGradients(a -> forward(a.get(0), a.get(1)), List.of(logA, logE), 1e-6);
        // The value against the recursion written with doubles.
        double[] a = logA.toDoubleArray();
        double[] e = logE.toDoubleArray();
        double[] g = {e[0], e[1], e[2]};
        for (int t = 1; t < n; t++) {
            double[] next = new double[k];
            for (int j = 0; j < k; j++) {
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += Math.exp(g[i] + a[i * k + j]);
                }
                next[j] = Math.log(sum) + e[t * k + j];
            }
            g = next;
        }
        double want = Math.log(Math.exp(g[0]) + Math.exp(g[1]) + Math.exp(g[2]));
        assertEquals(want, forward(logA, logE).item(), 1e-12);
    }

    @Test
    @DisplayName(
            "several carried values and sequences, forward and reverse: gradients match finite differences")
    void severalCarries() {
        Tensor a0 = vec(0.3, -0.2);
        Tensor s0 = Tensor.scalar(b, 0.5, DType.FLOAT64);
        Tensor xs = key.fold(6).normal(b, DType.FLOAT64, 12, 2);
        Tensor us = vec(key.fold(7).uniformDoubles(12));
        Tensor rho = Tensor.scalar(b, 0.9, DType.FLOAT64);
        for (boolean reverse : new boolean[] {false, true}) {
            Scan.Step step =
                    (c, x) -> {
                        Tensor state = c.get(0).mul(rho).add(x.get(0).mul(x.get(1)));
                        Tensor total = c.get(1).add(state.tanh().sum());
                        return List.of(state, total);
                    };
            Function<List<Tensor>, Tensor> f =
                    p -> {
                        List<Tensor> out =
                                Scan.scan(
                                        step,
                                        List.of(p.get(0), p.get(1)),
                                        List.of(p.get(2), p.get(3)),
                                        reverse);
                        assertArrayEquals(new int[] {12, 2}, out.get(0).shape().dims());
                        assertArrayEquals(new int[] {12}, out.get(1).shape().dims());
                        return out.get(0).square().sum().add(out.get(1).sum());
                    };
            checkGradients(f, List.of(a0, s0, xs, us), 1e-6);
        }
    }

    @Test
    @DisplayName("second derivatives through a scan match finite differences of its gradient")
    void secondOrder() {
        Tensor shock = vec(key.fold(8).uniformDoubles(10)).add(0.2);
        Tensor sigma0 = Tensor.scalar(b, 1.0, DType.FLOAT64);
        Function<Tensor, Tensor> grad =
                beta ->
                        Autodiff.valueAndGrad(
                                        p -> garch(sigma0, shock, p.get(0)).sum(),
                                        List.of(beta),
                                        true)
                                .grads()
                                .get(0);
        Tensor beta = Tensor.scalar(b, 0.4, DType.FLOAT64);
        double second = Autodiff.grad(grad, beta).item();
        double h = 1e-5;
        double fd =
                (grad.apply(Tensor.scalar(b, 0.4 + h, DType.FLOAT64)).item()
                                - grad.apply(Tensor.scalar(b, 0.4 - h, DType.FLOAT64)).item())
                        / (2 * h);
        assertEquals(fd, second, 1e-6 * Math.max(1, Math.abs(fd)));
    }

    /** An AR-type model whose mean is a recurrence over a series of length {@code n}. */
    private Model recurrentMean(double[] y) {
        int n = y.length;
        return ctx -> {
            Tensor rho = ctx.sample("rho", Normal.of(b, 0, 0.5));
            Tensor theta = ctx.sample("theta", Normal.of(b, 0, 1));
            Tensor sigma = ctx.sample("sigma", HalfNormal.of(b, 1));
            Tensor lagged = Tensor.of(b, y).narrow(0, 0, n - 1);
            // level_t = rho level_(t-1) + theta y_(t-1)
            Tensor level =
                    Scan.scan(
                            (l, x) -> l.mul(rho).add(x.mul(theta)),
                            Tensor.scalar(b, 0, DType.FLOAT64),
                            lagged);
            ctx.observe("y", new Normal(level, sigma), Tensor.of(b, y).narrow(0, 1, n));
        };
    }

    @Test
    @DisplayName(
            "in a recorded potential a scan is one step whatever its length, and replay equals"
                    + " direct evaluation")
    void recordedPotential() {
        int[] calls = new int[2];
        int[] lengths = {30, 90};
        for (int r = 0; r < 2; r++) {
            Potential p =
                    Potential.of(
                            recurrentMean(key.fold(9).normalDoubles(lengths[r])), RandomKey.of(1));
            CompiledPotential cp = CompiledPotential.of(p, RandomKey.of(2));
            assertTrue(cp.isCompiled(), "not compiled: " + cp.reason());
            calls[r] = cp.kernelCalls();
            for (int i = 0; i < 3; i++) {
                Tensor x = p.initialPoint(RandomKey.of(20 + i));
                double[] g = new double[3];
                double v = cp.valueAndGradient(x.toDoubleArray(), g);
                Potential.ValueAndGradient direct = p.valueAndGradient(x);
                assertEquals(direct.value(), v, 0);
                assertArrayEquals(direct.gradient().toDoubleArray(), g, 0);
            }
        }
        assertEquals(calls[0], calls[1], "kernel calls for series of 30 and 90");
    }

    @Test
    @DisplayName("an empty sequence gives an empty result; one step works")
    void edgeLengths() {
        Tensor init = vec(1, 2);
        Tensor none = Tensor.zeros(b, DType.FLOAT64, 0, 2);
        assertArrayEquals(
                new int[] {0, 2}, Scan.scan((c, x) -> c.add(x), init, none).shape().dims());
        Tensor one = Scan.scan((c, x) -> c.mul(x), init, Tensor.of(b, new double[] {3, 4}, 1, 2));
        assertArrayEquals(new double[] {3, 8}, one.toDoubleArray(), 0);
        checkGradients(
                a -> Scan.scan((c, x) -> c.mul(x).exp(), a.get(0), a.get(1)).sum(),
                List.of(init.mul(0.1), Tensor.of(b, new double[] {0.3, 0.4}, 1, 2)),
                1e-6);
    }

    @Test
    @DisplayName(
            "a step that reads values on the host, changes the carry's shape or mismatches lengths is refused")
    void errors() {
        Tensor init = Tensor.scalar(b, 0, DType.FLOAT64);
        Tensor xs = vec(1, 2, 3);
        var host =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Scan.scan((c, x) -> x.item() > 1 ? c.add(x) : c, init, xs));
        assertTrue(host.getMessage().contains("on the host"), host.getMessage());
        var shape =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Scan.scan((c, x) -> c.add(x).reshape(1), init, xs));
        assertTrue(shape.getMessage().contains("carry"), shape.getMessage());
        var lengths =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Scan.scan(
                                        (c, x) -> List.of(c.get(0)),
                                        List.of(init),
                                        List.of(xs, vec(1, 2)),
                                        false));
        assertTrue(lengths.getMessage().contains("same length"), lengths.getMessage());
        var ints =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Scan.scan((c, x) -> c, Tensor.ofInts(b, new int[] {1}), xs));
        assertTrue(ints.getMessage().contains("floating"), ints.getMessage());
    }

    private static void checkGradients(
            Function<List<Tensor>, Tensor> f, List<Tensor> args, double rtol) {
        List<Tensor> grads = Autodiff.valueAndGrad(f, args).grads();
        for (int i = 0; i < args.size(); i++) {
            FiniteDifference.assertClose(
                    "argument " + i,
                    FiniteDifference.gradient(f, args, i),
                    grads.get(i).toDoubleArray(),
                    rtol);
        }
    }
}
