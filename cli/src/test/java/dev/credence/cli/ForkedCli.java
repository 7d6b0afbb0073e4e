package dev.credence.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code credence} command in a JVM of its own, with {@link TinyImages}' data sets, for tests
 * that kill a run or race two writers. Arguments: the folder of the tiny images, then the command
 * line.
 */
public final class ForkedCli {
    private ForkedCli() {}

    /**
     * Runs a command and exits with its code.
     *
     * @param args the tiny images' root, then the command line
     * @throws IOException if the images cannot be written
     */
    public static void main(String[] args) throws IOException {
        CliRunner cli = CliRunner.withTinyImages(Path.of(args[0]));
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        System.exit(
                cli.runTo(
                        rest,
                        new PrintWriter(System.out, true),
                        new PrintWriter(System.err, true)));
    }

    /** Starts {@code credence args} in a new JVM; its output goes to {@code log}. */
    static Process start(Path images, Path log, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cp = new ArrayList<>();
        for (String key : List.of("java.class.path", "jdk.module.path")) {
            String v = System.getProperty(key);
            if (v != null && !v.isBlank()) {
                cp.add(v);
            }
        }
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                java,
                                "-Xmx512m",
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                String.join(File.pathSeparator, cp),
                                ForkedCli.class.getName(),
                                images.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
