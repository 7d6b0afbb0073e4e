package dev.credence.models.bnn.baseline;

/**
 * How a point-estimate network is trained: Adam on minibatches for a number of epochs, minimising
 * the negative log joint per example,
 *
 * <pre>
 * loss = -(1/B) sum_{i in batch} log p(y_i | x_i, W, sigma) - (1/N) [log p(W) + log p(sigma)],
 * </pre>
 *
 * whose minimiser is the MAP estimate under the Gaussian weight prior {@code N(0, priorScale^2)}
 * (the prior is weight decay {@code 1 / (2 N priorScale^2)}).
 *
 * @param epochs passes over the data, at least 1
 * @param batchSize examples per step, at least 1
 * @param learningRate Adam's step size, positive
 * @param priorScale the standard deviation of the Gaussian weight prior, positive
 * @param dropout the dropout rate during training (and MC-dropout prediction), in [0, 1)
 */
public record TrainSettings(
        int epochs, int batchSize, double learningRate, double priorScale, double dropout) {

    /**
     * Validates the settings.
     *
     * @param epochs passes over the data
     * @param batchSize examples per step
     * @param learningRate Adam's step size
     * @param priorScale the prior standard deviation
     * @param dropout the dropout rate
     */
    public TrainSettings {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException(
                    "TrainSettings: epochs and batch size must be >= 1, found "
                            + epochs
                            + " and "
                            + batchSize);
        }
        if (!(learningRate > 0) || !(priorScale > 0)) {
            throw new IllegalArgumentException(
                    "TrainSettings: learning rate and prior scale must be positive, found "
                            + learningRate
                            + " and "
                            + priorScale);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException(
                    "TrainSettings: dropout must be in [0, 1), found " + dropout);
        }
    }

    /**
     * Defaults: 40 epochs of batch 32 at rate 0.01, prior {@code N(0, 1)}, no dropout.
     *
     * @return the settings
     */
    public static TrainSettings defaults() {
        return new TrainSettings(40, 32, 0.01, 1, 0);
    }

    /**
     * A copy with another number of epochs.
     *
     * @param e the epochs
     * @return the settings
     */
    public TrainSettings withEpochs(int e) {
        return new TrainSettings(e, batchSize, learningRate, priorScale, dropout);
    }

    /**
     * A copy with another batch size.
     *
     * @param b the batch size
     * @return the settings
     */
    public TrainSettings withBatchSize(int b) {
        return new TrainSettings(epochs, b, learningRate, priorScale, dropout);
    }

    /**
     * A copy with another learning rate.
     *
     * @param lr the rate
     * @return the settings
     */
    public TrainSettings withLearningRate(double lr) {
        return new TrainSettings(epochs, batchSize, lr, priorScale, dropout);
    }

    /**
     * A copy with another prior scale.
     *
     * @param s the prior standard deviation
     * @return the settings
     */
    public TrainSettings withPriorScale(double s) {
        return new TrainSettings(epochs, batchSize, learningRate, s, dropout);
    }

    /**
     * A copy with another dropout rate.
     *
     * @param p the rate
     * @return the settings
     */
    public TrainSettings withDropout(double p) {
        return new TrainSettings(epochs, batchSize, learningRate, priorScale, p);
    }
}
