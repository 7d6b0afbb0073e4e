package dev.credence.cli;

import static dev.credence.cli.HostileCase.Fixture.CLS;
import static dev.credence.cli.HostileCase.Fixture.FIT;
import static dev.credence.cli.HostileCase.Fixture.TWO;
import static dev.credence.cli.UsageCases.FIT_ARGS;
import static dev.credence.cli.UsageCases.with;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Hostile input files: bad cells, missing values, wrong shapes, damaged checkpoints (exit 4). */
final class DataCases {
    private DataCases() {}

    /** The 40 rows of {@code train.csv}: {@code y = sin(2x)} on [-2, 2]. */
    static String train() {
        StringBuilder s = new StringBuilder("x,y\n");
        for (int i = 0; i < 40; i++) {
            double x = -2 + 4.0 * i / 39;
            s.append(String.format(Locale.ROOT, "%.6f,%.6f%n", x, Math.sin(2 * x)));
        }
        return s.toString();
    }

    /** {@code train.csv} with its {@code line} (1-based, the header is line 1) replaced. */
    static String trainWith(int line, String row) {
        List<String> lines = new ArrayList<>(train().lines().toList());
        lines.set(line - 1, row);
        return String.join("\n", lines) + "\n";
    }

    /** 30 rows of {@code x,label} with labels 0, 1, 2. */
    static String classes() {
        StringBuilder s = new StringBuilder("x,label\n");
        for (int i = 0; i < 30; i++) {
            s.append(String.format(Locale.ROOT, "%.3f,%d%n", i / 10.0, i / 10));
        }
        return s.toString();
    }

