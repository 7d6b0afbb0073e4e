package dev.credence.api.model.examples;

import dev.credence.api.dist.Bernoulli;
import dev.credence.api.dist.Normal;
import dev.credence.api.model.Model;
import dev.credence.api.model.ModelContext;
import dev.credence.api.model.Plate;
import dev.credence.api.tensor.Tensor;

/**
 * Bayesian logistic regression:
 *
 * <pre>
 * w_d ~ Normal(0, 1),  b ~ Normal(0, 1),
 * y_n ~ Bernoulli(logits = x_n . w + b),   n = 1..N
 * </pre>
 *
 * with the likelihood in a plate {@code data} that can subsample {@code batchSize} rows per run.
 * Labels are 0 and 1 in the dtype of {@code x}.
 */
public final class LogisticRegression implements Model {
    private final Tensor x;
    private final Tensor y;
    private final int batchSize;

    /**
     * Creates the model on full data.
     *
     * @param x the design matrix, shape {@code [N, D]}
     * @param y the labels, shape {@code [N]}
     */
    public LogisticRegression(Tensor x, Tensor y) {
        this(x, y, x.dim(0));
    }

    /**
     * Creates the model with minibatches.
     *
     * @param x the design matrix, shape {@code [N, D]}
     * @param y the labels, shape {@code [N]}
     * @param batchSize the rows used per run
     */
    public LogisticRegression(Tensor x, Tensor y, int batchSize) {
        if (x.rank() != 2 || y.rank() != 1 || x.dim(0) != y.dim(0)) {
            throw new IllegalArgumentException(
                    "LogisticRegression: needs x [N, D] and y [N], found "
                            + x.shape()
                            + " and "
                            + y.shape());
        }
        this.x = x;
        this.y = y;
        this.batchSize = batchSize;
    }

    @Override
    public void run(ModelContext ctx) {
        int d = x.dim(1);
        Tensor zeros = x.narrow(0, 0, 1).reshape(d).zerosLike();
        Tensor w = ctx.sample("w", new Normal(zeros, zeros.onesLike()));
        Tensor b = ctx.sample("b", new Normal(x.scalarLike(0), x.scalarLike(1)));
        try (Plate data = ctx.plate("data", x.dim(0), batchSize)) {
            Tensor xb = data.subsample(x, 0);
            Tensor yb = data.subsample(y, 0);
            ctx.observe("y", Bernoulli.withLogits(xb.matmul(w).add(b)), yb);
        }
    }
}
