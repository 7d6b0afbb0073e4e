package dev.credence.api.model;

import dev.credence.api.tensor.Tensor;
import java.util.function.Function;

/**
 * Gives latent sample, param and deterministic sites values from a function of the message, without
 * making them observed.
 */
final class SubstituteEffect extends Effect {
    private final Function<Message, Tensor> values;

    SubstituteEffect(Function<Message, Tensor> values) {
        this.values = values;
    }

    @Override
    protected void process(Message m) {
        SiteKind k = m.kind();
        if (k == SiteKind.SAMPLE || k == SiteKind.PARAM || k == SiteKind.DETERMINISTIC) {
            Tensor v = values.apply(m);
            if (v != null) {
                m.setValue(v);
            }
        }
    }
}
