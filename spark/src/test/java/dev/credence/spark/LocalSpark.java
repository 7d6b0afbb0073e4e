package dev.credence.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** A small local Spark for tests: two cores, no UI, few shuffle partitions. */
public final class LocalSpark {
    private LocalSpark() {}

    /**
     * Starts (or joins) the session of this JVM.
     *
     * @return the session
     */
    public static SparkSession start() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("credence-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    /**
     * A table of numeric columns from rows of doubles.
     *
     * @param spark the session
     * @param names the column names
     * @param rows the rows
     * @param partitions the number of partitions
     * @return the table
     */
    public static Dataset<Row> table(
            SparkSession spark, List<String> names, double[][] rows, int partitions) {
        List<StructField> fields = new ArrayList<>();
        for (String n : names) {
            fields.add(DataTypes.createStructField(n, DataTypes.DoubleType, false));
        }
        List<Row> out = new ArrayList<>(rows.length);
        for (double[] r : rows) {
            Object[] v = new Object[r.length];
            for (int j = 0; j < r.length; j++) {
                v[j] = r[j];
            }
            out.add(RowFactory.create(v));
        }
        return spark.createDataFrame(out, new StructType(fields.toArray(new StructField[0])))
                .repartition(partitions);
    }
}
