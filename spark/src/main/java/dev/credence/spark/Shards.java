package dev.credence.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Turns a Spark table into one {@link Shard} per partition, cached on the executors, and tells the
 * driver how many rows each partition holds.
 *
 * <pre>{@code
 * Shards shards = Shards.of(table, List.of("x1", "x2", "x3"), "y");   // one shard per partition
 * long n = shards.totalRows();
 * }</pre>
 *
 * Feature and target columns must be numeric (any of Spark's number types); a null value is an
 * error that names the column and the partition. The shards are persisted in memory (spilling to
 * disk when memory is short) until {@link #release()}.
 */
public final class Shards {
    private final JavaRDD<Shard> rdd;
    private final int[] rowsPerPartition;
    private final Shard head;

    private Shards(JavaRDD<Shard> rdd, int[] rowsPerPartition, Shard head) {
        this.rdd = rdd;
        this.rowsPerPartition = rowsPerPartition;
        this.head = head;
    }

    /**
     * Reads a table's partitions into shards and counts their rows (one Spark job).
     *
     * @param table the table
     * @param features the feature columns, in order
     * @param target the target column, or null for unsupervised data and prediction
     * @return the shards
     * @throws IllegalArgumentException if a column is missing, or the table has no rows
     */
    public static Shards of(Dataset<Row> table, List<String> features, String target) {
        List<String> cols = List.copyOf(features);
        if (cols.isEmpty()) {
            throw new IllegalArgumentException("shards: name at least one feature column");
        }
        List<String> have = List.of(table.columns());
        List<String> wanted = new ArrayList<>(cols);
        if (target != null) {
            wanted.add(target);
        }
        for (String c : wanted) {
            if (!have.contains(c)) {
                throw new IllegalArgumentException(
                        "shards: the table has no column '" + c + "'; its columns: " + have);
            }
        }
        JavaRDD<Shard> rdd =
                table.select(
                                wanted.stream()
                                        .map(table::col)
                                        .toArray(org.apache.spark.sql.Column[]::new))
                        .javaRDD()
                        .mapPartitionsWithIndex(
                                (idx, it) -> List.of(read(idx, it, cols, target)).iterator(), true);
        rdd.persist(StorageLevel.MEMORY_AND_DISK());
        List<Summary> found =
                rdd.map(
                                sh ->
                                        new Summary(
                                                sh.partition(),
                                                sh.rows(),
                                                sh.range(0, Math.min(1, sh.rows()))))
                        .collect();
        int[] counts = new int[found.size()];
        Shard head = null;
        for (Summary f : found) {
            counts[f.partition()] = f.rows();
            if (head == null && f.rows() > 0) {
                head = f.head();
            }
        }
        if (head == null) {
            rdd.unpersist(false);
            throw new IllegalArgumentException("shards: the table has no rows");
        }
        return new Shards(rdd, counts, head);
    }

    /** What the counting job brings back of each partition. */
    private record Summary(int partition, int rows, Shard head) implements Serializable {}

    /**
     * Reads rows into a shard.
     *
     * @param partition the partition (or group) index the shard records
     * @param it the rows, with the feature columns first and the target (if any) last
     * @param cols the feature column names, for messages
     * @param target the target column name, or null
     * @return the shard
     */
    static Shard read(int partition, Iterator<Row> it, List<String> cols, String target) {
        int k = cols.size();
        DoubleBuffer x = new DoubleBuffer();
        DoubleBuffer y = new DoubleBuffer();
        int n = 0;
        while (it.hasNext()) {
            Row r = it.next();
            for (int j = 0; j < k; j++) {
                x.add(number(r, j, cols.get(j), partition));
            }
            if (target != null) {
                y.add(number(r, k, target, partition));
            }
            n++;
        }
        return new Shard(partition, n, k, x.toArray(), target == null ? null : y.toArray());
    }

    /**
     * Reads one group's rows (for {@link dev.credence.spark.fits.ManyFits#perGroup}).
     *
     * @param group the group's index, recorded as the shard's partition
     * @param it the rows, features first, then the target if any (further columns are ignored)
     * @param cols the feature column names
     * @param target the target column name, or null
     * @return the shard
     */
    public static Shard readGroup(int group, Iterator<Row> it, List<String> cols, String target) {
        return read(group, it, cols, target);
    }

    static double number(Row r, int j, String col, int partition) {
        Object v = r.get(j);
        if (v instanceof Number num) {
            return num.doubleValue();
        }
        if (v instanceof Boolean bool) {
            return bool ? 1 : 0;
        }
        throw new IllegalArgumentException(
                "column '"
                        + col
                        + "' in partition "
                        + partition
                        + ": expected a number, found "
                        + (v == null ? "null" : v.getClass().getSimpleName() + " " + v));
    }

    /**
     * Returns the cached shards, one per partition, in partition order.
     *
     * @return the RDD
     */
    public JavaRDD<Shard> rdd() {
        return rdd;
    }

    /**
     * Returns the number of partitions.
     *
     * @return S
     */
    public int partitions() {
        return rowsPerPartition.length;
    }

    /**
     * Returns the number of rows of each partition.
     *
     * @return a copy, indexed by partition
     */
    public int[] rowsPerPartition() {
        return rowsPerPartition.clone();
    }

    /**
     * Returns the number of rows of all partitions.
     *
     * @return N
     */
    public long totalRows() {
        long n = 0;
        for (int c : rowsPerPartition) {
            n += c;
        }
        return n;
    }

    /**
     * Returns the first row of the first non-empty partition: what the driver builds prototype
     * models from.
     *
     * @return a one-row shard
     */
    public Shard head() {
        return head;
    }

    /**
     * Returns the first partition with rows: the one that carries the terms counted once.
     *
     * @return its index
     */
    public int owner() {
        return head.partition();
    }

    /** Drops the cached shards from the executors. */
    public void release() {
        rdd.unpersist(false);
    }

    /** A growable array of doubles. */
    private static final class DoubleBuffer {
        private double[] a = new double[1024];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
