package dev.credence.api.model;

import dev.credence.api.tensor.Elementwise;
import dev.credence.api.tensor.Tensor;

/** Keeps only the log-probability terms where a BOOL mask is true (and any earlier mask too). */
final class MaskEffect extends Effect {
    private final Tensor mask;

    MaskEffect(Tensor mask) {
        this.mask = mask;
    }

    @Override
    protected void process(Message m) {
        if (m.isRandom()) {
            m.setMask(m.mask() == null ? mask : Elementwise.and(m.mask(), mask));
        }
    }
}
