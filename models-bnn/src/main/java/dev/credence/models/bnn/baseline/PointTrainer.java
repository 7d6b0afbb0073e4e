package dev.credence.models.bnn.baseline;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.Normal;
import dev.credence.api.optim.Adam;
import dev.credence.api.optim.Optimizer;
import dev.credence.api.optim.OptimizerState;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.io.data.Minibatches;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.Mlp;
import dev.credence.models.bnn.WeightSamples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains point-estimate networks (the objective is in {@link TrainSettings}) and packages them as
 * baselines:
 *
 * <ul>
 *   <li>{@link #map}: one network at the MAP estimate;
 *   <li>{@link #mcDropout}: one network trained with dropout, predicting with fresh dropout masks
 *       per draw (Gal and Ghahramani 2016, equation 6 and section 4);
 *   <li>{@link #ensemble}: M networks from independent initialisations and minibatch orders, whose
 *       predictive is the equal mixture (Lakshminarayanan et al. 2017; trained with the proper
 *       scoring rule of the likelihood, without the optional adversarial examples).
 * </ul>
 *
 * A homoscedastic noise scale is learned as {@code log sigma} with its {@code HalfNormal} prior.
 */
public final class PointTrainer {
    /** The initial homoscedastic noise scale. */
    public static final double INITIAL_NOISE = 0.5;

    private PointTrainer() {}

    /**
     * A trained network.
     *
     * @param weights the weights by name, detached
     * @param noise the learned homoscedastic noise scale, or NaN for other likelihoods
     * @param losses the average training loss of each epoch
     */
    public record Trained(Map<String, Tensor> weights, double noise, double[] losses) {}

    /**
     * Trains one network.
     *
     * @param mlp the network
     * @param likelihood the likelihood
     * @param x the inputs {@code [N, inputs]}
     * @param y the targets {@code [N]}
     * @param s the settings
     * @param key the key of the initialisation, minibatch order and dropout masks
     * @return the trained network
     */
    public static Trained train(
            Mlp mlp, Likelihood likelihood, Tensor x, Tensor y, TrainSettings s, RandomKey key) {
        int n = x.dim(0);
        if (y.dim(0) != n) {
            throw new IllegalArgumentException(
                    "PointTrainer: " + n + " inputs but " + y.dim(0) + " targets");
        }
        RandomKey[] k = key.split(3);
        Map<String, Tensor> init = mlp.init(x.backend(), x.dtype(), k[0]);
        List<String> names = new ArrayList<>(init.keySet());
        List<Tensor> params = new ArrayList<>(init.values());
        Distribution noisePrior = likelihood.noisePrior(x.backend(), x.dtype());
        if (noisePrior != null) {
            params.add(x.scalarLike(Math.log(INITIAL_NOISE)));
        }
        Normal weightPrior = new Normal(x.scalarLike(0), x.scalarLike(s.priorScale()));
        Optimizer opt = Adam.of(s.learningRate());
        OptimizerState state = opt.init(params);
        double[] losses = new double[s.epochs()];
        long step = 0;
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            int[][] batches = Minibatches.indices(k[1].fold(epoch), n, s.batchSize(), false);
            double total = 0;
            for (int[] idx : batches) {
                Tensor rows = Tensor.ofInts(x.backend(), idx, idx.length);
                Tensor xb = x.gather(0, rows);
                Tensor yb = y.gather(0, rows);
                RandomKey mask = s.dropout() > 0 ? k[2].fold(step) : null;
                Autodiff.ValueAndGrad r =
                        Autodiff.valueAndGrad(
                                p -> {
                                    Map<String, Tensor> w = new LinkedHashMap<>();
                                    for (int i = 0; i < names.size(); i++) {
                                        w.put(names.get(i), p.get(i));
                                    }
                                    Tensor logPrior = null;
                                    for (Tensor t : w.values()) {
                                        Tensor lp = weightPrior.logProb(t).sum();
                                        logPrior = logPrior == null ? lp : logPrior.add(lp);
                                    }
                                    Tensor noise = null;
                                    if (noisePrior != null) {
                                        Tensor logNoise = p.get(names.size());
                                        noise = logNoise.exp();
                                        logPrior = logPrior.add(noisePrior.logProb(noise));
                                    }
                                    Tensor out = mlp.forward(w, xb, s.dropout(), mask);
                                    Tensor ll = likelihood.distribution(out, noise).logProb(yb);
                                    return ll.mean().neg().sub(logPrior.div(n));
                                },
                                params);
                double loss = r.value().item();
                Optimizer.Update u = opt.step(params, r.grads(), state);
                params = new ArrayList<>(u.params());
                state = u.state();
                requireFinite(loss, params, noisePrior != null, epoch, step, s);
                total += loss * idx.length;
                step++;
            }
            losses[epoch] = total / n;
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), params.get(i).detach());
        }
        double noise = noisePrior == null ? Double.NaN : Math.exp(params.get(names.size()).item());
        return new Trained(out, noise, losses);
    }

    /**
     * Stops training with an {@link ArithmeticException} as soon as the loss or a weight is not
     * finite: later steps would only fail further from the cause, inside a distribution's argument
     * checks.
     */
    private static void requireFinite(
            double loss,
            List<Tensor> params,
            boolean logNoiseLast,
            int epoch,
            long step,
            TrainSettings s) {
        boolean ok = Double.isFinite(loss);
        for (int i = 0; ok && i < params.size(); i++) {
            double sum = params.get(i).sum().item();
            ok = Double.isFinite(sum);
            if (ok && logNoiseLast && i == params.size() - 1) {
                ok = Double.isFinite(Math.exp(sum)) && Math.exp(sum) > 0;
            }
        }
        if (!ok) {
            throw new ArithmeticException(
                    "training stopped at epoch "
                            + (epoch + 1)
                            + ", step "
                            + (step + 1)
                            + ": the loss or the weights are not finite (loss "
                            + loss
                            + ", learning rate "
                            + s.learningRate()
                            + "); try a smaller learning rate");
        }
    }

    /**
     * The MAP network.
     *
     * @param mlp the network
     * @param likelihood the likelihood
     * @param x the inputs
     * @param y the targets
     * @param s the settings (dropout is ignored)
     * @param key the key
     * @return a predictor with one weight set
     */
    public static WeightSamples map(
            Mlp mlp, Likelihood likelihood, Tensor x, Tensor y, TrainSettings s, RandomKey key) {
        Trained t = train(mlp, likelihood, x, y, s.withDropout(0), key);
        return samples(mlp, likelihood, List.of(t), 0, "MAP network, " + describe(s));
    }

    /**
     * An MC-dropout network.
     *
     * @param mlp the network
     * @param likelihood the likelihood
     * @param x the inputs
     * @param y the targets
     * @param s the settings, with a positive dropout rate
     * @param key the key
     * @return a predictor that draws dropout masks
     */
    public static WeightSamples mcDropout(
            Mlp mlp, Likelihood likelihood, Tensor x, Tensor y, TrainSettings s, RandomKey key) {
        if (!(s.dropout() > 0)) {
            throw new IllegalArgumentException(
                    "MC dropout needs a positive dropout rate, found " + s.dropout());
        }
        Trained t = train(mlp, likelihood, x, y, s, key);
        return samples(mlp, likelihood, List.of(t), s.dropout(), "MC dropout, " + describe(s));
    }

    /**
     * A deep ensemble.
     *
     * @param mlp the network
     * @param likelihood the likelihood
     * @param x the inputs
     * @param y the targets
     * @param s the settings for every member
     * @param members the number of members, at least 1
     * @param key the key (member {@code m} uses {@code key.fold(m)})
     * @return a predictor whose draws are the members
     */
    public static WeightSamples ensemble(
            Mlp mlp,
            Likelihood likelihood,
            Tensor x,
            Tensor y,
            TrainSettings s,
            int members,
            RandomKey key) {
        if (members < 1) {
            throw new IllegalArgumentException(
                    "deep ensemble: needs at least one member, found " + members);
        }
        List<Trained> ts = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            ts.add(train(mlp, likelihood, x, y, s.withDropout(0), key.fold(m)));
        }
        return samples(mlp, likelihood, ts, 0, "deep ensemble of " + members + ", " + describe(s));
    }

    private static WeightSamples samples(
            Mlp mlp, Likelihood likelihood, List<Trained> ts, double dropout, String what) {
        boolean homo = likelihood.hasNoiseSite();
        List<Map<String, Tensor>> w = new ArrayList<>();
        double[] noise = new double[homo ? ts.size() : 0];
        for (int i = 0; i < ts.size(); i++) {
            w.add(ts.get(i).weights());
            if (homo) {
                noise[i] = ts.get(i).noise();
            }
        }
        return new WeightSamples(mlp, likelihood, w, noise, dropout, what);
    }

    private static String describe(TrainSettings s) {
        return s.epochs()
                + " epochs, batch "
                + s.batchSize()
                + ", lr "
                + s.learningRate()
                + ", prior N(0, "
                + s.priorScale()
                + "^2)"
                + (s.dropout() > 0 ? ", dropout " + s.dropout() : "");
    }
}
