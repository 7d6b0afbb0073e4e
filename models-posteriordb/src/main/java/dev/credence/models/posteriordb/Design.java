package dev.credence.models.posteriordb;

import dev.credence.api.backend.Backend;
import dev.credence.api.tensor.Tensor;

/** Design matrices for the panel's regressions, built once as transformed data. */
final class Design {
    private Design() {}

    /**
     * The matrix {@code [1, x_1, ..., x_k]}: a column of ones, then the given columns.
     *
     * @param b the backend
     * @param columns the predictors, each of length N
     * @return an {@code N x (k + 1)} FLOAT64 tensor
     */
    static Tensor withIntercept(Backend b, double[]... columns) {
        int n = columns[0].length;
        int k = columns.length + 1;
        double[] x = new double[n * k];
        for (int i = 0; i < n; i++) {
            x[i * k] = 1;
            for (int j = 1; j < k; j++) {
                if (columns[j - 1].length != n) {
                    throw new IllegalArgumentException(
                            "design matrix: predictor "
                                    + j
                                    + " has "
                                    + columns[j - 1].length
                                    + " values, the first has "
                                    + n);
                }
                x[i * k + j] = columns[j - 1][i];
            }
        }
        return Tensor.of(b, x, n, k);
    }
}
