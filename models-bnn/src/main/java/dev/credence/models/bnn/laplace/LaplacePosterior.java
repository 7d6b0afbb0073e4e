package dev.credence.models.bnn.laplace;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.models.bnn.posterior.WeightLayout;
import dev.credence.models.bnn.posterior.WeightPosterior;
import java.util.List;

/**
 * A Laplace approximation {@code N(theta*, (H + delta I)^-1)} over some of a network's weights, the
 * others fixed at {@code theta*}: the MAP estimate, the GGN curvature {@code H} in one of the
 * structures of {@link LaplaceSettings}, and the prior precision {@code delta}.
 *
 * <p>{@link #logEvidence} is the Laplace approximation of the log marginal likelihood (MacKay 1992;
 * Laplace Redux, equation 5), for a prior {@code N(0, I / delta)} on the covered weights:
 *
 * <pre>
 * log p(D | delta) ~ log p(D | theta*) - (delta / 2) |theta*|^2 + (P / 2) log delta - (1 / 2) log det(H + delta I)
 * </pre>
 *
 * (the {@code 2 pi} terms of prior and posterior cancel). Its maximiser over {@code delta} is the
 * tuned prior precision. Draws are exact draws from the Gaussian; {@link LaplacePredictor} gives
 * the linearised (GLM) predictive of the last layer.
 */
public final class LaplacePosterior extends WeightPosterior {
    private final double[] mode;
    private final List<LayerBlock> blocks;
    private final List<Curvature> curvatures;
    private final double logLikelihood;
    private final double modeNorm;
    private final double delta;
    private final LaplaceSettings settings;

    LaplacePosterior(
            WeightLayout layout,
            Backend backend,
            DType dtype,
            double noise,
            double[] mode,
            List<LayerBlock> blocks,
            List<Curvature> curvatures,
            double logLikelihood,
            double delta,
            LaplaceSettings settings) {
        super(layout, backend, dtype, noise);
        this.mode = mode.clone();
        this.blocks = List.copyOf(blocks);
        this.curvatures = List.copyOf(curvatures);
        this.logLikelihood = logLikelihood;
        this.settings = settings;
        double sq = 0;
        for (LayerBlock b : blocks) {
            for (int i = 0; i < b.rows(); i++) {
                for (int o = 0; o < b.cols(); o++) {
                    double v = mode[b.position(i, o)];
                    sq += v * v;
                }
            }
        }
        this.modeNorm = sq;
        this.delta = Double.isNaN(delta) ? MarginalLikelihood.maximise(this::logEvidence) : delta;
    }

    /**
     * The Laplace log marginal likelihood at a prior precision.
     *
     * @param d the prior precision
     * @return {@code log p(D | d)}
     */
    public double logEvidence(double d) {
        double e = logLikelihood - 0.5 * d * modeNorm;
        for (Curvature c : curvatures) {
            e += 0.5 * c.size() * Math.log(d) - 0.5 * c.logDet(d);
        }
        return e;
    }

    /** {@return the prior precision in use (given, or tuned by the marginal likelihood)} */
    public double priorPrecision() {
        return delta;
    }

    /** {@return the log-likelihood of the training data at the mode} */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** {@return the MAP estimate, flat} */
    public double[] mode() {
        return mode.clone();
    }

    /** {@return the settings it was built with} */
    public LaplaceSettings settings() {
        return settings;
    }

    /** {@return the covered layers, in network order} */
    List<LayerBlock> blocks() {
        return blocks;
    }

    /** {@return the curvature pieces} */
    List<Curvature> curvatures() {
        return curvatures;
    }

    @Override
    protected double[][] sampleFlat(RandomKey key, int n) {
        double[][] out = new double[n][];
        for (int s = 0; s < n; s++) {
            double[] theta = mode.clone();
            for (int c = 0; c < curvatures.size(); c++) {
                curvatures.get(c).addSample(theta, key.fold(s).fold(c), delta);
            }
            out[s] = theta;
        }
        return out;
    }
}
