package dev.credence.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The data files and finished runs that the reliability matrix starts from, made once per test
 * class by running the command line itself, and the file helpers its cases share.
 */
final class MatrixFixtures {
    static Path data;
    static Path runs;
    static CliRunner cli;

    private MatrixFixtures() {}

    /** Writes the data files and makes the finished runs under {@code root}. */
    static void build(Path root) throws IOException {
        cli = CliRunner.withTinyImages(root);
        data = Files.createDirectories(root.resolve("data"));
        runs = Files.createDirectories(root.resolve("runs"));
        Files.writeString(data.resolve("train.csv"), DataCases.train());
        Files.writeString(data.resolve("classes.csv"), DataCases.classes());
        Files.writeString(data.resolve("two.csv"), DataCases.two(false));
        make(
                "vae",
                "vae",
                "train",
                "--data",
                "tiny",
                "--epochs",
                "2",
                "--latent",
                "2",
                "--hidden",
                "8",
                "--batch",
                "16");
        make(
                "sample",
                "sample",
                "eight-schools",
                "--chains",
                "2",
                "--warmup",
                "30",
                "--samples",
                "30");
        make(
                "fit",
                "bnn",
                "fit",
                "--data",
                data + "/train.csv",
                "--target",
                "y",
                "--hidden",
                "4",
                "--inference",
                "map");
        make(
                "cls",
                "bnn",
                "fit",
                "--data",
                data + "/classes.csv",
                "--target",
                "label",
                "--task",
                "classification",
                "--hidden",
                "4",
                "--inference",
                "map");
        make(
                "two",
                "bnn",
                "fit",
                "--data",
                data + "/two.csv",
                "--target",
                "y",
                "--hidden",
                "4",
                "--inference",
                "map");
    }

    private static void make(String name, String... args) {
        String[] a = java.util.Arrays.copyOf(args, args.length + 2);
        a[args.length] = "--output";
        a[args.length + 1] = runs.resolve(name).toString();
        CliRunner.Outcome o = cli.run(a);
        if (o.code() != 0) {
            throw new IllegalStateException("fixture " + name + " failed: " + o.err() + o.out());
        }
    }

    /** Copies a fixture run into a case's folder. */
    static void copy(HostileCase.Fixture f, Path dir) throws IOException {
        String name = f.name().toLowerCase(java.util.Locale.ROOT);
        copyTree(runs.resolve(name), dir.resolve(name));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** Predicts with a network of the case's folder on a data file into {@code out}. */
    static void predictInto(Path dir, String net, String csv, String out) {
        CliRunner.Outcome o =
                cli.run(
                        "bnn",
                        "predict",
                        "--model",
                        dir.resolve(net).toString(),
                        "--data",
                        data.resolve(csv).toString(),
                        "--target",
                        "y",
                        "--output",
                        dir.resolve(out).toString());
        if (o.code() != 0) {
            throw new IllegalStateException("prediction failed: " + o.err());
        }
    }

    /** Copies the network, data and predictions that the format-1 code wrote into {@code old}. */
    static void formatOneNetwork(Path dir) throws IOException {
        Path old = Files.createDirectories(dir.resolve("old"));
        for (String[] f :
                new String[][] {
                    {"format-1-net.ckpt", "net.ckpt"},
                    {"format-1-train.csv", "train.csv"},
                    {"format-1-predictions.csv", "predictions.csv"}
                }) {
            try (InputStream in = MatrixFixtures.class.getResourceAsStream("/compat/" + f[0])) {
                Files.copy(in, old.resolve(f[1]));
            }
        }
    }

    /** SHA-256 of every file under a folder by relative path, except lock files. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        if (!Files.exists(dir)) {
            return m;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".lock")) {
                    m.put(
                            dir.relativize(p).toString(),
                            dev.credence.io.Sha256.of(Files.readAllBytes(p)));
                }
            }
        }
        return m;
    }

    /** Whether every file of {@code before} is still there with the same bytes. */
    static boolean preserved(Map<String, String> before, Map<String, String> after) {
        return before.entrySet().stream().allMatch(e -> e.getValue().equals(after.get(e.getKey())));
    }
}
