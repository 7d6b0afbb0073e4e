package dev.credence.api.dist;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Shape;
import dev.credence.api.dist.constraint.Constraint;
import dev.credence.api.dist.constraint.Constraints;
import dev.credence.api.dist.internal.HostSampler;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Tensor;
import java.util.Arrays;

/**
 * The Dirichlet distribution on the simplex: {@code log p(x) = sum_j (a_j - 1) log x_j +
 * lgamma(sum_j a_j) - sum_j lgamma(a_j)}. Draws normalise independent gammas {@code G_j ~
 * Gamma(a_j, 1)} (in log space, so small concentrations keep their precision). {@link #rsample} is
 * {@code softmax(log G)} with the implicit gradient of each gamma (Figurnov et al. 2018; see {@link
 * ImplicitGamma}).
 */
public final class Dirichlet extends Distribution {
    private final Tensor concentration;
    private final int categories;

    /**
     * Creates a batch of Dirichlet distributions.
     *
     * @param concentration positive concentrations, shape {@code batch + [K]}
     */
    public Dirichlet(Tensor concentration) {
        super(batchOf(concentration), Shape.of(concentration.dim(-1)));
        broadcastParams("Dirichlet", concentration);
        this.concentration = concentration;
        this.categories = concentration.dim(-1);
        checkParam(
                "concentration", concentration, Constraints.independent(Constraints.positive(), 1));
    }

    /**
     * Creates a FLOAT64 Dirichlet distribution.
     *
     * @param b the backend
     * @param concentration the concentrations, at least two
     * @return the distribution
     */
    public static Dirichlet of(Backend b, double... concentration) {
        return new Dirichlet(Tensor.of(b, concentration));
    }

    private static Shape batchOf(Tensor c) {
        if (c.rank() < 1 || c.dim(-1) < 2) {
            throw new IllegalArgumentException(
                    "Dirichlet: concentration must have shape [..., K] with K >= 2, found "
                            + c.shape());
        }
        int[] d = c.shape().dims();
        return Shape.of(Arrays.copyOf(d, d.length - 1));
    }

    /**
     * Returns the concentrations.
     *
     * @return shape {@code batch + [K]}
     */
    public Tensor concentration() {
        return concentration;
    }

    @Override
    public Constraint support() {
        return Constraints.simplex();
    }

    @Override
    public boolean hasRsample() {
        return true;
    }

    @Override
    public Tensor rsample(RandomKey key, int... sampleShape) {
        Tensor logG = ImplicitGamma.logStandardGammas(key, shape(sampleShape), concentration)[0];
        return logG.sub(logG.logSumExp(true, -1)).exp();
    }

    @Override
    public Tensor sample(RandomKey key, int... sampleShape) {
        Shape s = shape(sampleShape);
        double[] a = concentration.detach().broadcastTo(s.dims()).toDoubleArray();
        HostSampler host = new HostSampler(key);
        double[] out = new double[a.length];
        for (int row = 0; row < a.length; row += categories) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < categories; j++) {
                out[row + j] = host.logGamma(a[row + j]);
                max = Math.max(max, out[row + j]);
            }
            double total = 0;
            for (int j = 0; j < categories; j++) {
                out[row + j] = Math.exp(out[row + j] - max);
                total += out[row + j];
            }
            for (int j = 0; j < categories; j++) {
                out[row + j] /= total;
            }
        }
        return Tensor.of(concentration.backend(), out, concentration.dtype(), s);
    }

    @Override
    public Tensor logProb(Tensor value) {
        checkValue(value);
        Tensor a = concentration;
        Tensor terms = Elementwise.xlogy(a.sub(1), value).sum(false, -1);
        return terms.add(a.sum(false, -1).lgamma()).sub(a.lgamma().sum(false, -1));
    }

    @Override
    public Tensor mean() {
        return concentration.div(concentration.sum(true, -1));
    }

    @Override
    public Tensor variance() {
        Tensor a0 = concentration.sum(true, -1);
        return concentration.mul(a0.sub(concentration)).div(a0.square().mul(a0.add(1)));
    }

    @Override
    public Tensor entropy() {
        Tensor a = concentration;
        Tensor a0 = a.sum(false, -1);
        Tensor logB = a.lgamma().sum(false, -1).sub(a0.lgamma());
        return logB.add(a0.sub(categories).mul(a0.digamma()))
                .sub(a.sub(1).mul(a.digamma()).sum(false, -1));
    }

    @Override
    public Dirichlet expand(Shape newBatchShape) {
        return new Dirichlet(expandParam(concentration, checkExpand(newBatchShape), categories));
    }
}
