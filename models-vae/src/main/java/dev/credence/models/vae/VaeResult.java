package dev.credence.models.vae;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of training or evaluating a VAE.
 *
 * @param fitted the fitted VAE
 * @param history the metrics of every epoch trained (empty for an evaluation of a checkpoint
 *     without history)
 * @param testLoss the mean negative ELBO per test example (nats), PyTorch's test loss
 * @param negLogLikelihood the mean importance-sampled estimate of {@code -log p(x)} over the first
 *     {@code nllExamples} test examples (nats)
 * @param nllExamples how many test examples that estimate covers
 * @param anomalyScores the anomaly score of every test example (nats, higher is stranger)
 * @param files the files written
 */
public record VaeResult(
        FittedVae fitted,
        List<EpochMetrics> history,
        double testLoss,
        double negLogLikelihood,
        int nllExamples,
        double[] anomalyScores,
        List<Path> files) {

    /**
     * Copies the lists.
     *
     * @param fitted the fitted VAE
     * @param history the epochs' metrics
     * @param testLoss the test loss
     * @param negLogLikelihood the -log p(x) estimate
     * @param nllExamples its examples
     * @param anomalyScores the anomaly scores
     * @param files the files written
     */
    public VaeResult {
        history = List.copyOf(history);
        files = List.copyOf(files);
    }
}
