package dev.credence.models.bnn.swag;

import dev.credence.api.optim.LearningRate;
import dev.credence.api.optim.Sgd;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.Network;
import dev.credence.models.bnn.baseline.PointTrainer;
import dev.credence.models.bnn.baseline.TrainSettings;
import dev.credence.models.bnn.posterior.MixturePosterior;
import dev.credence.models.bnn.posterior.WeightLayout;
import dev.credence.models.bnn.posterior.WeightPosterior;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits SWAG and MultiSWAG posteriors to a network (Maddox et al. 2019; Wilson and Izmailov,
 * "Bayesian Deep Learning and a Probabilistic Perspective of Generalization", NeurIPS 2020).
 *
 * <ol>
 *   <li>Pretrain a MAP network ({@link PointTrainer}, Adam) — or start from one given.
 *   <li>Run SGD with momentum at a constant learning rate on the same objective, and feed the
 *       weights into {@link SwagMoments} {@code collectPerEpoch} times per epoch.
 *   <li>The posterior is {@link SwagPosterior}: the iterates' mean with a diagonal plus low-rank
 *       covariance.
 * </ol>
 *
 * MultiSWAG repeats this from {@code M} independent initialisations and mixes the SWAG posteriors
 * equally: a deep ensemble of SWAG Gaussians. Networks are batch-norm free, so no statistics need
 * updating after sampling.
 *
 * <pre>{@code
 * WeightPosterior post = Swag.fit(net, Likelihood.categorical(10), x, y,
 *         TrainSettings.defaults().withEpochs(5), SwagSettings.defaults(), RandomKey.of(1));
 * Map<String, Tensor> w = post.sample(RandomKey.of(2), 30);     // [30, ...] per weight
 * }</pre>
 */
public final class Swag {
    private Swag() {}

    /**
     * Pretrains and runs the SWAG phase.
     *
     * @param net the network
     * @param likelihood the likelihood
     * @param x the inputs {@code [N, inputs]}
     * @param y the targets {@code [N]}
     * @param pretrain the MAP pretraining (its batch size and prior are also the SWAG phase's)
     * @param s the SWAG phase
     * @param key the random key
     * @return the posterior
     */
    public static SwagPosterior fit(
            Network net,
            Likelihood likelihood,
            Tensor x,
            Tensor y,
            TrainSettings pretrain,
            SwagSettings s,
            RandomKey key) {
        RandomKey[] k = key.split(2);
        PointTrainer.Trained map =
                PointTrainer.train(net, likelihood, x, y, pretrain.withDropout(0), k[0]);
        return fromSolution(net, likelihood, x, y, pretrain, s, map, k[1]);
    }

    /**
     * Runs the SWAG phase from a trained network.
     *
     * @param net the network
     * @param likelihood the likelihood
     * @param x the inputs
     * @param y the targets
     * @param objective the objective's batch size and prior (epochs and learning rate unused)
     * @param s the SWAG phase
     * @param start the trained network
     * @param key the key of the minibatch order
     * @return the posterior
     */
    public static SwagPosterior fromSolution(
            Network net,
            Likelihood likelihood,
            Tensor x,
            Tensor y,
            TrainSettings objective,
            SwagSettings s,
            PointTrainer.Trained start,
            RandomKey key) {
        WeightLayout layout = new WeightLayout(net.shapes());
        SwagMoments[] moments = {SwagMoments.empty(layout.size(), s.rank())};
        TrainSettings phase =
                objective.withEpochs(s.epochs()).withLearningRate(s.learningRate()).withDropout(0);
        Sgd sgd = new Sgd(LearningRate.constant(s.learningRate()), s.momentum(), false, 0);
        PointTrainer.Trained end;
        try {
            end =
                    PointTrainer.train(
                            net,
                            likelihood,
                            x,
                            y,
                            phase,
                            key,
                            sgd,
                            start,
                            (epoch, step, steps, weights) -> {
                                int every = Math.max(1, steps / s.collectPerEpoch());
                                if ((step + 1) % every == 0
                                        && (step + 1) / every <= s.collectPerEpoch()) {
                                    moments[0] = moments[0].update(layout.flatten(weights));
                                }
                            });
        } catch (ArithmeticException e) {
            // name the phase: its step size is the SWAG option, not the pretraining's
            throw new ArithmeticException(
                    "SWAG's SGD phase (step size swag-lr "
                            + s.learningRate()
                            + ", after the pretraining): "
                            + e.getMessage());
        }
        return new SwagPosterior(
                moments[0], layout, x.backend(), x.dtype(), end.noise(), s.scale());
    }

    /**
     * MultiSWAG: {@code members} independent SWAG runs, mixed equally.
     *
     * @param net the network
     * @param likelihood the likelihood
     * @param x the inputs
     * @param y the targets
     * @param pretrain the MAP pretraining of each member
     * @param s the SWAG phase of each member
     * @param members the number of members, at least 1
     * @param key the random key (member {@code m} uses {@code key.fold(m)})
     * @return the mixture
     */
    public static MixturePosterior multi(
            Network net,
            Likelihood likelihood,
            Tensor x,
            Tensor y,
            TrainSettings pretrain,
            SwagSettings s,
            int members,
            RandomKey key) {
        if (members < 1) {
            throw new IllegalArgumentException(
                    "MultiSWAG: needs at least one member, found " + members);
        }
        List<WeightPosterior> parts = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            parts.add(fit(net, likelihood, x, y, pretrain, s, key.fold(m)));
        }
        return new MixturePosterior(parts);
    }
}
