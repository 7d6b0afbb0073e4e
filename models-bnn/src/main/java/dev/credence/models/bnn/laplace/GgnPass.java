package dev.credence.models.bnn.laplace;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Reductions;
import dev.credence.api.tensor.Tensor;
import dev.credence.io.data.Minibatches;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One pass over the training data that accumulates the generalised Gauss-Newton matrix {@code H =
 * sum_n J_n^T Lambda_n J_n} of some layers, in the structure asked for, and the log-likelihood at
 * the weights.
 *
 * <p>{@code Lambda_n} is the output curvature of the likelihood: {@code diag(p) - p p^T} for a
 * softmax over classes, {@code 1 / sigma^2} for a Gaussian with a fixed noise scale. It enters
 * through square-root columns {@code v}: {@code Lambda = sum_c v_c v_c^T} with {@code v_c =
 * sqrt(p_c) (e_c - p)} (exact), or one column {@code v = e_y - p} with {@code y ~ p} (a Monte Carlo
 * estimate, unbiased). For each column, one backward pass gives every example's output gradient
 * {@code g} at every chosen layer; with the layer's input rows {@code a}, the example's gradient of
 * Theta is {@code sum_t a_t^T g_t}. Then:
 *
 * <ul>
 *   <li>FULL: {@code H += sum_n vec(grad_n) vec(grad_n)^T} over the chosen layers jointly;
 *   <li>DIAGONAL: {@code h += sum_n grad_n^2};
 *   <li>KFAC: {@code A += sum_{n,t} a a^T} and {@code G += sum_{n,t,c} g g^T}, and at the end
 *       {@code H ~ A (x) G / (N T)}.
 * </ul>
 *
 * For the last layer alone the network runs once, without autodiff: the output gradients are the
 * columns {@code v} themselves.
 */
final class GgnPass {
    private GgnPass() {}

    /** Above this many weights a dense curvature is refused. */
    static final int DENSE_LIMIT = 6000;

    /** The accumulated curvature, on the host. */
    record Result(
            List<double[][]> a,
            List<double[][]> g,
            double[] diagonal,
            double[][] full,
            double logLikelihood,
            int examples) {}

    static Result run(
            Network net,
            Map<String, Tensor> weights,
            Likelihood likelihood,
            double noise,
            Tensor x,
            Tensor y,
            List<LayerBlock> blocks,
            LaplaceSettings s,
            RandomKey key) {
        if (likelihood instanceof Likelihood.Gaussian gl && gl.heteroscedastic()) {
            throw new IllegalArgumentException(
                    "Laplace: the heteroscedastic Gaussian likelihood is not supported; use the"
                            + " homoscedastic or the categorical likelihood");
        }
        int total = 0;
        for (LayerBlock b : blocks) {
            total += b.size();
        }
        LaplaceSettings.Structure st = s.structure();
        if (st == LaplaceSettings.Structure.FULL && total > DENSE_LIMIT) {
            throw new IllegalArgumentException(
                    "Laplace: a dense curvature of "
                            + total
                            + " weights is too large (at most "
                            + DENSE_LIMIT
                            + "); use the last layer, or the kfac or diag structure");
        }
        boolean lastOnly = blocks.size() == 1 && blocks.get(0).index() == net.head();
        ProbedForward probed = new ProbedForward(net, weights, blocks);
        Accumulator acc = new Accumulator(blocks, st, x.backend(), total);
        int n = x.dim(0);
        double logLik = 0;
        int[][] batches = Minibatches.indices(key.fold(0), n, Math.min(s.batchSize(), n), false);
        for (int bi = 0; bi < batches.length; bi++) {
            int[] idx = batches[bi];
            Tensor rowsIdx = Tensor.ofInts(x.backend(), idx, idx.length);
            Tensor xb = x.gather(0, rowsIdx);
            Tensor yb = y.gather(0, rowsIdx);
            // one recorded forward pass; every root back-propagates through it
            ProbedForward.Recorded rec;
            ProbedForward.Seen seen;
            if (lastOnly) {
                rec = null;
                try (var off = Autodiff.noGrad()) {
                    seen = probed.run(xb);
                }
            } else {
                rec = probed.record(xb);
                seen = rec.seen();
            }
            Tensor logits = rec == null ? seen.logits() : rec.logits();
            logLik +=
                    likelihood
                            .distribution(logits, noiseOf(logits, noise))
                            .logProb(yb)
                            .sum()
                            .item();
            List<Tensor> roots =
                    roots(
                            likelihood,
                            logits.cast(DType.FLOAT64),
                            noise,
                            s.exact(),
                            key.fold(bi + 1L));
            acc.inputs(seen.inputs());
            for (Tensor v : roots) {
                List<Tensor> g;
                if (lastOnly) {
                    g = List.of(v.reshape(v.dim(0), 1, v.dim(1)));
                } else {
                    g = rec.outputGradients(v.cast(logits.dtype()));
                }
                acc.gradients(seen.inputs(), g);
            }
        }
        return acc.result(logLik, n);
    }

