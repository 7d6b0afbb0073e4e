package dev.credence.cli;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.infer.Inferences;
import dev.credence.cli.folder.FolderMode;
import dev.credence.cli.folder.RunFolder;
import dev.credence.io.RunRecord;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code credence demo}: the main job, on the backend chosen as for every command (the embedded
 * {@code jvm} unless a native pack is installed or one is named). A Bayesian neural network fitted
 * by NUTS and by VI shows its uncertainty growing where there is no data; a short VAE epoch on
 * Fashion-MNIST draws reconstructions and samples. The files written are listed at the end.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run the demonstration job: a BNN by NUTS and VI, and a short VAE epoch.")
public final class DemoCommand implements Callable<Integer> {
    private final Backends backends;
    private final Inferences inferences;
    private final ImageSets images;
    private final RunFolders folders;

    @Spec CommandSpec spec;

    @Mixin RunOptions common;
    @Mixin OutputOptions outputs;
    @Mixin VerboseOption verbose;

    @Option(
            names = "--data-dir",
            description =
                    "Folder with the Fashion-MNIST IDX files (default: cache, Debian's package, or download).")
    Path dataDir;

    @Option(names = "--skip-vae", description = "Run only the BNN part.")
    boolean skipVae;

    /**
     * Creates the command.
     *
     * @param backends the backend registry
     * @param inferences the inference registry
     * @param images the named image sets
     * @param folders the output folders of this invocation
     */
    @Inject
    public DemoCommand(
            Backends backends, Inferences inferences, ImageSets images, RunFolders folders) {
        this.backends = backends;
        this.inferences = inferences;
        this.images = images;
        this.folders = folders;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Backend b = BackendChoice.select(backends, common.backend);
        RunFolder folder =
                folders.claim(
                        new RunFolder.Request(
                                outputs.output,
                                "demo",
                                "demo",
                                outputs.force ? FolderMode.REPLACE : FolderMode.CREATE,
                                null,
                                false,
                                64L << 20));
        folder.begin(Map.of("seed", common.seed, "skip-vae", skipVae));
        Path dir = folder.dir();
        Instant start = Instant.now();
        out.printf("Credence demo on backend %s, output in %s%n", b.name(), dir);
        List<Path> files = new ArrayList<>(DemoBnn.run(b, inferences, common.seed, dir, out, err));
        int code = ExitCode.OK.code();
        if (!skipVae) {
            try {
                files.addAll(
                        DemoVae.run(b, inferences, images, common.seed, dataDir, dir, out, err));
            } catch (UncheckedIOException e) {
                err.println(
                        "credence: error: the VAE part needs Fashion-MNIST: "
                                + Failures.message(e)
                                + " (give --data-dir, install Debian's dataset-fashion-mnist, or allow the download;"
                                + " --skip-vae runs the BNN part alone)");
                code = ExitCode.DATA.code();
            }
        }
        RunRecord record =
                RunOutput.record(
                        b, "demo", Map.of("skip-vae", skipVae), common.seed, "builtin:demo", start);
        Path recordFile = record.writeBeside(dir.resolve("demo"));
        files.add(recordFile);
        out.println("\nwrote:");
        files.forEach(f -> out.println("  " + f));
        out.flush();
        folder.finish();
        return code;
    }
}