    /** 40 rows of {@code x1,x2,y}; {@code swapped} puts x2 before x1. */
    static String two(boolean swapped) {
        StringBuilder s = new StringBuilder(swapped ? "x2,x1,y\n" : "x1,x2,y\n");
        for (int i = 0; i < 40; i++) {
            double a = -1 + i / 20.0;
            double b = Math.cos(i);
            double y = Math.sin(2 * a) + 0.5 * b;
            s.append(
                    swapped
                            ? String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", b, a, y)
                            : String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", a, b, y));
        }
        return s.toString();
    }

    private static HostileCase fitOn(String id, String probe, String csv, String... facts) {
        return HostileCase.of(id, probe)
                .file("d.csv", csv)
                .run(with(dataArg(FIT_ARGS, "{case}/d.csv")))
                .fails(4, facts);
    }

    private static HostileCase predictOn(String id, String probe, String csv, String... facts) {
        return HostileCase.of(id, probe)
                .given(FIT)
                .file("d.csv", csv)
                .run(with(dataArg(UsageCases.PREDICT_ARGS, "{case}/d.csv")))
                .fails(4, facts);
    }

    static String[] dataArg(String[] base, String data) {
        String[] a = base.clone();
        for (int i = 0; i < a.length - 1; i++) {
            if (a[i].equals("--data")) {
                a[i + 1] = data;
            }
        }
        return a;
    }

    static List<HostileCase> all() {
        List<HostileCase> c = new ArrayList<>();
        c.add(
                HostileCase.of("B03", "bnn fit on a missing file")
                        .run(with(dataArg(FIT_ARGS, "{case}/none.csv")))
                        .fails(4, "none.csv"));
        c.add(
                HostileCase.of("B04", "bnn fit on a folder")
                        .setup(d -> Files.createDirectories(d.resolve("dir.csv")))
                        .run(with(dataArg(FIT_ARGS, "{case}/dir.csv")))
                        .fails(4, "dir.csv"));
        c.add(fitOn("B05", "bnn fit on an empty file", "", "d.csv", "empty"));
        c.add(fitOn("B06", "bnn fit on a header-only file", "x,y\n", "d.csv", "no data rows"));
        c.add(fitOn("B07", "bnn fit: NaN feature", trainWith(6, "nan,0.3"), "line 6", "'x'"));
        c.add(fitOn("B08", "bnn fit: NaN target", trainWith(6, "0.1,NaN"), "line 6", "'y'"));
        c.add(fitOn("B09", "bnn fit: Inf feature", trainWith(9, "inf,0.3"), "line 9", "'x'"));
        c.add(fitOn("B10", "bnn fit: -Inf target", trainWith(9, "0.2,-inf"), "line 9", "'y'"));
        c.add(fitOn("B11", "bnn fit: 1e400 overflows", trainWith(4, "1e400,0.3"), "line 4", "'x'"));
        c.add(fitOn("B12", "bnn fit: empty cell", trainWith(5, ",0.3"), "line 5", "empty"));
        c.add(fitOn("B13", "bnn fit: text cell", trainWith(5, "abc,0.3"), "line 5", "abc"));
        c.add(
                fitOn(
                        "B14",
                        "bnn fit: a row with 3 cells",
                        trainWith(7, "0.1,0.2,0.3"),
                        "line 7",
                        "3 cells"));
        c.add(fitOn("B15", "bnn fit: a row with 1 cell", trainWith(7, "0.1"), "line 7", "1 cells"));
        c.add(
                HostileCase.of("B16", "bnn fit --target z (absent)")
                        .run(with(FIT_ARGS, "--target", "z"))
                        .fails(4, "'z'"));
        c.add(fitOn("B17", "bnn fit: the target is the only column", "y\n1\n2\n3\n", "feature"));
        c.add(
                fitOn(
                        "B18",
                        "bnn fit: a column name twice",
                        "x,x,y\n1,2,3\n2,3,4\n3,4,5\n",
                        "'x'",
                        "twice"));
        c.add(fitOn("B19", "bnn fit: features near 1e300", huge(true), "'x'", "too large"));
        c.add(fitOn("B20", "bnn fit: targets near 1e300", huge(false), "'y'", "too large"));
        c.add(fitOn("B21", "bnn fit on one row", "x,y\n0.5,1\n", "2 rows"));
        c.add(
                HostileCase.of("B22", "bnn classification: label 0.5")
                        .file("d.csv", "x,label\n0,0\n1,0.5\n2,1\n")
                        .run(
                                with(
                                        dataArg(FIT_ARGS, "{case}/d.csv"),
                                        "--target",
                                        "label",
                                        "--task",
                                        "classification"))
                        .fails(4, "0.5", "line 3"));
        c.add(
                HostileCase.of("B23", "bnn classification: label -1")
                        .file("d.csv", "x,label\n0,0\n1,-1\n2,1\n")
                        .run(
                                with(
                                        dataArg(FIT_ARGS, "{case}/d.csv"),
                                        "--target",
                                        "label",
                                        "--task",
                                        "classification"))
                        .fails(4, "-1", "line 3"));
        c.add(
                HostileCase.of("B24", "bnn classification: label NaN")
                        .file("d.csv", "x,label\n0,0\n1,NaN\n2,1\n")
                        .run(
                                with(
                                        dataArg(FIT_ARGS, "{case}/d.csv"),
                                        "--target",
                                        "label",
                                        "--task",
                                        "classification"))
                        .fails(4, "line 3", "'label'"));
        c.add(
                fitOn(
                        "B65",
                        "bnn fit on a semicolon file",
                        train().replace(',', ';'),
                        "line 2",
                        "';'"));
        c.add(
                HostileCase.of("B66", "bnn fit on a file with a BOM and CRLF line ends")
                        .file("d.csv", "\uFEFF" + train().replace("\n", "\r\n"))
                        .run(with(dataArg(FIT_ARGS, "{case}/d.csv")))
                        .succeeds());
        c.add(
                HostileCase.of("B67", "bnn fit --missing drop skips the row with NaN")
                        .file("d.csv", trainWith(6, "nan,0.3"))
                        .run(with(dataArg(FIT_ARGS, "{case}/d.csv"), "--missing", "drop"))
                        .succeeds(
                                (d, o) ->
                                        o.out().contains("1 row") && o.out().contains("line 6")
                                                ? null
                                                : Verdict.SILENT_WRONG));
        c.add(
                HostileCase.of("B69", "bnn fit: bytes that are not UTF-8")
                        .setup(
                                d ->
                                        Files.write(
                                                d.resolve("d.csv"),
                                                new byte[] {
                                                    'x',
                                                    ',',
                                                    'y',
                                                    '\n',
                                                    (byte) 0xC3,
                                                    '(',
                                                    ',',
                                                    '1',
                                                    '\n'
                                                }))
                        .run(with(dataArg(FIT_ARGS, "{case}/d.csv")))
                        .fails(4, "d.csv"));
        c.add(
                predictOn(
                        "P08",
                        "bnn predict: NaN feature",
                        trainWith(6, "nan,0.3"),
                        "line 6",
                        "'x'"));
        c.add(
                predictOn(
                        "P09",
                        "bnn predict: Inf feature",
                        trainWith(6, "Infinity,0.3"),
                        "line 6",
                        "'x'"));
        c.add(
                predictOn(
                        "P10",
                        "bnn predict: NaN target",
                        trainWith(8, "0.3,nan"),
                        "line 8",
                        "'y'"));
        c.add(predictOn("P11", "bnn predict: the feature column is missing", "y\n1\n2\n", "'x'"));
        c.add(predictOn("P12", "bnn predict: an extra column", "x,z,y\n1,2,3\n2,3,4\n", "'z'"));
        c.add(predictOn("P13", "bnn predict: a renamed column", "u,y\n1,2\n2,3\n", "'x'", "'u'"));
        c.add(predictOn("P15", "bnn predict: header only", "x,y\n", "no data rows"));
        c.add(
                HostileCase.of("P20", "bnn predict --target q (absent)")
                        .given(FIT)
                        .run(with(UsageCases.PREDICT_ARGS, "--target", "q"))
                        .fails(4, "'q'"));
        c.add(
                HostileCase.of("P14", "bnn predict: columns in another order are matched by name")
                        .given(TWO)
                        .file("d.csv", two(true))
                        .run(
                                "bnn",
                                "predict",
                                "--model",
                                "{case}/two/net.ckpt",
                                "--data",
                                "{case}/d.csv",
                                "--target",
                                "y",
                                "--output",
                                "{case}/out")
                        .succeeds(
                                (d, o) ->
                                        Files.readString(d.resolve("out/predictions.csv"))
                                                        .equals(
                                                                Files.readString(
                                                                        d.resolve(
                                                                                "two-pred/predictions.csv")))
                                                ? null
                                                : Verdict.SILENT_WRONG)
                        .setup(
                                d ->
                                        MatrixFixtures.predictInto(
                                                d, "two/net.ckpt", "two.csv", "two-pred")));
        c.add(
                HostileCase.of("P21", "bnn predict without --target finds the fitted target column")
                        .given(FIT)
                        .run(
                                "bnn",
                                "predict",
                                "--model",
                                "{case}/fit/net.ckpt",
                                "--data",
                                "{data}/train.csv",
                                "--output",
                                "{case}/out")
                        .succeeds((d, o) -> o.out().contains("metrics:") ? null : Verdict.UNCLEAR));
        c.add(
                HostileCase.of("P23", "bnn predict: a label the classifier never saw")
                        .given(CLS)
                        .file("d.csv", "x,label\n0.5,0\n1.5,7\n")
                        .run(
                                "bnn",
                                "predict",
                                "--model",
                                "{case}/cls/net.ckpt",
                                "--data",
                                "{case}/d.csv",
                                "--target",
                                "label",
                                "--output",
                                "{case}/out")
                        .fails(4, "7", "line 3"));
        return c;
    }

    private static String huge(boolean features) {
        StringBuilder s = new StringBuilder("x,y\n");
        for (int i = 0; i < 20; i++) {
            String big = String.format(Locale.ROOT, "%.1fe300", (i - 10) / 1.0);
            s.append(features ? big + "," + (i % 3) : i + "," + big).append('\n');
        }
        return s.toString();
    }
}