    private static Tensor noiseOf(Tensor like, double noise) {
        return Double.isNaN(noise) ? null : like.scalarLike(noise);
    }

    /** Square-root columns of the output curvature, each {@code [B, K]}. */
    static List<Tensor> roots(
            Likelihood likelihood, Tensor logits, double noise, boolean exact, RandomKey key) {
        int b = logits.dim(0);
        if (likelihood.isRegression()) {
            return List.of(Tensor.full(logits.backend(), 1 / noise, DType.FLOAT64, b, 1));
        }
        int k = logits.dim(1);
        Tensor p = Reductions.softmax(logits, 1);
        List<Tensor> out = new ArrayList<>();
        if (!exact) {
            Tensor drawn = key.categorical(logits);
            out.add(Indexing.oneHot(drawn, k, DType.FLOAT64).sub(p));
            return out;
        }
        Tensor sqrtP = p.sqrt();
        for (int c = 0; c < k; c++) {
            Tensor e = Tensor.full(logits.backend(), c, DType.INT32, b);
            Tensor col = Indexing.oneHot(e.cast(DType.INT32), k, DType.FLOAT64).sub(p);
            out.add(col.mul(sqrtP.narrow(1, c, c + 1)));
        }
        return out;
    }

    /** Sums on the backend in FLOAT64; read to the host once at the end. */
    private static final class Accumulator {
        private final List<LayerBlock> blocks;
        private final LaplaceSettings.Structure st;
        private final dev.credence.api.backend.Backend backend;
        private final int total;
        private final Tensor[] a;
        private final Tensor[] g;
        private final int[] positions;
        private Tensor diag;
        private Tensor full;

        Accumulator(
                List<LayerBlock> blocks,
                LaplaceSettings.Structure st,
                dev.credence.api.backend.Backend backend,
                int total) {
            this.blocks = blocks;
            this.st = st;
            this.backend = backend;
            this.total = total;
            this.a = new Tensor[blocks.size()];
            this.g = new Tensor[blocks.size()];
            this.positions = new int[blocks.size()];
        }

        private static Tensor add(Tensor sum, Tensor x) {
            return sum == null ? x : sum.add(x);
        }

        void inputs(List<Tensor> in) {
            if (st != LaplaceSettings.Structure.KFAC) {
                return;
            }
            for (int l = 0; l < blocks.size(); l++) {
                Tensor r = in.get(l);
                positions[l] = r.dim(1);
                Tensor flat = r.reshape(-1, r.dim(2));
                a[l] = add(a[l], LinearAlgebra.matmul(flat, flat, true, false));
            }
        }

        void gradients(List<Tensor> in, List<Tensor> out) {
            List<Tensor> perExample = new ArrayList<>();
            for (int l = 0; l < blocks.size(); l++) {
                Tensor gl = out.get(l);
                if (st == LaplaceSettings.Structure.KFAC) {
                    Tensor flat = gl.reshape(-1, gl.dim(2));
                    g[l] = add(g[l], LinearAlgebra.matmul(flat, flat, true, false));
                } else {
                    Tensor grad = LinearAlgebra.matmul(in.get(l), gl, true, false);
                    perExample.add(grad.reshape(grad.dim(0), -1));
                }
            }
            if (st == LaplaceSettings.Structure.DIAGONAL) {
                Tensor j = Indexing.concat(perExample, 1);
                diag = add(diag, j.square().sum(0));
            } else if (st == LaplaceSettings.Structure.FULL) {
                Tensor j = Indexing.concat(perExample, 1);
                full = add(full, LinearAlgebra.matmul(j, j, true, false));
            }
        }

        Result result(double logLik, int n) {
            List<double[][]> as = new ArrayList<>();
            List<double[][]> gs = new ArrayList<>();
            if (st == LaplaceSettings.Structure.KFAC) {
                for (int l = 0; l < blocks.size(); l++) {
                    as.add(square(a[l], 1));
                    gs.add(square(g[l], 1.0 / ((double) n * positions[l])));
                }
            }
            double[] d = diag == null ? null : diag.toDoubleArray();
            double[][] f = full == null ? null : square(full, 1);
            return new Result(as, gs, d, f, logLik, n);
        }

        private static double[][] square(Tensor t, double scale) {
            int m = t.dim(0);
            double[] v = t.toDoubleArray();
            double[][] out = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    out[i][j] = v[i * m + j] * scale;
                }
            }
            return out;
        }
    }
}
