package dev.credence.inference.sgmcmc;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.dist.Independent;
import dev.credence.api.dist.Normal;
import dev.credence.api.model.Model;
import dev.credence.api.model.Plate;
import dev.credence.api.random.RandomKey;
import dev.credence.api.tensor.Tensor;

/**
 * Conjugate Gaussian linear regression with a known posterior: {@code w ~ N(0, I)}, {@code y_i ~
 * N(x_i . w, 1)} for {@code N} rows of {@code d = 2} features, observed in minibatches of {@code
 * B}. The exact posterior is {@code N(m, H^-1)} with {@code H = I + X'X} and {@code m = H^-1 X'y}.
 *
 * <p>The minibatch gradient is written twice: as a {@link Model} whose plate subsamples (what users
 * write), and on plain arrays ({@link #gradient()}, the same estimator with its own subsampling),
 * so that long statistical runs cost microseconds a step.
 */
final class LinearRegressionFixture {
    static final Backend B = Backends.discover().select("jvm");
    static final int D = 2;

    final int n;
    final int batch;
    final double[][] x;
    final double[] y;

    /** The posterior precision H. */
    final double[][] precision;

    /** The posterior mean m. */
    final double[] mean;

    /** The posterior covariance H^-1. */
    final double[][] covariance;

    LinearRegressionFixture(int n, int batch, long seed) {
        this.n = n;
        this.batch = batch;
        double[] z = RandomKey.of(seed).normalDoubles(3 * n);
        double[] w = {0.8, -0.5};
        x = new double[n][D];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = z[3 * i];
            x[i][1] = 0.5 * z[3 * i] + 0.9 * z[3 * i + 1];
            y[i] = x[i][0] * w[0] + x[i][1] * w[1] + z[3 * i + 2];
        }
        precision = new double[][] {{1, 0}, {0, 1}};
        double[] xty = new double[D];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < D; a++) {
                xty[a] += x[i][a] * y[i];
                for (int b = 0; b < D; b++) {
                    precision[a][b] += x[i][a] * x[i][b];
                }
            }
        }
        covariance = Mat.inverse2(precision);
        mean = Mat.times(covariance, xty);
    }

    /** The model users would write: a prior, and a subsampling plate over the rows. */
    Model model() {
        double[] flatX = new double[n * D];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, flatX, i * D, D);
        }
        Tensor xs = Tensor.of(B, flatX, n, D);
        Tensor ys = Tensor.of(B, y, n);
        return ctx -> {
            Tensor w =
                    ctx.sample(
                            "w",
                            new Independent(
                                    new Normal(
                                            Tensor.zeros(B, DType.FLOAT64, D),
                                            Tensor.ones(B, DType.FLOAT64, D)),
                                    1));
            try (Plate p = ctx.plate("data", n, batch)) {
                Tensor xb = p.subsample(xs, 0);
                Tensor mu = xb.matmul(w.reshape(D, 1)).reshape(batch);
                ctx.observe("y", new Normal(mu, mu.onesLike()), p.subsample(ys, 0));
            }
        };
    }

    /** The same minibatch estimator on arrays, subsampling without replacement. */
    StochasticGradient gradient() {
        return new StochasticGradient() {
            @Override
            public int dimension() {
                return D;
            }

            @Override
            public double valueAndGradient(double[] q, double[] grad, RandomKey key) {
                return LinearRegressionFixture.this.valueAndGradient(q, grad, subsample(key));
            }
        };
    }

    /** The minibatch estimate of the log density (up to a constant) and its gradient. */
    double valueAndGradient(double[] q, double[] grad, int[] rows) {
        double scale = (double) n / rows.length;
        double lp = 0;
        for (int a = 0; a < D; a++) {
            grad[a] = -q[a];
            lp -= 0.5 * q[a] * q[a];
        }
        for (int i : rows) {
            double r = y[i] - (x[i][0] * q[0] + x[i][1] * q[1]);
            lp -= 0.5 * scale * r * r;
            for (int a = 0; a < D; a++) {
                grad[a] += scale * x[i][a] * r;
            }
        }
        return lp;
    }

    /** The first B entries of a random permutation (Fisher-Yates). */
    int[] subsample(RandomKey key) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double[] u = key.uniformDoubles(batch);
        for (int i = 0; i < batch; i++) {
            int j = i + (int) Math.floor(u[i] * (n - i));
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return java.util.Arrays.copyOf(perm, batch);
    }
}
