package dev.credence.models.bnn.laplace;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A dense GGN over the weights of some layers, kept as its eigendecomposition {@code H = sum_m
 * lambda_m u_m u_m^T}: then {@code (H + delta I)^-1 = sum_m u_m u_m^T / (lambda_m + delta)} for any
 * {@code delta}. Coordinates are the layers' Theta matrices, row-major, one after the other. Small
 * negative eigenvalues from rounding are treated as zero (the GGN is positive semi-definite).
 */
final class DenseCurvature implements Curvature {
    private final List<LayerBlock> blocks;
    private final SymmetricEigen eig;
    private final Backend backend;

    DenseCurvature(List<LayerBlock> blocks, SymmetricEigen eig, Backend backend) {
        this.blocks = List.copyOf(blocks);
        this.eig = eig;
        this.backend = backend;
    }

    private double lambda(int m) {
        return Math.max(eig.values()[m], 0);
    }

    @Override
    public List<LayerBlock> blocks() {
        return blocks;
    }

    @Override
    public int size() {
        return eig.values().length;
    }

    @Override
    public double logDet(double delta) {
        double s = 0;
        for (int m = 0; m < size(); m++) {
            s += Math.log(lambda(m) + delta);
        }
        return s;
    }

    @Override
    public void addSample(double[] theta, RandomKey key, double delta) {
        int p = size();
        double[] z = key.normalDoubles(p);
        double[] d = new double[p];
        for (int m = 0; m < p; m++) {
            double c = z[m] / Math.sqrt(lambda(m) + delta);
            double[] u = eig.vectors()[m];
            for (int i = 0; i < p; i++) {
                d[i] += c * u[i];
            }
        }
        int at = 0;
        for (LayerBlock b : blocks) {
            for (int i = 0; i < b.rows(); i++) {
                for (int o = 0; o < b.cols(); o++) {
                    theta[b.position(i, o)] += d[at++];
                }
            }
        }
    }

    @Override
    public Tensor outputCovariance(Tensor inputs, double delta) {
        if (blocks.size() != 1) {
            throw new IllegalStateException(
                    "Laplace: output covariances need a curvature of one layer");
        }
        LayerBlock b = blocks.get(0);
        int rows = b.rows();
        int cols = b.cols();
        int p = size();
        // Ut[i, o * p + m] = u_m[(i, o)] / sqrt(lambda_m + delta)
        double[] ut = new double[rows * cols * p];
        for (int m = 0; m < p; m++) {
            double c = 1 / Math.sqrt(lambda(m) + delta);
            double[] u = eig.vectors()[m];
            for (int i = 0; i < rows; i++) {
                for (int o = 0; o < cols; o++) {
                    ut[i * cols * p + o * p + m] = c * u[i * cols + o];
                }
            }
        }
        Tensor w =
                inputs.matmul(Tensor.of(backend, ut, DType.FLOAT64, rows, cols * p))
                        .reshape(inputs.dim(0), cols, p);
        return LinearAlgebra.matmul(w, w, false, true);
    }

    @Override
    public Tensor logitCovariance(LinearisedOutputs.Jacobians j, double delta) {
        int p = size();
        // V[q, m] = u_m[q] / sqrt(lambda_m + delta), so that (H + delta I)^-1 = V V^T
        double[] v = new double[p * p];
        for (int m = 0; m < p; m++) {
            double c = 1 / Math.sqrt(lambda(m) + delta);
            double[] u = eig.vectors()[m];
            for (int q = 0; q < p; q++) {
                v[q * p + m] = c * u[q];
            }
        }
        Tensor jv = jacobian(blocks, j).matmul(Tensor.of(backend, v, DType.FLOAT64, p, p));
        return LinearAlgebra.matmul(jv, jv, false, true);
    }

    /**
     * The outputs' Jacobian in the layers' Theta matrices, one after the other.
     *
     * @param blocks the layers
     * @param j their input rows and output gradients
     * @return {@code [B, K, sum of sizes]}
     */
    static Tensor jacobian(List<LayerBlock> blocks, LinearisedOutputs.Jacobians j) {
        List<Tensor> parts = new ArrayList<>();
        for (LayerBlock b : blocks) {
            parts.add(LinearisedOutputs.thetaJacobian(j.inputs(b), j.grads(b)));
        }
        return parts.size() == 1 ? parts.get(0) : Indexing.concat(parts, 2);
    }
}
