package dev.credence.models.bnn.laplace;

import dev.credence.api.autodiff.Autodiff;
import dev.credence.api.backend.DType;
import dev.credence.api.nn.Conv2d;
import dev.credence.api.nn.Module;
import dev.credence.api.nn.Params;
import dev.credence.api.tensor.Indexing;
import dev.credence.api.tensor.Tape;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A forward pass that exposes chosen layers: it records each chosen layer's inputs as rows {@code
 * [B, T, rows]} of its Theta matrix (receptive fields plus the bias entry; {@code T = 1} for a
 * dense layer), and adds a "probe" to each chosen layer's output. Probes are zeros whose gradients
 * are the back-propagated output gradients of every example at every position: the per-example
 * quantities curvature approximations are built from, with one backward pass for the whole batch.
 */
final class ProbedForward {
    private final Network net;
    private final Map<String, Tensor> weights;
    private final List<LayerBlock> blocks;

    ProbedForward(Network net, Map<String, Tensor> weights, List<LayerBlock> blocks) {
        this.net = net;
        this.weights = weights;
        this.blocks = List.copyOf(blocks);
    }

    /** What one pass saw: the logits and each chosen layer's input rows. */
    record Seen(Tensor logits, List<Tensor> inputs) {}

    /**
     * A pass recorded on the tape with a zero probe variable at every chosen layer's output: each
     * backward pass from its logits gives the output gradients for one cotangent, without running
     * the network again (the tape is kept, so several cotangents can share one forward pass).
     *
     * @param seen what the pass saw; its logits are tracked
     * @param probes the probe variables, one per chosen layer
     */
    record Recorded(Seen seen, List<Tensor> probes) {

        /** {@return the logits, detached from the tape} */
        Tensor logits() {
            return seen.logits().detach();
        }

        /**
         * Back-propagates a cotangent of the logits to the chosen layers' outputs.
         *
         * @param cotangent shaped like the logits
         * @return per chosen layer, the gradients as Theta columns {@code [B, T, cols]}, FLOAT64
         */
        List<Tensor> outputGradients(Tensor cotangent) {
            List<Tensor> out = new ArrayList<>();
            for (Tensor g : Autodiff.backward(seen.logits(), cotangent, probes, false)) {
                out.add(columns(g));
            }
            return out;
        }
    }

    /**
     * Runs the network on the tape with probe variables at the chosen layers' outputs.
     *
     * @param x the inputs {@code [B, inputs]}
     * @return the recorded pass
     */
    Recorded record(Tensor x) {
        List<Tensor> probes = new ArrayList<>();
        boolean before = Tape.setRecording(true);
        try {
            return new Recorded(pass(x, probes), probes);
        } finally {
            Tape.setRecording(before);
        }
    }

    /**
     * Runs the network without probes (the inputs of the chosen layers only).
     *
     * @param x the inputs {@code [B, inputs]}
     * @return the logits and each chosen layer's input rows (FLOAT64, detached)
     */
    Seen run(Tensor x) {
        return pass(x, null);
    }

    /** The pass; with a probe list, a zero probe variable is added to each chosen output. */
    private Seen pass(Tensor x, List<Tensor> probes) {
        Params params = Params.of(weights);
        List<Module> layers = net.body().layers();
        List<Tensor> inputs = new ArrayList<>();
        Tensor h = x;
        int next = 0;
        for (int i = 0; i < layers.size(); i++) {
            Module m = layers.get(i);
            boolean chosen = next < blocks.size() && blocks.get(next).index() == i;
            if (chosen) {
                inputs.add(rows(h.detach(), m));
            }
            h = m.apply(params.scope(Integer.toString(i)), h, null);
            if (chosen) {
                if (probes != null) {
                    Tensor probe = Autodiff.variable(h.detach().zerosLike());
                    probes.add(probe);
                    h = h.add(probe);
                }
                next++;
            }
        }
        return new Seen(h, inputs);
    }

    /** A layer's input as Theta rows with the bias entry, {@code [B, T, rows]}, FLOAT64. */
    private static Tensor rows(Tensor h, Module m) {
        Tensor a = m instanceof Conv2d c ? Patches.of(h, c) : h.reshape(h.dim(0), 1, h.dim(1));
        a = a.cast(DType.FLOAT64);
        Tensor one = Tensor.ones(a.backend(), DType.FLOAT64, a.dim(0), a.dim(1), 1);
        return Indexing.concat(List.of(a, one), 2);
    }

    /**
     * Output gradients as Theta columns per position, {@code [B, T, cols]}, FLOAT64.
     *
     * @param g the gradient of a layer's output ({@code [B, out]} or {@code [B, O, Ho, Wo]})
     * @return the rows
     */
    static Tensor columns(Tensor g) {
        Tensor r =
                g.rank() == 4
                        ? g.permute(0, 2, 3, 1).reshape(g.dim(0), g.dim(2) * g.dim(3), g.dim(1))
                        : g.reshape(g.dim(0), 1, g.dim(1));
        return r.cast(DType.FLOAT64);
    }
}
