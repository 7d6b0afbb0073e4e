package dev.credence.spark;

import dev.credence.api.backend.Backend;
import dev.credence.api.infer.Posterior;
import dev.credence.api.infer.ProgressListener;
import dev.credence.api.model.Model;
import dev.credence.api.optim.Adam;
import dev.credence.api.random.RandomKey;
import dev.credence.inference.vi.AutoNormal;
import dev.credence.inference.vi.Svi;
import dev.credence.inference.vi.SviResult;
import dev.credence.inference.vi.SviSettings;
import dev.credence.inference.vi.TraceElbo;
import dev.credence.models.bnn.Architecture;
import dev.credence.models.bnn.BnnModel;
import dev.credence.models.bnn.Likelihood;
import dev.credence.models.bnn.layer.WeightPrior;
import dev.credence.spark.cli.BuiltInModels;

/** Models and data shared by the Spark tests. */
public final class TestModels {
    private TestModels() {}

    /**
     * Bayesian logistic regression with prior scale 2 ({@link BuiltInModels#logistic}).
     *
     * @param d the number of features
     * @return the model
     */
    public static ShardModel logistic(int d) {
        return BuiltInModels.logistic(d, 2.0);
    }

    /**
     * A Bayesian neural network regression over a block of rows: one input, {@code hidden} ReLU
     * units, Gaussian noise with a learned scale, Normal(0, 1) weight priors (models-bnn).
     *
     * @param hidden the hidden units
     * @return the model
     */
    public static ShardModel bnn(int hidden) {
        return rows ->
                BnnModel.of(
                        Architecture.relu(1, hidden),
                        Likelihood.homoscedastic(1.0),
                        WeightPrior.normal(1.0),
                        rows.features(),
                        rows.hasTargets() ? rows.targets() : null);
    }

    /**
     * Fits a BNN by single-process SVI (AutoNormal, 300 Adam steps) to rows {@code [x, y]}.
     *
     * @param model the BNN
     * @param x the inputs
     * @param y the targets
     * @return the fitted posterior
     */
    public static Posterior fitBnn(ShardModel model, double[] x, double[] y) {
        Backend b = ExecutorBackends.get("jvm");
        Model m = model.model(new Shard(0, x.length, 1, x, y).toBatch(b));
        Svi svi = new Svi(m, new AutoNormal(m, RandomKey.of(1)), Adam.of(0.02), new TraceElbo(1));
        SviResult r = svi.run(RandomKey.of(2), SviSettings.of(300), ProgressListener.NONE);
        return svi.posterior(r.state(), RandomKey.of(3));
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
