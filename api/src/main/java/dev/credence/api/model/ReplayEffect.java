package dev.credence.api.model;

/**
 * Gives latent sample sites the values they took in another trace (typically a guide's), and plates
 * the subsample they drew there.
 */
final class ReplayEffect extends Effect {
    private final Trace source;

    ReplayEffect(Trace source) {
        this.source = source;
    }

    @Override
    protected void process(Message m) {
        if (!source.contains(m.name())) {
            return;
        }
        Site s = source.get(m.name());
        if (m.kind() == SiteKind.SAMPLE && m.value() == null && s.value() != null) {
            m.setValue(s.value());
        } else if (m.kind() == SiteKind.PLATE && s.kind() == SiteKind.PLATE) {
            int[] idx = s.subsample();
            if (idx != null) {
                m.setSubsample(idx);
            }
        }
    }
}
