package dev.credence.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bnn fit --inference swag|multiswag|laplace|PROVIDER} on a CSV table and on a named image
 * set: the fit runs, its files are written, and its metrics are those of a network that learned.
 */
class BnnMethodsCliTest {

    /**
     * {@code bnn fit} of the column {@code label} of a CSV file as a classifier, then {@code rest}.
     */
    private static CliRunner.Outcome fitClassifier(CliRunner cli, Path data, String... rest) {
        String[] head = {
            "bnn", "fit", "--data", data.toString(), "--target", "label", "--task", "classification"
        };
        String[] args = java.util.Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, args, head.length, rest.length);
        return cli.run(args);
    }

    /** Two well-separated classes in two features: any working method classifies them. */
    private static Path blobs(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("a,b,label\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 60; i++) {
            int k = i % 2;
            csv.append(r.nextGaussian() * 0.5 + (k == 0 ? -2 : 2))
                    .append(',')
                    .append(r.nextGaussian() * 0.5 + (k == 0 ? 1 : -1))
                    .append(',')
                    .append(k)
                    .append('\n');
        }
        Path data = dir.resolve("blobs.csv");
        Files.writeString(data, csv);
        return data;
    }

    @Test
    @DisplayName(
            "bnn fit on a CSV file by swag, multiswag and laplace: a saved net that classifies")
    void weightSpaceMethodsOnCsv(@TempDir Path dir) throws Exception {
        Path data = blobs(dir);
        CliRunner cli = CliRunner.standard();
        for (String[] m :
                new String[][] {
                    {"swag", "swag-epochs=3"},
                    {"multiswag", "members=2"},
                    {"laplace", "hessian=full"}
                }) {
            Path out = dir.resolve(m[0]);
            CliRunner.Outcome o =
                    fitClassifier(
                            cli,
                            data,
                            "--hidden",
                            "8",
                            "--inference",
                            m[0],
                            "--opt",
                            "epochs=30",
                            "--opt",
                            m[1],
                            "--draws",
                            "10",
                            "--output",
                            out.toString());
            assertEquals(ExitCode.OK.code(), o.code(), m[0] + ": " + o.err() + o.out());
            assertTrue(o.out().contains("by " + m[0]), o.out());
            assertTrue(Files.exists(out.resolve("net.ckpt")), o.out());
            Path pred = dir.resolve(m[0] + "-pred");
            CliRunner.Outcome p =
                    cli.run(
                            "bnn",
                            "predict",
                            "--data",
                            data.toString(),
                            "--target",
                            "label",
                            "--model",
                            out.resolve("net.ckpt").toString(),
                            "--output",
                            pred.toString());
            assertEquals(ExitCode.OK.code(), p.code(), p.err());
            double accuracy = metric(p.out(), "accuracy");
            assertTrue(accuracy >= 0.95, m[0] + " training accuracy " + accuracy + ": " + p.out());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "predictive=mc, predictive=mc cannot be saved",
        "subset=all, subset=all is saved as weight draws"
    })
    @DisplayName(
            "a CSV Laplace fit refuses what its saved draws would predict badly, before fitting")
    void laplaceLinearisedPredictiveRefusedOnCsv(String option, String message, @TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("laplace");
        CliRunner.Outcome o =
                fitClassifier(
                        CliRunner.standard(),
                        blobs(dir),
                        "--inference",
                        "laplace",
                        "--opt",
                        option,
                        "--output",
                        out.toString());
        assertEquals(ExitCode.USAGE.code(), o.code(), o.err() + o.out());
        assertTrue(o.err().contains(message), o.err());
        assertTrue(!Files.exists(out.resolve("net.ckpt")), "nothing fitted or saved");
    }

    @Test
    @DisplayName("bnn fit by SVI writes its ELBO trace, and its report draws the ELBO curve")
    void sviWritesItsElboTrace(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("svi");
        CliRunner.Outcome o =
                fitClassifier(
                        CliRunner.standard(),
                        blobs(dir),
                        "--hidden",
                        "4",
                        "--inference",
                        "svi",
                        "--opt",
                        "epochs=100",
                        "--opt",
                        "batch-size=20",
                        "--draws",
                        "4",
                        "--output",
                        out.toString());
        assertEquals(ExitCode.OK.code(), o.code(), o.err() + o.out());
        Path metrics = out.resolve("metrics.json");
        assertTrue(o.out().contains(metrics.toString()), o.out());
        @SuppressWarnings("unchecked")
        java.util.List<Map<String, Object>> rows =
                (java.util.List<Map<String, Object>>) Json.parse(Files.readString(metrics));
        // 60 rows in batches of 20 for 100 epochs: 300 steps, reported every 100.
        assertEquals(3, rows.size(), rows.toString());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(100L * (i + 1), ((Number) rows.get(i).get("step")).longValue());
            assertTrue(rows.get(i).get("elbo") instanceof Number, "a finite ELBO: " + rows);
            assertTrue(rows.get(i).keySet().containsAll(java.util.List.of("log_likelihood", "kl")));
        }
        double first = ((Number) rows.get(0).get("elbo")).doubleValue();
        double last = ((Number) rows.get(2).get("elbo")).doubleValue();
        assertTrue(last > first, "the ELBO rises while fitting: " + rows);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h2>ELBO</h2>"), "the report draws the ELBO curve");
    }

    @Test
    @DisplayName("bnn fit --inference csgmcmc (an installed provider) with cycles given in epochs")
    void sgmcmcProviderOnCsv(@TempDir Path dir) throws Exception {
        Path data = blobs(dir);
        CliRunner cli = CliRunner.standard();
        Path out = dir.resolve("csg");
        CliRunner.Outcome o =
                cli.run(
                        "bnn",
                        "fit",
                        "--data",
                        data.toString(),
                        "--target",
                        "label",
                        "--task",
                        "classification",
                        "--hidden",
                        "8",
                        "--inference",
                        "csgmcmc",
                        "--opt",
                        "cycles=2",
                        "--opt",
                        "cycle-epochs=40",
                        "--opt",
                        "step-size=0.002",
                        "--opt",
                        "init-radius=0.3",
                        "--opt",
                        "batch-size=20",
                        "--draws",
                        "6",
                        "--output",
                        out.toString());
        assertEquals(ExitCode.OK.code(), o.code(), o.err() + o.out());
        assertTrue(o.out().contains("by csgmcmc"), o.out());
        CliRunner.Outcome p =
                cli.run(
                        "bnn",
                        "predict",
                        "--data",
                        data.toString(),
                        "--target",
                        "label",
                        "--model",
                        out.resolve("net.ckpt").toString(),
                        "--output",
                        dir.resolve("csg-pred").toString());
        assertEquals(ExitCode.OK.code(), p.code(), p.err());
        double accuracy = metric(p.out(), "accuracy");
        assertTrue(accuracy >= 0.95, "csgmcmc training accuracy " + accuracy + ": " + p.out());
    }

    @Test
    @DisplayName("bnn fit: an unknown method is a usage error naming the methods and providers")
    void unknownMethod(@TempDir Path dir) throws Exception {
        CliRunner.Outcome o =
                CliRunner.standard()
                        .run(
                                "bnn",
                                "fit",
                                "--data",
                                blobs(dir).toString(),
                                "--target",
                                "label",
                                "--inference",
                                "bogus",
                                "--output",
                                dir.resolve("x").toString());
        assertEquals(ExitCode.USAGE.code(), o.code(), o.err());
        assertTrue(o.err().contains("unknown method 'bogus'"), o.err());
        assertTrue(o.err().contains("laplace") && o.err().contains("svi"), o.err());
        assertTrue(!Files.exists(dir.resolve("x")), "no folder for a refused run");
    }

    @Test
    @DisplayName("bnn fit --images: a CNN by last-layer Laplace scored on the test split and OOD")
    void imagesWithCnn(@TempDir Path dir) throws Exception {
        CliRunner cli = CliRunner.withTinyImages(dir.resolve("sets"));
        Path out = dir.resolve("img");
        CliRunner.Outcome o =
                cli.run(
                        "bnn",
                        "fit",
                        "--images",
                        "tiny",
                        "--arch",
                        "cnn",
                        "--blocks",
                        "4",
                        "--hidden",
                        "16",
                        "--inference",
                        "laplace",
                        "--opt",
                        "epochs=40",
                        "--opt",
                        "batch-size=16",
                        "--ood",
                        "tiny",
                        "--output",
                        out.toString());
        assertEquals(ExitCode.OK.code(), o.code(), o.err() + o.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> m =
                (Map<String, Object>) Json.parse(Files.readString(out.resolve("metrics.json")));
        assertEquals(64.0, ((Number) m.get("train")).doubleValue());
        assertEquals(16.0, ((Number) m.get("test")).doubleValue());
        // Four line patterns: a network that learned tells the test images apart.
        double accuracy = ((Number) m.get("accuracy")).doubleValue();
        assertTrue(accuracy >= 0.75, "test accuracy " + accuracy);
        // The OOD set is the test set itself, so the entropy cannot separate them.
        assertEquals(0.5, ((Number) m.get("ood_auroc")).doubleValue(), 1e-9);
        assertTrue(Files.exists(out.resolve("reliability.png")));
        assertTrue(Files.exists(out.resolve("confidence.png")));
        CliRunner.Outcome report = cli.run("report", out.toString());
        assertEquals(ExitCode.OK.code(), report.code(), report.err() + report.out());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h2>Scores</h2>") && html.contains("ood_auroc"), html);
        CliRunner.Outcome both =
                cli.run(
                        "bnn",
                        "fit",
                        "--images",
                        "tiny",
                        "--data",
                        "x.csv",
                        "--output",
                        dir.resolve("y").toString());
        assertEquals(ExitCode.USAGE.code(), both.code(), both.err());
    }

    private static double metric(String out, String name) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile(name + "[ =:]+([0-9.]+)").matcher(out);
        assertTrue(m.find(), "no " + name + " in: " + out);
        return Double.parseDouble(m.group(1));
    }
}
