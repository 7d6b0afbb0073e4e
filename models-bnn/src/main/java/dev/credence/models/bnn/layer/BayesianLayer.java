package dev.credence.models.bnn.layer;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.model.ModelContext;
import dev.credence.api.nn.Conv2d;
import dev.credence.api.nn.Linear;
import dev.credence.api.nn.Module;
import dev.credence.api.tensor.Tensor;

/**
 * A layer whose weight and bias are random variables: {@link #sample} declares them as the sites
 * {@code <name>.weight} and {@code <name>.bias} with a {@link WeightPrior} (outside the data
 * plate), and {@link #forward} computes a minibatch's outputs with the layer's {@link Estimator}
 * (inside it). {@link BayesianLinear} and {@link BayesianConv2d} are the two kinds; {@link #of}
 * makes the Bayesian version of a weighted {@code api.nn} module.
 */
public sealed interface BayesianLayer permits BayesianLinear, BayesianConv2d {

    /**
     * A draw of a layer's parameters.
     *
     * @param weight the weight
     * @param bias the bias
     */
    record Draw(Tensor weight, Tensor bias) {}

    /**
     * Declares the weight and bias sites. Call it outside any data plate: the parameters are
     * global, shared by every example.
     *
     * @param ctx the model context
     * @param name the layer's name, the prefix of its sites
     * @param b the backend
     * @param dtype the dtype
     * @return the values the sites took
     */
    Draw sample(ModelContext ctx, String name, Backend b, DType dtype);

    /**
     * The output for a draw, using the estimator when the tap knows the Gaussian behind the weight.
     *
     * @param x the input
     * @param draw the parameters
     * @param tap the guide's tap, or null
     * @return the output
     */
    Tensor forward(Tensor x, Draw draw, GuideTap tap);

    /**
     * The Bayesian version of a weighted module.
     *
     * @param m a {@link Linear} or {@link Conv2d} module (with a bias)
     * @param prior the prior of its weight and bias
     * @param e the training-time estimator
     * @return the layer, or null if the module has no weights
     */
    static BayesianLayer of(Module m, WeightPrior prior, Estimator e) {
        if (m instanceof Linear l) {
            return new BayesianLinear(l.in(), l.out(), prior, e);
        }
        if (m instanceof Conv2d c) {
            return new BayesianConv2d(c, prior, e);
        }
        return null;
    }
}
