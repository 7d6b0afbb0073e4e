package dev.credence.models.bnn;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.Distribution;
import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.model.Plate;
import dev.credence.api.nn.Module;
import dev.credence.api.nn.Params;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.layer.BayesianLayer;
import dev.credence.models.bnn.layer.Estimator;
import dev.credence.models.bnn.layer.GuideTap;
import dev.credence.models.bnn.layer.WeightPrior;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Bayesian neural network as an ordinary {@link Model}: every weight and bias of a {@link
 * Network} (a multilayer perceptron, {@link Mlp}, or a convolutional network, {@link ConvNet}) is a
 * {@code sample} site with a prior, the data sit in a plate (with subsampling when a batch size
 * below N is set) and the targets are observed through a {@link Likelihood}:
 *
 * <pre>
 * W_l, b_l ~ prior                        for each weighted layer l (sites "0.weight", "0.bias", "2.weight", ...)
 * sigma    ~ HalfNormal(s)                homoscedastic regression only (site "noise")
 * for i in data (minibatch of B, log-likelihood scaled by N / B):
 *     f_i = network(x_i; W, b)
 *     y_i ~ Normal(f_i, sigma^2)  |  Normal(f_i1, softplus(f_i2)^2)  |  Categorical(softmax(f_i))
 * </pre>
 *
 * Because it is a plain model, the same object is fitted by NUTS over all weights (small networks,
 * full batch), by SVI with any guide (Bayes by Backprop is the mean-field Gaussian one, {@link
 * dev.credence.models.bnn.layer.MeanFieldGuide}), or used for prior predictive checks. With a
 * {@link GuideTap} attached ({@link #withTap}), layers use the local reparameterisation trick or
 * Flipout during SVI.
 *
 * <p>For prediction, {@link #withData(Tensor, Tensor)} with null targets gives the model on new
 * inputs; a posterior predictive run records the deterministic sites {@code mean}/{@code sd} or
 * {@code probs} and simulates {@code y}.
 *
 * <p>Instances are immutable; {@code with*} methods return modified copies.
 */
public final class BnnModel implements Model {
    /** The name of the data plate. */
    public static final String DATA_PLATE = "data";

    /** The stream, folded into the noise draw's key, of the copies' own noise scales. */
    private static final long LOCAL_NOISE_STREAM = 17;

    private final Network network;
    private final Likelihood likelihood;
    private final WeightPrior prior;
    private final Estimator estimator;
    private final List<Module> modules;
    private final List<BayesianLayer> layers;
    private final Tensor x;
    private final Tensor y;
    private final int batchSize;
    private final GuideTap tap;
    private final int localSamples;

    private BnnModel(
            Network network,
            Likelihood likelihood,
            WeightPrior prior,
            Estimator estimator,
            Tensor x,
            Tensor y,
            int batchSize,
            GuideTap tap,
            int localSamples) {
        this.network = network;
        this.likelihood = likelihood;
        this.prior = prior;
        this.estimator = estimator;
        this.x = x;
        this.y = y;
        this.batchSize = batchSize;
        this.tap = tap;
        this.localSamples = localSamples;
        this.modules = network.body().layers();
        List<BayesianLayer> ls = new ArrayList<>();
        for (Module m : modules) {
            ls.add(BayesianLayer.of(m, prior, estimator));
        }
        this.layers = java.util.Collections.unmodifiableList(ls);
        check();
    }

    /**
     * A full-batch multilayer perceptron on training data.
     *
     * @param architecture the network shape
     * @param likelihood the observation model
     * @param prior the weight prior
     * @param x the inputs {@code [N, inputs]}
     * @param y the targets {@code [N]} (real values, or class labels {@code 0..K-1}), or null for a
     *     prediction model
     * @return the model
     */
    public static BnnModel of(
            Architecture architecture,
            Likelihood likelihood,
            WeightPrior prior,
            Tensor x,
            Tensor y) {
        return of(new Mlp(architecture, likelihood.outputs()), likelihood, prior, x, y);
    }

    /**
     * A full-batch model of any network on training data.
     *
     * @param network the network, with {@code likelihood.outputs()} outputs
     * @param likelihood the observation model
     * @param prior the weight prior
     * @param x the inputs {@code [N, network.inputs()]}
     * @param y the targets {@code [N]}, or null for a prediction model
     * @return the model
     */
    public static BnnModel of(
            Network network, Likelihood likelihood, WeightPrior prior, Tensor x, Tensor y) {
        if (network.outputs() != likelihood.outputs()) {
            throw new IllegalArgumentException(
                    "BnnModel: the likelihood "
                            + likelihood.describe()
                            + " reads "
                            + likelihood.outputs()
                            + " outputs, the network has "
                            + network.outputs());
        }
        return new BnnModel(
                network, likelihood, prior, Estimator.REPARAMETERISATION, x, y, x.dim(0), null, 1);
    }

    private void check() {
        if (x.rank() != 2 || x.dim(1) != network.inputs()) {
            throw new IllegalArgumentException(
                    "BnnModel: inputs must be [N, " + network.inputs() + "], found " + x.shape());
        }
        if (y != null && (y.rank() != 1 || y.dim(0) != x.dim(0))) {
            throw new IllegalArgumentException(
                    "BnnModel: targets must be [N] with N = " + x.dim(0) + ", found " + y.shape());
        }
        if (localSamples < 1) {
            throw new IllegalArgumentException(
                    "BnnModel: local samples must be >= 1, found " + localSamples);
        }
        if (batchSize < 1 || batchSize > x.dim(0)) {
            throw new IllegalArgumentException(
                    "BnnModel: batch size must be in [1, " + x.dim(0) + "], found " + batchSize);
        }
    }

    /**
     * A copy that subsamples minibatches of the data (for SVI).
     *
     * @param b the batch size, at most N (N means full batch)
     * @return the model
     */
    public BnnModel withBatchSize(int b) {
        return new BnnModel(network, likelihood, prior, estimator, x, y, b, tap, localSamples);
    }

    /**
     * A copy whose layers use another training-time estimator.
     *
     * @param e the estimator
     * @return the model
     */
    public BnnModel withEstimator(Estimator e) {
        return new BnnModel(network, likelihood, prior, e, x, y, batchSize, tap, localSamples);
    }

    /**
     * A copy whose layers look up the Gaussian behind their weights in a tap.
     *
     * @param t the guide's tap, or null for none
     * @return the model
     */
    public BnnModel withTap(GuideTap t) {
        return new BnnModel(
                network, likelihood, prior, estimator, x, y, batchSize, t, localSamples);
    }

    /**
     * The same network on other data, full batch and without a tap: with null targets, the
     * prediction model.
     *
     * @param newX the inputs {@code [M, inputs]}
     * @param newY the targets {@code [M]}, or null
     * @return the model
     */
    public BnnModel withData(Tensor newX, Tensor newY) {
        return new BnnModel(
                network, likelihood, prior, estimator, newX, newY, newX.dim(0), null, 1);
    }

    /**
     * A copy that, when its layers sample locally (a tap and the {@code LOCAL} or {@code FLIPOUT}
     * estimator), evaluates every minibatch example {@code k} times with independent local noise
     * and weighs each copy's log-likelihood by {@code 1/k}.
     *
     * <p>This averages {@code k} independent estimates of the expected log-likelihood, as {@code k}
     * ELBO particles would, at the cost of one forward pass on {@code k B} rows: with the local
     * reparameterisation trick each copy's pre-activations are drawn from the weight posterior's
     * marginal independently, so the copies are exactly independent particles of the data term (the
     * KL term is not re-estimated). A homoscedastic noise scale drawn from a tapped guide is
     * redrawn per copy as well. The lower gradient variance matters because Adam, normalising noisy
     * gradients, otherwise lets the KL term's steady pull inflate the posterior scales and prune
     * hidden units.
     *
     * @param k the copies per example, at least 1
     * @return the model
     */
    public BnnModel withLocalSamples(int k) {
        return new BnnModel(network, likelihood, prior, estimator, x, y, batchSize, tap, k);
    }

    @Override
    public void run(ModelContext ctx) {
        Backend b = x.backend();
        DType dtype = x.dtype();
        List<BayesianLayer.Draw> draws = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            BayesianLayer l = layers.get(i);
            draws.add(l == null ? null : l.sample(ctx, Integer.toString(i), b, dtype));
        }
        Tensor noise = likelihood.sampleGlobals(ctx, b, dtype);
        try (Plate data = ctx.plate(DATA_PLATE, x.dim(0), batchSize)) {
            Tensor xb = data.subsample(x, 0);
            Tensor yb = y == null ? null : data.subsample(y, 0);
            int k = tap != null && estimator != Estimator.REPARAMETERISATION ? localSamples : 1;
            if (k == 1) {
                Tensor h = network(xb, draws);
                likelihood.record(ctx, h, noise);
                ctx.sample(Likelihood.Y_SITE, likelihood.distribution(h, noise), yb);
            } else {
                observeCopies(ctx, xb, yb, draws, noise, k);
            }
        }
    }

    private Tensor network(Tensor xb, List<BayesianLayer.Draw> draws) {
        Params none = Params.of(Map.of());
        Tensor h = xb;
        for (int i = 0; i < layers.size(); i++) {
            BayesianLayer l = layers.get(i);
            h = l == null ? modules.get(i).apply(none, h, null) : l.forward(h, draws.get(i), tap);
        }
        return h;
    }

    /** {@code k} copies of the minibatch in one pass, each copy's log-likelihood weighed 1/k. */
    private void observeCopies(
            ModelContext ctx,
            Tensor xb,
            Tensor yb,
            List<BayesianLayer.Draw> draws,
            Tensor noise,
            int k) {
        int b = xb.dim(0);
        Tensor xs = xb.unsqueeze(0).broadcastTo(k, b, xb.dim(1)).reshape(k * b, xb.dim(1));
        Tensor h = network(xs, draws);
        Tensor localNoise = noise;
        GuideTap.Entry q = noise == null ? null : tap.lookup(noise);
        if (q != null) {
            // The noise scale is global too: give each copy its own draw from the guide.
            localNoise = q.redraw(q.key().fold(LOCAL_NOISE_STREAM), k).reshape(k, 1);
        }
        Distribution copies = likelihood.distribution(h.reshape(k, b, h.dim(1)), localNoise);
        Tensor ys = yb.unsqueeze(0).broadcastTo(k, b);
        Handlers.scale(c -> c.sample(Likelihood.Y_SITE, copies, ys), 1.0 / k).run(ctx);
    }

    /**
     * The network's outputs for given weights, outside any model run (no estimator, no sites).
     *
     * @param weights values of every weight and bias site
     * @param inputs the inputs {@code [M, inputs]}
     * @return the outputs {@code [M, likelihood().outputs()]}
     */
    public Tensor forward(Map<String, Tensor> weights, Tensor inputs) {
        return network.forward(weights, inputs, 0, null);
    }

    /**
     * Returns the deterministic network, whose weight names are this model's sites.
     *
     * @return the network
     */
    public Network network() {
        return network;
    }

    /**
     * The shapes of the weight and bias sites, in declaration order.
     *
     * @return shape by site name
     */
    public Map<String, int[]> weightShapes() {
        return network.shapes();
    }

    /**
     * The number of weights and biases.
     *
     * @return the total size of the weight sites
     */
    public int weightCount() {
        return network.weightCount();
    }

    /**
     * Returns the likelihood.
     *
     * @return the likelihood
     */
    public Likelihood likelihood() {
        return likelihood;
    }

    /**
     * Returns the weight prior.
     *
     * @return the prior
     */
    public WeightPrior prior() {
        return prior;
    }

    /**
     * Returns the training-time estimator of the layers.
     *
     * @return the estimator
     */
    public Estimator estimator() {
        return estimator;
    }

    /**
     * Returns the inputs.
     *
     * @return {@code [N, inputs]}
     */
    public Tensor x() {
        return x;
    }

    /**
     * Returns the targets.
     *
     * @return {@code [N]}, or null for a prediction model
     */
    public Tensor y() {
        return y;
    }

    /**
     * Returns the minibatch size.
     *
     * @return B, equal to N for full batch
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Returns the number of examples.
     *
     * @return N
     */
    public int size() {
        return x.dim(0);
    }

    @Override
    public String toString() {
        return "BnnModel["
                + network.describe()
                + ", "
                + likelihood.describe()
                + ", prior "
                + prior.describe()
                + ", "
                + estimator
                + ", N="
                + x.dim(0)
                + ", B="
                + batchSize
                + "]";
    }
}
