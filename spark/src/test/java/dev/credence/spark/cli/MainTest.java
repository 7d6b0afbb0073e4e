package dev.credence.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.spark.LocalSpark;
import dev.credence.spark.TestModels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry: svi, then predict from its checkpoint; errors and exit codes. */
class MainTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    static Path csv(Path dir) throws IOException {
        double[][] rows = TestModels.logisticRows(300, new double[] {1.0, -1.0}, 2);
        List<String> lines = new ArrayList<>();
        lines.add("x1,x2,y");
        for (double[] r : rows) {
            lines.add(r[0] + "," + r[1] + "," + (int) r[2]);
        }
        Path f = dir.resolve("rows.csv");
        Files.write(f, lines);
        return f;
    }

    @Test
    @DisplayName("svi writes a checkpoint that predict reloads to add prediction columns")
    void sviThenPredict(@TempDir Path dir) throws IOException {
        SparkSession spark = LocalSpark.start();
        String data = csv(dir).toString();
        Path ckpt = dir.resolve("ckpt");
        List<String> common =
                List.of("--data", data, "--features", "x1,x2", "--target", "y", "--seed", "3");
        List<String> svi = new ArrayList<>(List.of("svi"));
        svi.addAll(common);
        svi.addAll(
                List.of(
                        "--steps",
                        "60",
                        "--checkpoint-dir",
                        ckpt.toString(),
                        "--checkpoint-every",
                        "30",
                        "--partitions",
                        "3"));
        assertEquals(0, run(svi.toArray(new String[0])), err.toString());
        assertTrue(
                out.toString().contains("svi: 60 steps over 3 partitions (300 rows)"),
                out.toString());
        assertTrue(out.toString().contains("w[1]"), out.toString());

        List<String> predict = new ArrayList<>(List.of("predict"));
        predict.addAll(common);
        String output = dir.resolve("pred").toString();
        predict.addAll(
                List.of(
                        "--checkpoint-dir",
                        ckpt.toString(),
                        "--steps",
                        "60",
                        "--draws",
                        "20",
                        "--output",
                        output));
        assertEquals(0, run(predict.toArray(new String[0])), err.toString());
        Dataset<Row> pred = spark.read().parquet(output);
        assertEquals(300, pred.count());
        Row r = pred.select("y_mean", "y_sd").first();
        assertTrue(r.getDouble(0) > 0 && r.getDouble(0) < 1, "a probability");

        List<String> early = new ArrayList<>(predict);
        early.set(early.indexOf("60"), "90");
        assertEquals(Main.DATA, run(early.toArray(new String[0])));
        assertTrue(err.toString().contains("finish the svi run first"), err.toString());
    }

    @Test
    @DisplayName("a missing option is a usage error, a missing column a data error")
    void exitCodes(@TempDir Path dir) throws IOException {
        LocalSpark.start();
        assertEquals(Main.USAGE, run("svi", "--features", "x1"));
        String data = csv(dir).toString();
        assertEquals(
                Main.DATA, run("svi", "--data", data, "--features", "x1,nope", "--steps", "5"));
        assertTrue(err.toString().contains("no column 'nope'"), err.toString());
    }
}
