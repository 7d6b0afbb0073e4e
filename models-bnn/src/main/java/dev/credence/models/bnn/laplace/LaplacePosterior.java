package dev.credence.models.bnn.laplace;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.random.RandomKey;
import dev.credence.models.bnn.posterior.WeightLayout;
import dev.credence.models.bnn.posterior.WeightPosterior;
import java.util.Arrays;
import java.util.List;

/**
 * A Laplace approximation {@code N(theta*, (H + D)^-1)} over some of a network's weights, the
 * others fixed at {@code theta*}: the MAP estimate, the GGN curvature {@code H} in one of the
 * structures of {@link LaplaceSettings}, and the prior precision {@code D}: {@code delta I} for one
 * isotropic prior, or, with per-layer precisions, {@code delta_c I} on the weights of each
 * curvature piece {@code c} (one piece per layer for K-FAC and, under per-layer priors, for the
 * diagonal).
 *
 * <p>{@link #logEvidence} is the Laplace approximation of the log marginal likelihood (MacKay 1992;
 * Laplace Redux, equation 5) for the prior {@code N(0, D^-1)} on the covered weights:
 *
 * <pre>
 * log p(D | delta) ~ log p(D | theta*) + sum_c [ -(delta_c / 2) |theta*_c|^2 + (P_c / 2) log delta_c
 *                                                 - (1 / 2) log det(H_c + delta_c I) ]
 * </pre>
 *
 * (the {@code 2 pi} terms of prior and posterior cancel). The pieces' terms are independent, so
 * per-layer precisions are tuned one piece at a time, each by a one-dimensional search; a single
 * precision maximises the sum. Draws are exact draws from the Gaussian; {@link LaplacePredictor}
 * gives the linearised (GLM) predictive.
 */
public final class LaplacePosterior extends WeightPosterior {
    private final double[] mode;
    private final List<LayerBlock> blocks;
    private final List<Curvature> curvatures;
    private final double logLikelihood;
    private final double[] pieceNorms;
    private final double[] deltas;
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
        this.pieceNorms = new double[curvatures.size()];
        for (int c = 0; c < pieceNorms.length; c++) {
            for (LayerBlock b : curvatures.get(c).blocks()) {
                for (int i = 0; i < b.rows(); i++) {
                    for (int o = 0; o < b.cols(); o++) {
                        double v = mode[b.position(i, o)];
                        pieceNorms[c] += v * v;
                    }
                }
            }
        }
        this.deltas = new double[curvatures.size()];
        if (!Double.isNaN(delta)) {
            Arrays.fill(deltas, delta);
        } else if (settings.priorStructure() == LaplaceSettings.PriorStructure.LAYERWISE) {
            for (int c = 0; c < deltas.length; c++) {
                int piece = c;
                deltas[c] = MarginalLikelihood.maximise(d -> pieceEvidence(piece, d));
            }
        } else {
            Arrays.fill(deltas, MarginalLikelihood.maximise(this::logEvidence));
        }
    }

    /** One piece's prior and curvature terms of the evidence. */
    private double pieceEvidence(int c, double d) {
        Curvature k = curvatures.get(c);
        return -0.5 * d * pieceNorms[c] + 0.5 * k.size() * Math.log(d) - 0.5 * k.logDet(d);
    }

    /**
     * The Laplace log marginal likelihood with one prior precision for all covered weights.
     *
     * @param d the prior precision
     * @return {@code log p(D | d)}
     */
    public double logEvidence(double d) {
        double[] all = new double[curvatures.size()];
        Arrays.fill(all, d);
        return logEvidence(all);
    }

    /**
     * The Laplace log marginal likelihood with one prior precision per curvature piece.
     *
     * @param d the precisions, in the order of {@link #priorPrecisions()}
     * @return {@code log p(D | d)}
     */
    public double logEvidence(double[] d) {
        if (d.length != curvatures.size()) {
            throw new IllegalArgumentException(
                    "Laplace: expected "
                            + curvatures.size()
                            + " prior precisions (one per curvature piece), found "
                            + d.length);
        }
        double e = logLikelihood;
        for (int c = 0; c < d.length; c++) {
            e += pieceEvidence(c, d[c]);
        }
        return e;
    }

    /**
     * The prior precisions in use, given or tuned by the marginal likelihood: one per curvature
     * piece (all equal under one isotropic prior).
     *
     * @return a copy, in the order of the pieces (network order for K-FAC)
     */
    public double[] priorPrecisions() {
        return deltas.clone();
    }

    /**
     * The prior precision of one curvature piece.
     *
     * @param piece the piece's index
     * @return its precision
     */
    double priorPrecision(int piece) {
        return deltas[piece];
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
                curvatures.get(c).addSample(theta, key.fold(s).fold(c), deltas[c]);
            }
            out[s] = theta;
        }
        return out;
    }
}
