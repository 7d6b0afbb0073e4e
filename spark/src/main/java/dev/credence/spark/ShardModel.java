package dev.credence.spark;

import dev.credence.api.model.Model;
import dev.credence.io.data.Batch;
import java.io.Serializable;

/**
 * A model written for a block of rows: given the rows' features (and targets, when fitting), it
 * returns the model whose likelihood sits in a plate over exactly those rows, as one would write it
 * for all the data in one process:
 *
 * <pre>{@code
 * ShardModel logistic = rows -> ctx -> {
 *     Backend b = rows.features().backend();
 *     Tensor w = ctx.sample("w", new Independent(new Normal(zeros(b, d), ones(b, d)), 1));
 *     try (Plate data = ctx.plate("data", rows.features().dim(0))) {
 *         Tensor logits = rows.features().matmul(w);
 *         ctx.observe("y", Bernoulli.logits(logits), rows.targets());
 *     }
 * };
 * }</pre>
 *
 * The distributed runs build one such model per partition (or per batch of rows) on the executors,
 * so the function must be serializable (a lambda assigned to this type is) and must not capture
 * tensors: it makes what it needs on the rows' backend. Latent sites outside the data plate are
 * global (shared by all rows); the data plate is named by the run (default {@value #DATA_PLATE}).
 */
@FunctionalInterface
public interface ShardModel extends Serializable {
    /** The default name of the plate over the rows. */
    String DATA_PLATE = "data";

    /**
     * Builds the model over a block of rows.
     *
     * @param rows features {@code [n, cols]} and, when fitting, targets {@code [n]}, FLOAT64
     * @return the model
     */
    Model model(Batch rows);
}
