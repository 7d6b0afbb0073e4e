package dev.credence.models.bnn.data;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Tensor;
import dev.credence.io.HostArray;
import dev.credence.io.data.Dataset;
import dev.credence.io.data.InvalidDataException;
import dev.credence.models.bnn.predict.RegressionDraws;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-column standardisation {@code z = (v - mean) / sd} with statistics of the training set only
 * (test data must not leak into them), and its inverse for predictions. A constant column gets
 * {@code sd = 1}, as in the PBP code, so it maps to zeros instead of NaN.
 *
 * <p>A regression model fitted on standardised targets predicts {@code N(m, s^2)} in standard
 * units; in original units that is {@code N(mean_y + sd_y m, (sd_y s)^2)} ({@link #unscale}), and a
 * log-density drops by {@code log sd_y}.
 *
 * @param featureMean the training mean of each feature
 * @param featureSd the training standard deviation of each feature
 * @param targetMean the training mean of the target (0 when targets are not standardised)
 * @param targetSd the training standard deviation of the target (1 when not standardised)
 */
public record Standardizer(
        double[] featureMean, double[] featureSd, double targetMean, double targetSd) {

    /**
     * Copies the arrays.
     *
     * @param featureMean the feature means
     * @param featureSd the feature standard deviations, positive
     * @param targetMean the target mean
     * @param targetSd the target standard deviation, positive
     */
    public Standardizer {
        featureMean = featureMean.clone();
        featureSd = featureSd.clone();
        if (featureMean.length != featureSd.length || !(targetSd > 0)) {
            throw new IllegalArgumentException(
                    "Standardizer: needs as many means as sds and a positive target sd");
        }
    }

    /**
     * Computes the statistics of a training set.
     *
     * @param train features {@code [N, D]}, and targets {@code [N]} if present
     * @param standardiseTarget whether to standardise the target (regression) or leave it (class
     *     labels)
     * @return the standardiser
     * @throws InvalidDataException if a column's mean or standard deviation is not a finite double
     */
    public static Standardizer fit(Dataset train, boolean standardiseTarget) {
        int d = train.size() == 0 ? 0 : train.features().size() / train.size();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("feature column " + (j + 1));
        }
        return fit(train, standardiseTarget, "the training data", names, "the target");
    }

    /**
     * Computes the statistics of a training set, naming its columns in errors.
     *
     * @param train features {@code [N, D]}, and targets {@code [N]} if present
     * @param standardiseTarget whether to standardise the target
     * @param source the data's name for messages, such as its file
     * @param features the feature columns' names
     * @param target the target column's name
     * @return the standardiser
     * @throws InvalidDataException if a column's mean or standard deviation is not a finite double
     *     (values near {@code 1e154} or larger, or not finite)
     */
    public static Standardizer fit(
            Dataset train,
            boolean standardiseTarget,
            String source,
            List<String> features,
            String target) {
        HostArray f = train.features();
        int n = f.shape().dim(0);
        if (n == 0) {
            throw new InvalidDataException(source, "no rows to standardise");
        }
        int d = f.size() / n;
        double[] x = f.toDoubleArray();
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = x[i * d + j];
            }
            mean[j] = mean(col);
            sd[j] = sd(col, mean[j]);
            requireFinite(source, "'" + features.get(j) + "'", col, mean[j], sd[j]);
        }
        double ym = 0;
        double ys = 1;
        if (standardiseTarget && train.targets().isPresent()) {
            double[] y = train.targets().get().toDoubleArray();
            ym = mean(y);
            ys = sd(y, ym);
            requireFinite(source, "'" + target + "'", y, ym, ys);
        }
        return new Standardizer(mean, sd, ym, ys);
    }

    private static void requireFinite(
            String source, String column, double[] v, double m, double s) {
        if (Double.isFinite(m) && Double.isFinite(s)) {
            return;
        }
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        throw new InvalidDataException(
                source,
                "column "
                        + column
                        + " has values up to "
                        + max
                        + " in magnitude, too large to standardise (its "
                        + (Double.isFinite(m) ? "standard deviation" : "mean")
                        + " overflows a double); rescale the column");
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** The population standard deviation (divisor N, as NumPy's default), 1 if it is 0. */
    private static double sd(double[] v, double m) {
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        double r = Math.sqrt(s / v.length);
        return r > 0 || Double.isNaN(r) ? r : 1;
    }

    /**
     * Returns the feature means.
     *
     * @return a copy
     */
    @Override
    public double[] featureMean() {
        return featureMean.clone();
    }

    /**
     * Returns the feature standard deviations.
     *
     * @return a copy
     */
    @Override
    public double[] featureSd() {
        return featureSd.clone();
    }

    /**
     * Standardises features.
     *
     * @param features {@code [N, D]}
     * @param b the backend
     * @param dtype the dtype
     * @return the standardised features as a tensor {@code [N, D]}
     */
    public Tensor features(HostArray features, Backend b, DType dtype) {
        int n = features.shape().dim(0);
        int d = featureMean.length;
        if (features.size() != n * d) {
            throw new IllegalArgumentException(
                    "Standardizer: expected "
                            + d
                            + " features per row, found shape "
                            + features.shape());
        }
        double[] x = features.toDoubleArray();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (x[i * d + j] - featureMean[j]) / featureSd[j];
            }
        }
        return Tensor.of(b, x, dtype, n, d);
    }

    /**
     * Standardises targets.
     *
     * @param y the targets
     * @return {@code (y - targetMean) / targetSd}
     */
    public double[] target(double[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (y[i] - targetMean) / targetSd;
        }
        return out;
    }

    /**
     * Maps regression predictions back to original units.
     *
     * @param d predictions in standard units
     * @return predictions in original units
     */
    public RegressionDraws unscale(RegressionDraws d) {
        return d.affine(targetMean, targetSd);
    }
}
