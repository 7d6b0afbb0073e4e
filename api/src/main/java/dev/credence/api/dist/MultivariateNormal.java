package dev.credence.api.dist;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;

/**
 * The multivariate normal distribution with mean {@code loc} and covariance {@code L L^T}, given by
 * its lower Cholesky factor {@code L = scaleTril}:
 *
 * <pre>
 * log p(x) = -|z|^2 / 2 - sum_i log L_ii - (d / 2) log(2 pi),   L z = x - loc
 * </pre>
 *
 * where {@code z} comes from a triangular solve. Reparameterised as {@code loc + L eps}.
 */
public final class MultivariateNormal extends Distribution {
    private final Tensor loc;
    private final Tensor scaleTril;
    private final int dim;

    /**
     * Creates a batch of multivariate normals.
     *
     * @param loc means, shape {@code [..., d]}
     * @param scaleTril lower Cholesky factors of the covariances, shape {@code [..., d, d]}
     */
    public MultivariateNormal(Tensor loc, Tensor scaleTril) {
        super(batchOf(loc, scaleTril), Shape.of(loc.dim(-1)));
        broadcastParams("MultivariateNormal", loc, scaleTril);
        this.dim = loc.dim(-1);
        this.loc = expandParam(loc, batchShape(), dim);
        this.scaleTril = expandParam(scaleTril, batchShape(), dim, dim);
        checkParam("loc", this.loc, Constraints.realVector());
        checkParam("scaleTril", this.scaleTril, Constraints.lowerCholesky());
    }

    /**
     * Creates a multivariate normal from a covariance matrix, factorised here.
     *
     * @param loc means, shape {@code [..., d]}
     * @param covariance symmetric positive-definite matrices, shape {@code [..., d, d]}
     * @return the distribution
     */
    public static MultivariateNormal withCovariance(Tensor loc, Tensor covariance) {
        return new MultivariateNormal(loc, LinearAlgebra.cholesky(covariance));
    }

    private static Shape batchOf(Tensor loc, Tensor l) {
        if (loc.rank() < 1 || l.rank() < 2 || l.dim(-1) != l.dim(-2) || l.dim(-1) != loc.dim(-1)) {
            throw new IllegalArgumentException(
                    "MultivariateNormal: needs loc [..., d] and scaleTril [..., d, d], found "
                            + loc.shape()
                            + " and "
                            + l.shape());
        }
        int[] a = loc.shape().dims();
        int[] b = l.shape().dims();
        return Shape.broadcast(
                Shape.of(Arrays.copyOf(a, a.length - 1)),
                Shape.of(Arrays.copyOf(b, b.length - 2)),
                "MultivariateNormal batch shapes");
    }

    /**
     * Returns the means.
     *
     * @return shape {@code batch + [d]}
     */
    public Tensor loc() {
        return loc;
    }

    /**
     * Returns the lower Cholesky factors of the covariances.
     *
     * @return shape {@code batch + [d, d]}
     */
    public Tensor scaleTril() {
        return scaleTril;
    }

    /**
     * Returns the covariance matrices {@code L L^T}.
     *
     * @return shape {@code batch + [d, d]}
     */
    public Tensor covariance() {
        return scaleTril.matmul(scaleTril.transpose());
    }

    @Override
    public Constraint support() {
        return Constraints.realVector();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    @Override
    public Tensor rsample(RandomKey key, int... sampleShape) {
        Tensor eps = standardNormal(key, loc, shape(sampleShape)).unsqueeze(-1);
        return loc.add(scaleTril.matmul(eps).squeeze(-1));
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor diff = value.sub(loc).unsqueeze(-1);
        Tensor z = LinearAlgebra.triangularSolve(scaleTril, diff, true, false).squeeze(-1);
        Tensor halfLogDet = LinearAlgebra.diagonal(scaleTril).log().sum(false, -1);
        return z.square().sum(false, -1).mul(-0.5).sub(halfLogDet).sub(dim * Normal.HALF_LOG_2PI);
    }

    @Override
    public Tensor mean() {
        return loc;
    }

    @Override
    public Tensor variance() {
        return scaleTril.square().sum(false, -1);
    }

    @Override
    public Tensor entropy() {
        Tensor halfLogDet = LinearAlgebra.diagonal(scaleTril).log().sum(false, -1);
        return halfLogDet.add(dim * (0.5 + Normal.HALF_LOG_2PI));
    }

    @Override
    public MultivariateNormal expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new MultivariateNormal(
                expandParam(loc, s, dim), expandParam(scaleTril, s, dim, dim));
    }
}
