package dev.credence.models.bnn.laplace;

import dev.credence.api.nn.Conv2d;
import dev.credence.api.nn.Linear;
import dev.credence.api.nn.Module;
import dev.credence.models.bnn.layer.BayesianLinear;
import dev.credence.models.bnn.posterior.WeightLayout;

/**
 * One weighted layer seen as a matrix {@code Theta [inputs + 1, outputs]}: the weight with the bias
 * as an extra input row, so that the layer's output at an input {@code a} is {@code [a, 1] Theta}.
 * For a convolution an input is one receptive field (a patch of {@code C k k} values) and every
 * output position is one more use of the same matrix. Curvature approximations work in this matrix
 * form ({@code Theta}'s row-major order is the order of the Kronecker product {@code A (x) G});
 * this record maps an entry {@code (i, o)} back to its place in the network's flat weight vector.
 *
 * @param index the layer's index in the network
 * @param module the layer ({@link Linear} or {@link Conv2d})
 * @param weightOffset where the weight starts in the flat vector
 * @param biasOffset where the bias starts in the flat vector
 */
public record LayerBlock(int index, Module module, int weightOffset, int biasOffset) {

    /**
     * The block of a network layer.
     *
     * @param index the layer's index
     * @param module the layer, weighted
     * @param layout the network's weight layout
     * @return the block
     */
    public static LayerBlock of(int index, Module module, WeightLayout layout) {
        if (!(module instanceof Linear || module instanceof Conv2d)) {
            throw new IllegalArgumentException(
                    "Laplace: layer " + index + " (" + module + ") has no weights");
        }
        String name = Integer.toString(index);
        return new LayerBlock(
                index,
                module,
                layout.offset(BayesianLinear.weightSite(name)),
                layout.offset(BayesianLinear.biasSite(name)));
    }

    /** {@return whether the layer is a convolution} */
    public boolean isConv() {
        return module instanceof Conv2d;
    }

    /** {@return the rows of Theta: the inputs (a patch for a convolution) plus one for the bias} */
    public int rows() {
        return (module instanceof Conv2d c ? c.fanIn() : ((Linear) module).in()) + 1;
    }

    /** {@return the columns of Theta: the outputs (channels for a convolution)} */
    public int cols() {
        return module instanceof Conv2d c ? c.out() : ((Linear) module).out();
    }

    /** {@return the number of parameters, rows times columns} */
    public int size() {
        return rows() * cols();
    }

    /**
     * Where entry {@code (i, o)} of Theta lives in the flat weight vector: a linear weight is
     * {@code [in, out]} row-major, a convolution's {@code [out, C k k]}; the bias row maps to the
     * bias.
     *
     * @param i the row
     * @param o the column
     * @return the flat position
     */
    public int position(int i, int o) {
        int in = rows() - 1;
        if (i == in) {
            return biasOffset + o;
        }
        return isConv() ? weightOffset + o * in + i : weightOffset + i * cols() + o;
    }
}
