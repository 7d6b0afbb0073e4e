package dev.credence.spark.cli;

import dev.credence.api.random.RandomKey;
import dev.credence.spark.ShardModel;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The options every command shares: the table, its columns, the model, backend and seed. */
public final class TableOptions {
    @Option(
            names = "--data",
            required = true,
            description = "the table: a CSV file with a header, a Parquet or JSON file or folder")
    String data;

    @Option(
            names = "--format",
            description = "csv, parquet or json (default: from the file name, else parquet)")
    String format;

    @Option(
            names = "--features",
            required = true,
            split = ",",
            description = "the numeric feature columns, comma-separated")
    List<String> features;

    @Option(names = "--target", defaultValue = "y", description = "the target column (default y)")
    String target;

    @Option(
            names = "--model",
            defaultValue = "logistic",
            description = "logistic or linear (default logistic)")
    String model;

    @Option(
            names = "--prior-scale",
            defaultValue = "2.5",
            description = "prior sd of the weights and intercept (default 2.5)")
    double prior;

    @Option(
            names = "--backend",
            defaultValue = "jvm",
            description = "the backend every executor computes on (default jvm)")
    String backend;

    @Option(names = "--seed", defaultValue = "1", description = "the run's seed (default 1)")
    long seed;

    @Option(
            names = "--partitions",
            defaultValue = "0",
            description = "repartition the table into this many shards (default: keep)")
    int partitions;

    /**
     * Reads the table.
     *
     * @param spark the session
     * @return the table, repartitioned when asked
     */
    Dataset<Row> read(SparkSession spark) {
        String f = format != null ? format : guessFormat(data);
        var reader = spark.read().format(f);
        if (f.equals("csv")) {
            reader = reader.option("header", "true").option("inferSchema", "true");
        }
        Dataset<Row> t = reader.load(data);
        return partitions > 0 ? t.repartition(partitions) : t;
    }

    private static String guessFormat(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        if (p.endsWith(".csv")) {
            return "csv";
        }
        if (p.endsWith(".json")) {
            return "json";
        }
        return "parquet";
    }

    /**
     * Builds the model.
     *
     * @return the model over a block of rows
     */
    ShardModel model() {
        return BuiltInModels.of(model, features.size(), prior);
    }

    /**
     * Returns the run's key.
     *
     * @return {@code RandomKey.of(seed)}
     */
    RandomKey key() {
        return RandomKey.of(seed);
    }
}
