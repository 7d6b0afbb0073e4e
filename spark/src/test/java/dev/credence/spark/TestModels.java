package dev.credence.spark;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.Bernoulli;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.model.Plate;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/** Models and data shared by the Spark tests. */
public final class TestModels {
    private TestModels() {}

    /**
     * Bayesian logistic regression: {@code w ~ Normal(0, 2 I)}, {@code y_i ~ Bernoulli(logit = x_i
     * . w)} over the rows' plate {@code data}.
     *
     * @param d the number of features
     * @return the model
     */
    public static ShardModel logistic(int d) {
        return rows ->
                ctx -> {
                    Backend b = rows.features().backend();
                    Tensor w =
                            ctx.sample(
                                    "w",
                                    new Independent(
                                            new Normal(
                                                    Tensor.zeros(b, DType.FLOAT64, d),
                                                    Tensor.full(b, 2.0, DType.FLOAT64, d)),
                                            1));
                    try (Plate p = ctx.plate(ShardModel.DATA_PLATE, rows.features().dim(0))) {
                        Tensor logits = rows.features().matmul(w);
                        if (rows.hasTargets()) {
                            ctx.observe("y", Bernoulli.withLogits(logits), rows.targets());
                        } else {
                            ctx.sample("y", Bernoulli.withLogits(logits));
                        }
                    }
                };
    }

    /**
     * Rows {@code [x_1 .. x_d, y]} of a logistic regression with weights {@code trueW}: features
     * standard normal, labels drawn from the model.
     *
     * @param n the number of rows
     * @param trueW the weights
     * @param seed the seed
     * @return the rows
     */
    public static double[][] logisticRows(int n, double[] trueW, long seed) {
        int d = trueW.length;
        RandomKey[] k = RandomKey.of(seed).split(2);
        double[] x = k[0].normalDoubles(n * d);
        double[] u = k[1].uniformDoubles(n);
        double[][] rows = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            double eta = 0;
            for (int j = 0; j < d; j++) {
                rows[i][j] = x[i * d + j];
                eta += trueW[j] * rows[i][j];
            }
            rows[i][d] = u[i] < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        return rows;
    }

    /**
     * The rows as one shard (what a single process fits).
     *
     * @param rows rows {@code [x_1 .. x_d, y]}
     * @return the shard
     */
    public static Shard shard(double[][] rows) {
        int d = rows[0].length - 1;
        double[] f = new double[rows.length * d];
        double[] t = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, f, i * d, d);
            t[i] = rows[i][d];
        }
        return new Shard(0, rows.length, d, f, t);
    }
}
