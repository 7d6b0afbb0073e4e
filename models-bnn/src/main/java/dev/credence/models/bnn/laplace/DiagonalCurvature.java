package dev.credence.models.bnn.laplace;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;
import java.util.List;

/**
 * The diagonal of the GGN over the weights of some layers: {@code (H + delta I)^-1} is then the
 * diagonal {@code 1 / (h + delta)}. Coordinates as in {@link DenseCurvature}.
 */
final class DiagonalCurvature implements Curvature {
    private final List<LayerBlock> blocks;
    private final double[] h;
    private final Backend backend;

    DiagonalCurvature(List<LayerBlock> blocks, double[] h, Backend backend) {
        this.blocks = List.copyOf(blocks);
        this.h = h.clone();
        this.backend = backend;
    }

    @Override
    public List<LayerBlock> blocks() {
        return blocks;
    }

    @Override
    public int size() {
        return h.length;
    }

    @Override
    public double logDet(double delta) {
        double s = 0;
        for (double v : h) {
            s += Math.log(Math.max(v, 0) + delta);
        }
        return s;
    }

    @Override
    public void addSample(double[] theta, RandomKey key, double delta) {
        double[] z = key.normalDoubles(h.length);
        int at = 0;
        for (LayerBlock b : blocks) {
            for (int i = 0; i < b.rows(); i++) {
                for (int o = 0; o < b.cols(); o++) {
                    theta[b.position(i, o)] += z[at] / Math.sqrt(Math.max(h[at], 0) + delta);
                    at++;
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
        int rows = blocks.get(0).rows();
        int cols = blocks.get(0).cols();
        double[] r = new double[rows * cols];
        for (int k = 0; k < r.length; k++) {
            r[k] = 1 / (Math.max(h[k], 0) + delta);
        }
        Tensor var = inputs.square().matmul(Tensor.of(backend, r, DType.FLOAT64, rows, cols));
        Tensor eye = LinearAlgebra.eye(backend, cols, DType.FLOAT64);
        return var.unsqueeze(-1).mul(eye);
    }

    @Override
    public Tensor logitCovariance(LinearisedOutputs.Jacobians j, double delta) {
        double[] r = new double[h.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = 1 / Math.sqrt(Math.max(h[k], 0) + delta);
        }
        Tensor m =
                DenseCurvature.jacobian(blocks, j)
                        .mul(Tensor.of(backend, r, DType.FLOAT64, r.length));
        return LinearAlgebra.matmul(m, m, false, true);
    }
}
