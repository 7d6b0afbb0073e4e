package dev.credence.models.bnn.swag;

/**
 * The SGD phase of SWAG: after a pretrained solution, SGD with momentum at a constant (fairly high)
 * learning rate for a few epochs, collecting the weights {@code collectPerEpoch} times per epoch
 * (Maddox et al. 2019 collect once per epoch over many epochs; collecting more often suits short
 * budgets). The objective is the MAP objective of the pretraining, minibatches of the same size.
 * The posterior's covariance is Maddox et al.'s times {@code scale}: their code samples with a
 * {@code scale} too (0.5 with the full covariance, which is the paper's factor 1/2 that {@link
 * SwagPosterior} already applies); above 1 it widens an over-confident posterior.
 *
 * @param epochs epochs of the SGD phase, at least 1
 * @param learningRate SGD's constant step size, positive
 * @param momentum SGD's momentum in [0, 1)
 * @param collectPerEpoch snapshots per epoch, at least 1
 * @param rank the number of deviations kept for the low-rank part, K, at least 2
 * @param scale the factor on the posterior covariance, positive (1: Maddox et al.'s)
 */
public record SwagSettings(
        int epochs,
        double learningRate,
        double momentum,
        int collectPerEpoch,
        int rank,
        double scale) {

    /**
     * Validates the settings.
     *
     * @param epochs epochs of the SGD phase
     * @param learningRate the step size
     * @param momentum the momentum
     * @param collectPerEpoch snapshots per epoch
     * @param rank the number of deviations
     * @param scale the factor on the covariance
     */
    public SwagSettings {
        if (epochs < 1 || collectPerEpoch < 1) {
            throw new IllegalArgumentException(
                    "SWAG: epochs and snapshots per epoch must be >= 1, found "
                            + epochs
                            + " and "
                            + collectPerEpoch);
        }
        if (!(learningRate > 0) || !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException(
                    "SWAG: the learning rate must be positive and the momentum in [0, 1), found "
                            + learningRate
                            + " and "
                            + momentum);
        }
        if (rank < 2) {
            throw new IllegalArgumentException("SWAG: the rank must be >= 2, found " + rank);
        }
        if (!(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "SWAG: the covariance scale must be positive and finite, found " + scale);
        }
    }

    /**
     * Defaults: 5 epochs of SGD at 0.01 with momentum 0.9, 4 snapshots per epoch, rank 20, the
     * paper's covariance.
     *
     * @return the settings
     */
    public static SwagSettings defaults() {
        return new SwagSettings(5, 0.01, 0.9, 4, 20, 1);
    }
}
