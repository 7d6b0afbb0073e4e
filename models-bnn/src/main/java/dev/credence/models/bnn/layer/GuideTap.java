package dev.credence.models.bnn.layer;

import dev.credence.api.dist.Distribution;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.dist.TransformedDistribution;
import dev.credence.api.dist.bijector.Bijector;
import dev.credence.api.model.Effect;
import dev.credence.api.model.Message;
import dev.credence.api.model.SiteKind;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A side channel from a Gaussian guide to the layers of its model: for each tensor the guide draws
 * from a Gaussian (or from a Gaussian pushed through a bijection, such as a log-normal noise
 * scale), it remembers the Gaussian {@code N(loc, scale^2)} and the random key of the draw. A
 * {@link BayesianLinear} that receives the same tensor in the model (SVI replays guide values into
 * the model unchanged) looks it up and can use the local reparameterisation trick or Flipout
 * instead of the shared draw.
 *
 * <p>This is the design of TyXe's local-reparameterisation handler (Ritter and Karaletsos, "TyXe:
 * Pyro-based Bayesian neural nets for PyTorch", MLSys 2022): the ELBO still contains {@code log
 * q(W) - log p(W)} (or the closed-form KL) at the drawn weights; only the likelihood term is
 * computed from the Gaussian instead of the draw, which leaves its expectation and gradient
 * unchanged. A missed lookup is harmless: the layer then uses the draw.
 *
 * <p>Entries are keyed by tensor identity and held weakly, so they disappear with the step's
 * traces. Several threads may use one tap.
 */
public final class GuideTap {
    /**
     * The Gaussian behind one draw: {@code value = transform(loc + scale * e)}.
     *
     * @param loc the mean
     * @param scale the standard deviation, same shape
     * @param key the key the draw was made with; layers derive their own noise from {@code
     *     key.fold(...)}
     * @param transform the map applied to the Gaussian draw (a log-normal noise scale has {@code
     *     exp}), or null for none
     */
    public record Entry(Tensor loc, Tensor scale, RandomKey key, Bijector transform) {
        /**
         * Draws fresh values from the same distribution.
         *
         * @param k the key of the draws
         * @param leading the leading shape of the draws
         * @return values of shape {@code leading + loc.shape()}
         */
        public Tensor redraw(RandomKey k, int... leading) {
            int[] dims = new int[leading.length + loc.rank()];
            System.arraycopy(leading, 0, dims, 0, leading.length);
            System.arraycopy(loc.shape().dims(), 0, dims, leading.length, loc.rank());
            Tensor v = loc.add(scale.mul(k.normal(loc.backend(), loc.dtype(), dims)));
            return transform == null ? v : transform.forward(v);
        }
    }

    private final Map<Tensor, Entry> entries = Collections.synchronizedMap(new WeakHashMap<>());

    /** Creates an empty tap. */
    public GuideTap() {}

    /**
     * Records a draw.
     *
     * @param value the drawn tensor
     * @param entry where it came from
     */
    public void record(Tensor value, Entry entry) {
        entries.put(value, entry);
    }

    /**
     * Finds the Gaussian a tensor was drawn from.
     *
     * @param value a weight tensor
     * @return the entry, or null if the tensor was not drawn by a tapped guide
     */
    public Entry lookup(Tensor value) {
        return entries.get(value);
    }

    /**
     * A handler that records every Gaussian latent draw passing through it; install it innermost in
     * the guide's run ({@link dev.credence.api.model.ModelContext#run}), so that it sees each
     * message after the seed handler has given it a key and the draw has been made.
     *
     * @return a fresh handler for one run
     */
    public Effect recorder() {
        return new Effect() {
            @Override
            protected void postprocess(Message m) {
                if (m.kind() != SiteKind.SAMPLE || m.value() == null || m.key() == null) {
                    return;
                }
                Distribution d = m.distribution();
                Bijector transform = null;
                if (d instanceof TransformedDistribution t) {
                    transform = t.transform();
                    d = t.base();
                }
                while (d instanceof Independent i) {
                    d = i.base();
                }
                if (d instanceof Normal n && n.loc().shape().equals(m.value().shape())) {
                    record(m.value(), new Entry(n.loc(), n.scale(), m.key(), transform));
                }
            }
        };
    }
}
