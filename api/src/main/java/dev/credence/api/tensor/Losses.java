package dev.credence.api.tensor;

/**
 * Elementwise loss functions, not reduced: sum or average the result as the model needs.
 *
 * <pre>{@code
 * Tensor nll = Losses.binaryCrossEntropyWithLogits(logits, targets).sum();
 * }</pre>
 */
public final class Losses {
    private Losses() {}

    /**
     * Binary cross-entropy of probabilities {@code p} against targets in [0, 1], with logs clamped
     * at -100 as PyTorch does.
     *
     * @param p probabilities
     * @param target the targets
     * @return {@code -(t log p + (1-t) log(1-p))}
     */
    public static Tensor binaryCrossEntropy(Tensor p, Tensor target) {
        Tensor floor = p.scalarLike(-100);
        Tensor logP = p.log().maximum(floor);
        Tensor log1mP = p.neg().log1p().maximum(floor);
        return target.mul(logP).add(target.neg().add(1).mul(log1mP)).neg();
    }

    /**
     * Binary cross-entropy with logits: {@code softplus(x) - t x}, stable for any logit.
     *
     * @param logits the logits
     * @param target the targets
     * @return the losses
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor target) {
        return logits.softplus().sub(target.mul(logits));
    }
}
