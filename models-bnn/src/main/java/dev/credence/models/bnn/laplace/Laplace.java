package dev.credence.models.bnn.laplace;

import dev.credence.api.nn.Conv2d;
import dev.credence.api.nn.Linear;
import dev.credence.api.nn.Module;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.Network;
import dev.credence.models.bnn.posterior.WeightLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds Laplace approximations of a trained network's posterior (Daxberger et al. 2021, "Laplace
 * Redux"): given the MAP weights, one pass over the training data accumulates the GGN of the chosen
 * weights ({@link GgnPass}), its structure is decomposed once (eigenvalues of the dense matrix or
 * of each Kronecker factor; the diagonal as it is), and the prior precision (one, or one per layer)
 * is tuned by the marginal likelihood unless given.
 *
 * <pre>{@code
 * PointTrainer.Trained map = PointTrainer.train(net, lik, x, y, settings, key);
 * LaplacePosterior post = Laplace.fit(net, lik, map.weights(), map.noise(), x, y,
 *         LaplaceSettings.lastLayer(), RandomKey.of(2));
 * Predictor p = new LaplacePredictor(post, net, lik, LaplacePredictor.Mode.PROBIT);
 * }</pre>
 */
public final class Laplace {
    private Laplace() {}

    /**
     * Fits the approximation.
     *
     * @param net the network
     * @param likelihood the likelihood (categorical, or Gaussian with a fixed noise scale)
     * @param map the MAP weights by name
     * @param noise the homoscedastic noise scale at the MAP estimate, or NaN for classification
     * @param x the training inputs {@code [N, inputs]}
     * @param y the training targets {@code [N]}
     * @param s the settings
     * @param key the key of the batch order and of sampled labels
     * @return the posterior
     */
    public static LaplacePosterior fit(
            Network net,
            Likelihood likelihood,
            Map<String, Tensor> map,
            double noise,
            Tensor x,
            Tensor y,
            LaplaceSettings s,
            RandomKey key) {
        if (likelihood.hasNoiseSite() == Double.isNaN(noise)) {
            throw new IllegalArgumentException(
                    "Laplace: a homoscedastic Gaussian likelihood needs its noise scale, other"
                            + " likelihoods none (found "
                            + noise
                            + " for "
                            + likelihood.describe()
                            + ")");
        }
        WeightLayout layout = new WeightLayout(net.shapes());
        List<LayerBlock> blocks = blocks(net, layout, s.subset());
        GgnPass.Result r = GgnPass.run(net, map, likelihood, noise, x, y, blocks, s, key);
        List<Curvature> curvatures = new ArrayList<>();
        switch (s.structure()) {
            case FULL ->
                    curvatures.add(
                            new DenseCurvature(blocks, SymmetricEigen.of(r.full()), x.backend()));
            case DIAGONAL -> {
                if (s.priorStructure() == LaplaceSettings.PriorStructure.LAYERWISE) {
                    // one piece per layer, so that each gets its own precision
                    int at = 0;
                    for (LayerBlock b : blocks) {
                        double[] h = Arrays.copyOfRange(r.diagonal(), at, at + b.size());
                        curvatures.add(new DiagonalCurvature(List.of(b), h, x.backend()));
                        at += b.size();
                    }
                } else {
                    curvatures.add(new DiagonalCurvature(blocks, r.diagonal(), x.backend()));
                }
            }
            case KFAC -> {
                for (int l = 0; l < blocks.size(); l++) {
                    curvatures.add(
                            new KroneckerCurvature(
                                    blocks.get(l),
                                    SymmetricEigen.of(r.a().get(l)),
                                    SymmetricEigen.of(r.g().get(l)),
                                    x.backend()));
                }
            }
        }
        return new LaplacePosterior(
                layout,
                x.backend(),
                x.dtype(),
                noise,
                layout.flatten(map),
                blocks,
                curvatures,
                r.logLikelihood(),
                s.priorPrecision(),
                s);
    }

    /** The covered layers, in network order. */
    static List<LayerBlock> blocks(
            Network net, WeightLayout layout, LaplaceSettings.Subset subset) {
        List<Module> layers = net.body().layers();
        List<LayerBlock> out = new ArrayList<>();
        if (subset == LaplaceSettings.Subset.LAST_LAYER) {
            int head = net.head();
            out.add(LayerBlock.of(head, layers.get(head), layout));
            return out;
        }
        for (int i = 0; i < layers.size(); i++) {
            Module m = layers.get(i);
            if (m instanceof Linear || m instanceof Conv2d) {
                out.add(LayerBlock.of(i, m, layout));
            }
        }
        return out;
    }
}
