package dev.credence.models.bnn.laplace;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * One layer's GGN as a Kronecker product {@code H ~ A (x) G} (K-FAC), with {@code A} the summed
 * outer products of the layer's inputs (with the bias entry 1) and {@code G} those of the
 * back-propagated output curvature, scaled by {@code 1 / (N T)} (T output positions per example for
 * a convolution, 1 for a dense layer; Grosse and Martens 2016, equation 9). With the
 * eigendecompositions {@code A = sum_i s_i u_i u_i^T} and {@code G = sum_j t_j w_j w_j^T}, the
 * precision {@code A (x) G + delta I} has eigenvectors {@code u_i (x) w_j} and eigenvalues {@code
 * s_i t_j + delta}, so the prior is added exactly (Laplace Redux, appendix A), not by damping each
 * factor.
 */
final class KroneckerCurvature implements Curvature {
    private final LayerBlock block;
    private final SymmetricEigen a;
    private final SymmetricEigen g;
    private final Tensor ua;
    private final Tensor wg;
    private final Backend backend;

    KroneckerCurvature(LayerBlock block, SymmetricEigen a, SymmetricEigen g, Backend backend) {
        this.block = block;
        this.a = a;
        this.g = g;
        this.backend = backend;
        this.ua = rows(a, backend);
        this.wg = rows(g, backend);
    }

    private static Tensor rows(SymmetricEigen e, Backend b) {
        int n = e.values().length;
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(e.vectors()[i], 0, v, i * n, n);
        }
        return Tensor.of(b, v, DType.FLOAT64, n, n);
    }

    private double s(int i) {
        return Math.max(a.values()[i], 0);
    }

    private double t(int j) {
        return Math.max(g.values()[j], 0);
    }

    @Override
    public List<LayerBlock> blocks() {
        return List.of(block);
    }

    @Override
    public int size() {
        return block.size();
    }

    @Override
    public double logDet(double delta) {
        double sum = 0;
        for (int i = 0; i < block.rows(); i++) {
            for (int j = 0; j < block.cols(); j++) {
                sum += Math.log(s(i) * t(j) + delta);
            }
        }
        return sum;
    }

    @Override
    public void addSample(double[] theta, RandomKey key, double delta) {
        int rows = block.rows();
        int cols = block.cols();
        double[] z = key.normalDoubles(rows * cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                z[i * cols + j] /= Math.sqrt(s(i) * t(j) + delta);
            }
        }
        // Delta Theta = U^T M W, with the eigenvectors as the rows of U and W.
        Tensor m = Tensor.of(backend, z, DType.FLOAT64, rows, cols);
        double[] d = LinearAlgebra.matmul(ua, m.matmul(wg), true, false).toDoubleArray();
        for (int i = 0; i < rows; i++) {
            for (int o = 0; o < cols; o++) {
                theta[block.position(i, o)] += d[i * cols + o];
            }
        }
    }

    @Override
    public Tensor outputCovariance(Tensor inputs, double delta) {
        int rows = block.rows();
        int cols = block.cols();
        double[] r = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                r[i * cols + j] = 1 / (s(i) * t(j) + delta);
            }
        }
        Tensor alpha = LinearAlgebra.matmul(inputs, ua, false, true);
        Tensor w = alpha.square().matmul(Tensor.of(backend, r, DType.FLOAT64, rows, cols));
        // cov = W^T diag(w) W per example, W the rows of G's eigenvectors
        Tensor scaled = w.unsqueeze(-1).mul(wg);
        return LinearAlgebra.matmul(wg, scaled, true, false);
    }

    /**
     * In the eigenbases, {@code alpha = U a} and {@code beta_c = W g_c}, the covariance is {@code
     * sum_{i,j} M_c[i, j] M_c'[i, j] / (s_i t_j + delta)} with {@code M_c = sum_t alpha_t^T
     * beta_{c, t}}. For a dense layer ({@code T = 1}) {@code M_c} is the outer product {@code alpha
     * beta_c^T}, and the sum factorises: {@code sum_j beta_{c,j} beta_{c',j} w_j} with {@code w_j =
     * sum_i alpha_i^2 / (s_i t_j + delta)}, never forming {@code M}.
     */
    @Override
    public Tensor logitCovariance(LinearisedOutputs.Jacobians j, double delta) {
        int rows = block.rows();
        int cols = block.cols();
        double[] r = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int o = 0; o < cols; o++) {
                r[i * cols + o] = 1 / (s(i) * t(o) + delta);
            }
        }
        Tensor a = j.inputs(block);
        Tensor g = j.grads(block);
        int b = a.dim(0);
        int k = g.dim(1);
        Tensor alpha = LinearAlgebra.matmul(a, ua, false, true);
        Tensor beta = LinearAlgebra.matmul(g, wg, false, true);
        if (a.dim(1) == 1) {
            Tensor w =
                    alpha.reshape(b, rows)
                            .square()
                            .matmul(Tensor.of(backend, r, DType.FLOAT64, rows, cols));
            Tensor bc = beta.reshape(b, k, cols);
            return LinearAlgebra.matmul(bc.mul(w.unsqueeze(1)), bc, false, true);
        }
        Tensor m =
                LinearisedOutputs.thetaJacobian(alpha, beta)
                        .mul(Tensor.of(backend, r, DType.FLOAT64, rows * cols).sqrt());
        return LinearAlgebra.matmul(m, m, false, true);
    }
}
