package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.dist.internal.HostSampler;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Tensor;

/**
 * Student's t distribution with {@code df} degrees of freedom, location and scale:
 *
 * <pre>
 * log p(x) = lgamma((df + 1) / 2) - lgamma(df / 2) - log(df pi) / 2 - log scale
 *            - (df + 1) / 2 * log1p(z^2 / df),   z = (x - loc) / scale
 * </pre>
 *
 * Draws are {@code loc + scale Z / sqrt(V / df)} with {@code Z} standard normal and {@code V}
 * chi-square; they carry no gradient, since the chi-square draw is not reparameterised.
 */
public final class StudentT extends Distribution {
    private final Tensor df;
    private final Tensor loc;
    private final Tensor scale;

    /**
     * Creates a batch of Student's t distributions.
     *
     * @param df the degrees of freedom, positive
     * @param loc the locations
     * @param scale the scales, positive
     */
    public StudentT(Tensor df, Tensor loc, Tensor scale) {
        super(broadcastParams("StudentT", df, loc, scale), Shape.scalar());
        this.df = expandParam(df, batchShape());
        this.loc = expandParam(loc, batchShape());
        this.scale = expandParam(scale, batchShape());
        checkParam("df", this.df, Constraints.positive());
        checkParam("loc", this.loc, Constraints.real());
        checkParam("scale", this.scale, Constraints.positive());
    }

    /**
     * Creates a FLOAT64 scalar Student's t distribution.
     *
     * @param b the backend
     * @param df the degrees of freedom
     * @param loc the location
     * @param scale the scale
     * @return the distribution
     */
    public static StudentT of(Backend b, double df, double loc, double scale) {
        return new StudentT(
                Tensor.scalar(b, df, DType.FLOAT64),
                Tensor.scalar(b, loc, DType.FLOAT64),
                Tensor.scalar(b, scale, DType.FLOAT64));
    }

    /**
     * Returns the degrees of freedom.
     *
     * @return {@code df}
     */
    public Tensor df() {
        return df;
    }

    /**
     * Returns the locations.
     *
     * @return {@code loc}
     */
    public Tensor loc() {
        return loc;
    }

    /**
     * Returns the scales.
     *
     * @return {@code scale}
     */
    public Tensor scale() {
        return scale;
    }

    @Override
    public Constraint support() {
        return Constraints.real();
    }

    @Override
    public Tensor sample(RandomKey key, int... sampleShape) {
        Shape s = shape(sampleShape);
        RandomKey[] ks = key.split(2);
        double[] v = df.detach().broadcastTo(s.dims()).toDoubleArray();
        HostSampler host = new HostSampler(ks[0]);
        double[] scaleOfZ = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double chi2 = 2 * host.gamma(v[i] / 2);
            scaleOfZ[i] = 1 / Math.sqrt(chi2 / v[i]);
        }
        Tensor w = Tensor.of(loc.backend(), scaleOfZ, loc.dtype(), s);
        Tensor z = standardNormal(ks[1], loc, s);
        return loc.detach().add(scale.detach().mul(z).mul(w));
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor z = value.sub(loc).div(scale);
        Tensor half = df.mul(0.5);
        Tensor norm = half.add(0.5).lgamma().sub(half.lgamma()).sub(df.mul(Math.PI).log().mul(0.5));
        return norm.sub(scale.log()).sub(half.add(0.5).mul(z.square().div(df).log1p()));
    }

    @Override
    public Tensor mean() {
        return Tensor.where(df.gt(1), loc, loc.mul(Double.NaN));
    }

    @Override
    public Tensor variance() {
        Tensor safeDf = Tensor.where(df.gt(2), df, df.add(3));
        Tensor finite = scale.square().mul(safeDf).div(safeDf.sub(2));
        Tensor inf = scale.zerosLike().add(Double.POSITIVE_INFINITY);
        Tensor nan = scale.zerosLike().add(Double.NaN);
        return Tensor.where(df.gt(2), finite, Tensor.where(df.gt(1), inf, nan));
    }

    @Override
    public Tensor entropy() {
        Tensor half = df.mul(0.5);
        Tensor h = half.add(0.5);
        return h.mul(h.digamma().sub(half.digamma()))
                .add(df.log().mul(0.5))
                .add(Elementwise.lbeta(half, half.scalarLike(0.5)))
                .add(scale.log());
    }

    @Override
    public StudentT expand(Shape newBatchShape) {
        Shape s = checkExpand(newBatchShape);
        return new StudentT(expandParam(df, s), expandParam(loc, s), expandParam(scale, s));
    }
}
