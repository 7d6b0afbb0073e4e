package dev.credence.api.model;

/** Multiplies the log-probability of random sites by a constant (e.g. a KL annealing weight). */
final class ScaleEffect extends Effect {
    private final double factor;

    ScaleEffect(double factor) {
        this.factor = factor;
    }

    @Override
    protected void process(Message m) {
        if (m.isRandom()) {
            m.multiplyScale(factor);
        }
    }
}
