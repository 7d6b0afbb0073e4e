package dev.credence.models.bnn.laplace;

import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.LinearAlgebra;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The linearised (GLM) predictive of a Laplace approximation over any layers (Immer, Korzepa and
 * Bauer, "Improving predictions of Bayesian neural nets via local linearization", AISTATS 2021;
 * Laplace Redux, section 2.3): the network is replaced by its first-order expansion in the weights
 * around the MAP estimate, {@code f(x, theta) ~ f(x, theta*) + J(x) (theta - theta*)}, so the
 * outputs are Gaussian, {@code N(f(x, theta*), J(x) Sigma J(x)^T)}.
 *
 * <p>The Jacobian of output {@code c} in a layer's Theta matrix is {@code sum_t a_t^T g_{c,t}}: the
 * layer's input rows {@code a_t} (one per output position {@code t}; one for a dense layer) times
 * the gradient {@code g_{c,t}} of output {@code c} at the layer's outputs. One forward pass gives
 * every {@code a}, one backward pass per output gives every {@code g_c} of every layer at once
 * (through {@link ProbedForward}'s probes), so a batch costs {@code K + 1} passes for {@code K}
 * outputs. Each {@link Curvature} turns these into its part of {@code J Sigma J^T} without forming
 * {@code J} where its structure allows (K-FAC over a dense layer: {@code O(rows^2 + K cols^2)} per
 * example).
 *
 * <pre>{@code
 * Tensor[] fc = LinearisedOutputs.meanAndCovariance(posterior, net, weights, x);
 * fc[0];   // f(x, theta*)   [N, K]
 * fc[1];   // J Sigma J^T    [N, K, K]
 * }</pre>
 */
final class LinearisedOutputs {
    private LinearisedOutputs() {}

    /**
     * Every covered layer's input rows and output gradients at a batch.
     *
     * @param blocks the covered layers, in network order
     * @param inputs per layer, the input rows with the bias entry {@code [B, T, rows]}, FLOAT64
     * @param grads per layer, the gradients of every output at the layer's outputs {@code [B, K, T,
     *     cols]}, FLOAT64
     */
    record Jacobians(List<LayerBlock> blocks, List<Tensor> inputs, List<Tensor> grads) {

        /** {@return a layer's input rows} */
        Tensor inputs(LayerBlock b) {
            return inputs.get(index(b));
        }

        /** {@return a layer's output gradients} */
        Tensor grads(LayerBlock b) {
            return grads.get(index(b));
        }

        private int index(LayerBlock b) {
            int i = blocks.indexOf(b);
            if (i < 0) {
                throw new IllegalStateException("Laplace: layer " + b.index() + " is not covered");
            }
            return i;
        }
    }

    /**
     * The linearised predictive's mean and covariance at some inputs.
     *
     * @param posterior the approximation
     * @param net the network
     * @param weights the MAP weights by name
     * @param x the inputs {@code [B, inputs]}
     * @return the outputs at the mode {@code [B, K]} and their covariance {@code [B, K, K]}, both
     *     FLOAT64
     */
    static Tensor[] meanAndCovariance(
            LaplacePosterior posterior, Network net, Map<String, Tensor> weights, Tensor x) {
        List<LayerBlock> blocks = posterior.blocks();
        ProbedForward.Recorded rec = new ProbedForward(net, weights, blocks).record(x);
        Tensor logits = rec.logits();
        int k = logits.dim(1);
        List<List<Tensor>> perClass = new ArrayList<>();
        for (int l = 0; l < blocks.size(); l++) {
            perClass.add(new ArrayList<>());
        }
        for (int c = 0; c < k; c++) {
            Tensor e = Tensor.full(x.backend(), c, DType.INT32, x.dim(0));
            Tensor v = Indexing.oneHot(e, k, logits.dtype());
            List<Tensor> g = rec.outputGradients(v);
            for (int l = 0; l < blocks.size(); l++) {
                perClass.get(l).add(g.get(l));
            }
        }
        List<Tensor> grads = new ArrayList<>();
        for (List<Tensor> g : perClass) {
            grads.add(Indexing.stack(g, 1));
        }
        Jacobians j = new Jacobians(blocks, rec.seen().inputs(), grads);
        Tensor cov = null;
        List<Curvature> pieces = posterior.curvatures();
        for (int c = 0; c < pieces.size(); c++) {
            Tensor part = pieces.get(c).logitCovariance(j, posterior.priorPrecision(c));
            cov = cov == null ? part : cov.add(part);
        }
        return new Tensor[] {logits.cast(DType.FLOAT64), cov};
    }

    /**
     * Every output's Jacobian in a layer's Theta matrix, {@code sum_t a_t^T g_{c,t}}, flattened
     * row-major (entry {@code (i, o)} at {@code i cols + o}).
     *
     * @param a the input rows {@code [B, T, rows]} (or their rotation into an eigenbasis)
     * @param g the output gradients {@code [B, K, T, cols]} (or their rotation)
     * @return {@code [B, K, rows cols]}
     */
    static Tensor thetaJacobian(Tensor a, Tensor g) {
        int b = a.dim(0);
        int t = a.dim(1);
        int rows = a.dim(2);
        int k = g.dim(1);
        int cols = g.dim(3);
        Tensor gt = g.permute(0, 2, 1, 3).reshape(b, t, k * cols);
        Tensor m = LinearAlgebra.matmul(a, gt, true, false);
        return m.reshape(b, rows, k, cols).permute(0, 2, 1, 3).reshape(b, k, rows * cols);
    }
}
