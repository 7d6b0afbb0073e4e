package dev.credence.api.model;

import dev.credence.api.tensor.Tensor;
import java.util.function.Function;

/** Turns latent sample sites into observations of given data. */
final class ConditionEffect extends Effect {
    private final Function<String, Tensor> data;

    ConditionEffect(Function<String, Tensor> data) {
        this.data = data;
    }

    @Override
    protected void process(Message m) {
        if (m.kind() == SiteKind.SAMPLE) {
            Tensor v = data.apply(m.name());
            if (v != null) {
                m.observe(v);
            }
        }
    }
}
