package dev.credence.models.bnn.fit;

import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;
import dev.credence.models.bnn.data.ImageData;
import dev.credence.models.bnn.metrics.ClassificationMetrics;
import dev.credence.models.bnn.metrics.ConfidenceCurve;
import dev.credence.models.bnn.metrics.OodDetection;
import dev.credence.models.bnn.metrics.ReliabilityDiagram;
import dev.credence.models.bnn.predict.ClassificationDraws;
import dev.credence.models.bnn.predict.ClassificationPrediction;
import dev.credence.models.bnn.predict.Predictor;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a fitted image classifier on the in-distribution test set and the out-of-distribution set:
 * accuracy, negative log-likelihood, expected calibration error (10 bins), Brier score, and the
 * AUROC of the predictive entropy separating OOD from test images. Predictions are made in chunks
 * with the same key, so every chunk sees the same posterior draws.
 *
 * <pre>{@code
 * FittedBnn f = new BnnFitter(inferences).fit(model, FitOptions.of("swag", Map.of()), key);
 * ImageEvaluation e = ImageEvaluation.of(f.predictor(), test, ood, key, 20);
 * System.out.println(e.accuracy() + " " + e.nll() + " " + e.auroc());
 * }</pre>
 *
 * @param accuracy test accuracy
 * @param nll mean negative log predictive probability of the label
 * @param ece expected calibration error
 * @param brier multi-class Brier score
 * @param auroc OOD AUROC of the predictive entropy (NaN without an OOD set)
 * @param curve accuracy against confidence
 * @param reliability the reliability diagram
 * @param seconds the prediction time
 */
public record ImageEvaluation(
        double accuracy,
        double nll,
        double ece,
        double brier,
        double auroc,
        ConfidenceCurve curve,
        ReliabilityDiagram reliability,
        double seconds) {

    /** Images per prediction call. */
    static final int CHUNK = 1000;

    /**
     * Evaluates.
     *
     * @param p the predictor
     * @param test the in-distribution test images
     * @param ood the out-of-distribution images, or null (the AUROC is then NaN)
     * @param key the key of the predictive draws
     * @param draws the predictive draws
     * @return the scores
     */
    public static ImageEvaluation of(
            Predictor p, ImageData test, ImageData ood, RandomKey key, int draws) {
        long t0 = System.nanoTime();
        ClassificationPrediction in = predict(p, test.x(), key, draws);
        ClassificationMetrics m =
                ClassificationMetrics.of(in, test.labels(), ClassificationMetrics.DEFAULT_BINS);
        double auroc =
                ood == null
                        ? Double.NaN
                        : OodDetection.auroc(
                                in.entropy(), predict(p, ood.x(), key, draws).entropy());
        return new ImageEvaluation(
                m.accuracy(),
                -m.logLikelihood(),
                m.ece(),
                m.brier(),
                auroc,
                ConfidenceCurve.of(in.probs(), test.labels()),
                m.reliability(),
                (System.nanoTime() - t0) / 1e9);
    }

    private static ClassificationPrediction predict(
            Predictor p, Tensor x, RandomKey key, int draws) {
        List<double[]> probs = new ArrayList<>();
        List<double[]> h = new ArrayList<>();
        List<double[]> eh = new ArrayList<>();
        for (int at = 0; at < x.dim(0); at += CHUNK) {
            Tensor xc = x.narrow(0, at, Math.min(x.dim(0), at + CHUNK));
            ClassificationPrediction c =
                    ((ClassificationDraws) p.predict(xc, key, draws)).summarise();
            probs.addAll(List.of(c.probs()));
            for (int i = 0; i < c.entropy().length; i++) {
                h.add(new double[] {c.entropy()[i]});
                eh.add(new double[] {c.expectedEntropy()[i]});
            }
        }
        double[] entropy = new double[h.size()];
        double[] expected = new double[h.size()];
        for (int i = 0; i < entropy.length; i++) {
            entropy[i] = h.get(i)[0];
            expected[i] = eh.get(i)[0];
        }
        return new ClassificationPrediction(probs.toArray(new double[0][]), entropy, expected);
    }
}
