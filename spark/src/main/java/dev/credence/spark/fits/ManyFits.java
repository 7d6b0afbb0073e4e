package dev.credence.spark.fits;

import dev.credence.api.random.RandomKey;
import dev.credence.spark.Shards;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Many independent fits as Spark tasks: per-group models, SBC replications, deep-ensemble members,
 * multiple chains. Fit {@code i} gets the key {@code runKey.fold(i)}, so its result depends on the
 * run's key and its index only: the results are the same whatever the number of partitions, the
 * executors, or the order in which tasks run, and the same as a loop in one process.
 *
 * <pre>{@code
 * // 200 SBC replications as 200 tasks over 16 partitions
 * List<Rank> ranks = ManyFits.indexed(sc, 200, 16, RandomKey.of(1), (i, key) -> replicate(key));
 * }</pre>
 *
 * Results come back to the driver, so they should be small (summaries, ranks, a network's weights),
 * and a fit should be large enough (seconds) for a task's overhead (tens of milliseconds) not to
 * matter.
 */
public final class ManyFits {
    private ManyFits() {}

    /**
     * Runs {@code count} fits over {@code partitions} partitions.
     *
     * @param sc the Spark context
     * @param count the number of fits
     * @param partitions the number of partitions (tasks), at least 1
     * @param runKey the run's key
     * @param task the fit
     * @param <R> the result type
     * @return the results, by index
     */
    public static <R extends Serializable> List<R> indexed(
            JavaSparkContext sc, int count, int partitions, RandomKey runKey, FitTask<R> task) {
        if (count < 0 || partitions < 1) {
            throw new IllegalArgumentException(
                    "many fits: needs count >= 0 and partitions >= 1, found "
                            + count
                            + " and "
                            + partitions);
        }
        List<Integer> idx = IntStream.range(0, count).boxed().toList();
        return sc.parallelize(new ArrayList<>(idx), partitions)
                .map(i -> task.fit(i, runKey.fold(i)))
                .collect();
    }

    /**
     * Fits one model per group of a table's rows (one Spark job with a shuffle by group). The
     * groups are numbered in the sorted order of their string values; group {@code i} gets the key
     * {@code runKey.fold(i)} and its rows in {@link dev.credence.spark.Shard#canonical()} order, so
     * its result does not depend on the table's partitioning.
     *
     * @param table the table
     * @param groupColumn the column whose values name the groups
     * @param features the feature columns
     * @param target the target column, or null
     * @param runKey the run's key
     * @param fit the fit of one group
     * @param <R> the result type
     * @return the results by group, in sorted group order
     */
    public static <R extends Serializable> Map<String, R> perGroup(
            Dataset<Row> table,
            String groupColumn,
            List<String> features,
            String target,
            RandomKey runKey,
            GroupFit<R> fit) {
        List<String> groups =
                table.select(groupColumn)
                        .distinct()
                        .javaRDD()
                        .map(r -> String.valueOf(r.get(0)))
                        .collect();
        List<String> sorted = new ArrayList<>(groups);
        sorted.sort(null);
        HashMap<String, Integer> index = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            index.put(sorted.get(i), i);
        }
        List<String> cols = List.copyOf(features);
        List<org.apache.spark.sql.Column> select = new ArrayList<>();
        for (String c : cols) {
            select.add(table.col(c));
        }
        if (target != null) {
            select.add(table.col(target));
        }
        select.add(table.col(groupColumn));
        int g = cols.size() + (target == null ? 0 : 1);
        List<Tuple2<String, R>> out =
                table.select(select.toArray(new org.apache.spark.sql.Column[0]))
                        .javaRDD()
                        .keyBy(r -> String.valueOf(r.get(g)))
                        .groupByKey()
                        .map(
                                e -> {
                                    int i = index.get(e._1());
                                    var rows =
                                            Shards.readGroup(i, e._2().iterator(), cols, target)
                                                    .canonical();
                                    return new Tuple2<>(
                                            e._1(), fit.fit(e._1(), rows, runKey.fold(i)));
                                })
                        .collect();
        Map<String, R> byGroup = new LinkedHashMap<>();
        Map<String, R> found = new HashMap<>();
        for (Tuple2<String, R> t : out) {
            found.put(t._1(), t._2());
        }
        for (String s : sorted) {
            byGroup.put(s, found.get(s));
        }
        return byGroup;
    }
}
