package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.dist.internal.HostSampler;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;

/**
 * The LKJ distribution over correlation matrices {@code R} with density proportional to {@code
 * det(R)^(eta - 1)} (Lewandowski, Kurowicka and Joe, "Generating random correlation matrices based
 * on vines and extended onion method", J. Multivariate Analysis 100, 2009), expressed on the
 * Cholesky factor {@code L} of {@code R}, with respect to Lebesgue measure on the strictly lower
 * entries of {@code L}.
 *
 * <p><b>Density.</b> Row {@code i} ({@code i = 1 .. d-1}) of {@code L} holds a vector {@code w_i}
 * of length {@code i} in the unit ball and the diagonal {@code L_ii = sqrt(1 - |w_i|^2)}. The onion
 * construction (section 3.2 of the paper) makes the rows independent with {@code |w_i|^2 ~ Beta(i /
 * 2, b_i)}, {@code b_i = eta + (d - 1 - i) / 2}, and directions uniform on the sphere; changing
 * variables from (radius, direction) to {@code w_i} gives
 *
 * <pre>
 * log p(L) = sum_{i=1}^{d-1} [ 2 (b_i - 1) log L_ii + lgamma(b_i + i / 2) - lgamma(b_i)
 *                              - (i / 2) log pi ].
 * </pre>
 *
 * The exponent {@code 2 (b_i - 1) = (d - 1 - i) + 2 (eta - 1)} combines {@code det(R)^(eta - 1)}
 * with the Jacobian of {@code L -> L L^T}. <b>Sampling</b> follows the same construction.
 */
public final class LKJCholesky extends Distribution {
    private final int dim;
    private final Tensor concentration;

    /**
     * Creates a batch of LKJ distributions over {@code dim x dim} correlation Cholesky factors.
     *
     * @param dim the matrix size, at least 2
     * @param concentration the shape eta, positive (1 is uniform over correlation matrices)
     */
    public LKJCholesky(int dim, Tensor concentration) {
        super(broadcastParams("LKJCholesky", concentration), Shape.of(dim, dim));
        if (dim < 2) {
            throw new IllegalArgumentException("LKJCholesky: dim must be >= 2, found " + dim);
        }
        this.dim = dim;
        this.concentration = concentration;
        checkParam("concentration", concentration, Constraints.positive());
    }

    /**
     * Creates a FLOAT64 scalar LKJ distribution.
     *
     * @param b the backend
     * @param dim the matrix size
     * @param concentration the shape eta
     * @return the distribution
     */
    public static LKJCholesky of(Backend b, int dim, double concentration) {
        return new LKJCholesky(dim, Tensor.scalar(b, concentration, DType.FLOAT64));
    }

    /**
     * Returns the matrix size.
     *
     * @return d
     */
    public int dim() {
        return dim;
    }

    /**
     * Returns the shape parameters.
     *
     * @return eta
     */
    public Tensor concentration() {
        return concentration;
    }

    @Override
    public Constraint support() {
        return Constraints.corrCholesky();
    }

    /** The constants {@code d - 1 - i} for rows {@code i = 1 .. d-1}. */
    private Tensor rowOffsets() {
        double[] off = new double[dim - 1];
        for (int i = 1; i < dim; i++) {
            off[i - 1] = (dim - 1 - i) / 2.0;
        }
        return Tensor.of(concentration.backend(), off, concentration.dtype(), dim - 1);
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor diag = LinearAlgebra.diagonal(value).narrow(-1, 1, dim);
        Tensor b = concentration.unsqueeze(-1).add(rowOffsets());
        Tensor exponent = b.sub(1).mul(2);
        double[] halfI = new double[dim - 1];
        double logPiTerms = 0;
        for (int i = 1; i < dim; i++) {
            halfI[i - 1] = i / 2.0;
            logPiTerms += i / 2.0 * Math.log(Math.PI);
        }
        Tensor half = Tensor.of(b.backend(), halfI, b.dtype(), dim - 1);
        Tensor norm = b.add(half).lgamma().sub(b.lgamma()).sum(false, -1).sub(logPiTerms);
        return exponent.mul(diag.log()).sum(false, -1).add(norm);
    }

    @Override
    public Tensor sample(RandomKey key, int... sampleShape) {
        Shape batch = Shape.concat(Shape.of(sampleShape), batchShape());
        double[] eta = concentration.detach().broadcastTo(batch.dims()).toDoubleArray();
        HostSampler host = new HostSampler(key);
        double[] out = new double[eta.length * dim * dim];
        for (int n = 0; n < eta.length; n++) {
            int base = n * dim * dim;
            out[base] = 1;
            for (int i = 1; i < dim; i++) {
                double y = host.beta(i / 2.0, eta[n] + (dim - 1 - i) / 2.0);
                double norm = 0;
                for (int j = 0; j < i; j++) {
                    double g = host.normal();
                    out[base + i * dim + j] = g;
                    norm += g * g;
                }
                double radius = Math.sqrt(y / norm);
                for (int j = 0; j < i; j++) {
                    out[base + i * dim + j] *= radius;
                }
                out[base + i * dim + i] = Math.sqrt(1 - y);
            }
        }
        return Tensor.of(concentration.backend(), out, concentration.dtype(), shape(sampleShape));
    }

    @Override
    public LKJCholesky expand(Shape newBatchShape) {
        return new LKJCholesky(dim, expandParam(concentration, checkExpand(newBatchShape)));
    }
}
