package dev.credence.spark;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.DType;
import dev.credence.io.HostArray;
import dev.credence.io.data.Batch;
import dev.credence.io.data.Dataset;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The rows of one Spark partition as flat host arrays: {@code features} row by row ({@code rows x
 * cols}) and, for supervised data, one target per row. This is what the tasks of {@link Shards}
 * keep cached between the steps of a distributed run, so that each step turns it into tensors with
 * one copy instead of reading Spark rows again.
 *
 * @param partition the index of the Spark partition the rows came from
 * @param rows the number of rows
 * @param cols the number of feature columns
 * @param features {@code rows * cols} values, row-major
 * @param targets {@code rows} values, or null without a target column
 */
public record Shard(int partition, int rows, int cols, double[] features, double[] targets)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Checks the sizes.
     *
     * @param partition the partition index
     * @param rows the number of rows
     * @param cols the number of feature columns
     * @param features the features, row-major
     * @param targets the targets or null
     */
    public Shard {
        if (rows < 0 || cols < 1 || features.length != (long) rows * cols) {
            throw new IllegalArgumentException(
                    "shard of partition "
                            + partition
                            + ": needs rows >= 0, cols >= 1 and rows * cols features, found "
                            + rows
                            + " rows, "
                            + cols
                            + " cols, "
                            + features.length
                            + " features");
        }
        if (targets != null && targets.length != rows) {
            throw new IllegalArgumentException(
                    "shard of partition "
                            + partition
                            + ": "
                            + targets.length
                            + " targets for "
                            + rows
                            + " rows");
        }
    }

    /**
     * Selects rows, in the given order.
     *
     * @param idx row indices in {@code [0, rows)}
     * @return a shard of {@code idx.length} rows of the same partition
     */
    public Shard select(int[] idx) {
        double[] f = new double[idx.length * cols];
        double[] t = targets == null ? null : new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            int r = idx[i];
            if (r < 0 || r >= rows) {
                throw new IndexOutOfBoundsException(
                        "shard of partition " + partition + ": row " + r + " of " + rows);
            }
            System.arraycopy(features, r * cols, f, i * cols, cols);
            if (t != null) {
                t[i] = targets[r];
            }
        }
        return new Shard(partition, idx.length, cols, f, t);
    }

    /**
     * Returns rows {@code [from, to)}.
     *
     * @param from the first row
     * @param to one past the last row
     * @return a shard of {@code to - from} rows
     */
    public Shard range(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException(
                    "shard of partition " + partition + ": rows [" + from + ", " + to + ")");
        }
        return new Shard(
                partition,
                to - from,
                cols,
                Arrays.copyOfRange(features, from * cols, to * cols),
                targets == null ? null : Arrays.copyOfRange(targets, from, to));
    }

    /**
     * Returns the rows sorted lexicographically by their features, then their target: an order that
     * does not depend on how Spark delivered them, so that a fit over them gives the same
     * floating-point sums on every run.
     *
     * @return the sorted shard
     */
    public Shard canonical() {
        Integer[] order = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> {
                    int c =
                            Arrays.compare(
                                    features,
                                    a * cols,
                                    a * cols + cols,
                                    features,
                                    b * cols,
                                    b * cols + cols);
                    return c != 0 || targets == null ? c : Double.compare(targets[a], targets[b]);
                });
        int[] idx = new int[rows];
        for (int i = 0; i < rows; i++) {
            idx[i] = order[i];
        }
        return select(idx);
    }

    /**
     * Returns the rows as a Credence data set: features {@code [rows, cols]}, targets {@code
     * [rows]}.
     *
     * @return the data set
     * @throws IllegalStateException if the shard has no rows
     */
    public Dataset toDataset() {
        if (rows == 0) {
            throw new IllegalStateException("shard of partition " + partition + " has no rows");
        }
        HostArray x = HostArray.ofDoubles(features, rows, cols);
        return targets == null ? Dataset.of(x) : Dataset.of(x, HostArray.ofDoubles(targets, rows));
    }

    /**
     * Copies the rows onto a backend as FLOAT64 tensors.
     *
     * @param b the backend
     * @return features {@code [rows, cols]} and, when present, targets {@code [rows]}
     */
    public Batch toBatch(Backend b) {
        return toDataset().toTensors(b, DType.FLOAT64);
    }
}
