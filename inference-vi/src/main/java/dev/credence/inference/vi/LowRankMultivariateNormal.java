package dev.credence.inference.vi;

import dev.credence.api.backend.Shape;
import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.MultivariateNormal;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;

/**
 * The multivariate normal with covariance {@code W W^T + diag(d)}: a rank-{@code r} factor {@code
 * W} ({@code D x r}) plus a positive diagonal {@code d}, so that draws and densities cost {@code
 * O(D r^2)} instead of {@code O(D^3)}. Reparameterised as {@code loc + W e1 + sqrt(d) e2} with
 * standard normal {@code e1} (length r) and {@code e2} (length D).
 *
 * <p>The density uses the matrix determinant lemma and the Woodbury identity with the {@code r x r}
 * capacitance matrix {@code C = I + W^T diag(1/d) W}:
 *
 * <pre>
 * log det S     = log det C + sum log d
 * x^T S^-1 x    = x^T diag(1/d) x - v^T C^-1 v,    v = W^T diag(1/d) x
 * </pre>
 *
 * where {@code v^T C^-1 v} and {@code log det C} come from the r-variate normal {@code N(0, C)}.
 */
public final class LowRankMultivariateNormal extends Distribution {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final Tensor loc;
    private final Tensor covFactor;
    private final Tensor covDiag;
    private final int dim;
    private final int rank;

    /**
     * Creates the distribution.
     *
     * @param loc means, shape {@code [..., D]}
     * @param covFactor the factor W, shape {@code [..., D, r]}
     * @param covDiag the diagonal d (variances), positive, shape {@code [..., D]}
     */
    public LowRankMultivariateNormal(Tensor loc, Tensor covFactor, Tensor covDiag) {
        super(batchOf(loc, covFactor, covDiag), Shape.of(loc.dim(-1)));
        // dtypes and backends; the factor's column axis does not broadcast, so check one column
        broadcastParams(
                "LowRankMultivariateNormal", loc, covDiag, covFactor.narrow(-1, 0, 1).squeeze(-1));
        this.dim = loc.dim(-1);
        this.rank = covFactor.dim(-1);
        this.loc = expandParam(loc, batchShape(), dim);
        this.covFactor = expandParam(covFactor, batchShape(), dim, rank);
        this.covDiag = expandParam(covDiag, batchShape(), dim);
        checkParam("loc", this.loc, Constraints.realVector());
        checkParam("covDiag", this.covDiag, Constraints.positive());
    }

    private static Shape batchOf(Tensor loc, Tensor w, Tensor d) {
        if (loc.rank() < 1
                || w.rank() < 2
                || d.rank() < 1
                || w.dim(-2) != loc.dim(-1)
                || d.dim(-1) != loc.dim(-1)) {
            throw new IllegalArgumentException(
                    "LowRankMultivariateNormal: needs loc [..., D], covFactor [..., D, r] and"
                            + " covDiag [..., D], found "
                            + loc.shape()
                            + ", "
                            + w.shape()
                            + " and "
                            + d.shape());
        }
        Shape a = Shape.of(Arrays.copyOf(loc.shape().dims(), loc.rank() - 1));
        Shape b = Shape.of(Arrays.copyOf(w.shape().dims(), w.rank() - 2));
        Shape c = Shape.of(Arrays.copyOf(d.shape().dims(), d.rank() - 1));
        String what = "LowRankMultivariateNormal batch shapes";
        return Shape.broadcast(Shape.broadcast(a, b, what), c, what);
    }

    /**
     * Returns the means.
     *
     * @return shape {@code batch + [D]}
     */
    public Tensor loc() {
        return loc;
    }

    /**
     * Returns the factor W.
     *
     * @return shape {@code batch + [D, r]}
     */
    public Tensor covFactor() {
        return covFactor;
    }

    /**
     * Returns the diagonal d.
     *
     * @return shape {@code batch + [D]}
     */
    public Tensor covDiag() {
        return covDiag;
    }

    /**
     * Returns the covariance matrices {@code W W^T + diag(d)}.
     *
     * @return shape {@code batch + [D, D]}
     */
    public Tensor covariance() {
        Tensor eye = LinearAlgebra.eye(loc.backend(), dim, loc.dtype());
        return covFactor.matmul(covFactor.transpose()).add(eye.mul(covDiag.unsqueeze(-1)));
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
        RandomKey[] k = key.split(2);
        Shape batch = shape(sampleShape);
        int[] lowDims = batch.dims().clone();
        lowDims[lowDims.length - 1] = rank;
        Tensor e1 = standardNormal(k[0], loc, Shape.of(lowDims)).unsqueeze(-1);
        Tensor e2 = standardNormal(k[1], loc, batch);
        return loc.add(covFactor.matmul(e1).squeeze(-1)).add(covDiag.sqrt().mul(e2));
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor x = value.sub(loc);
        Tensor xOverD = x.div(covDiag);
        Tensor v = covFactor.transpose().matmul(xOverD.unsqueeze(-1)).squeeze(-1);
        MultivariateNormal capacitance = capacitance();
        Tensor logN = capacitance.logProb(v);
        Tensor logDetC = logDetCapacitance(capacitance);
        Tensor vCv = logN.add(logDetC.mul(0.5)).add(rank * HALF_LOG_2PI).mul(-2);
        Tensor mahalanobis = x.mul(xOverD).sum(false, -1).sub(vCv);
        Tensor logDet = logDetC.add(covDiag.log().sum(false, -1));
        return mahalanobis.add(logDet).mul(-0.5).sub(dim * HALF_LOG_2PI);
    }

    /** The r-variate normal N(0, C) with C = I + W^T diag(1/d) W. */
    private MultivariateNormal capacitance() {
        Tensor eye = LinearAlgebra.eye(loc.backend(), rank, loc.dtype());
        Tensor c = eye.add(covFactor.transpose().matmul(covFactor.div(covDiag.unsqueeze(-1))));
        int[] zeroDims = Arrays.copyOf(c.shape().dims(), c.rank() - 1);
        return MultivariateNormal.withCovariance(
                Tensor.zeros(loc.backend(), loc.dtype(), zeroDims), c);
    }

    private Tensor logDetCapacitance(MultivariateNormal c) {
        Tensor eye = LinearAlgebra.eye(loc.backend(), rank, loc.dtype());
        return c.scaleTril().mul(eye).sum(false, -1).log().sum(false, -1).mul(2);
    }

    @Override
    public Tensor mean() {
        return loc;
    }

    @Override
    public Tensor variance() {
        return covFactor.square().sum(false, -1).add(covDiag);
    }

    @Override
    public Tensor entropy() {
        Tensor logDet = logDetCapacitance(capacitance()).add(covDiag.log().sum(false, -1));
        return logDet.mul(0.5).add(dim * (0.5 + HALF_LOG_2PI));
    }

    @Override
    public LowRankMultivariateNormal expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new LowRankMultivariateNormal(
                expandParam(loc, s, dim),
                expandParam(covFactor, s, dim, rank),
                expandParam(covDiag, s, dim));
    }
}
