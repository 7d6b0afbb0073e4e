package dev.credence.cli;

import dev.credence.cli.folder.RunFolder;
import dev.credence.io.data.Dataset;
import dev.credence.models.vae.VaeCheckpoint;
import dev.credence.models.vae.VaeConfig;
import dev.credence.models.vae.VaeResult;
import dev.credence.models.vae.VaeTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The work of {@code vae train} and {@code vae eval} once their inputs are checked and their folder
 * is claimed: train or evaluate, print the report, and mark the folder finished.
 */
final class VaeRuns {
    private final PrintWriter out;
    private final VaeTrainer trainer;

    VaeRuns(PrintWriter out, VaeTrainer trainer) {
        this.out = out;
        this.trainer = trainer;
    }

    int train(VaeConfig config, String data, Dataset train, Dataset test, RunFolder folder)
            throws IOException {
        out.printf(
                Locale.ROOT,
                "VAE on %s (%d train, %d test images), %d epochs%n",
                data,
                train.size(),
                test.size(),
                config.epochs());
        VaeResult r = trainer.train(config, train, test, folder.dir(), folder.continuing());
        return report(r, folder);
    }

    int eval(VaeCheckpoint checkpoint, Dataset test, RunFolder folder) throws IOException {
        return report(trainer.evaluate(checkpoint, test, folder.dir()), folder);
    }

    private int report(VaeResult r, RunFolder folder) throws IOException {
        out.printf(
                Locale.ROOT, "%ntest loss (negative ELBO per example): %.2f nats%n", r.testLoss());
        out.printf(
                Locale.ROOT,
                "importance-sampled -log p(x) over %d test images: %.2f nats%n",
                r.nllExamples(),
                r.negLogLikelihood());
        out.println("wrote:");
        for (Path f : r.files()) {
            out.println("  " + f);
        }
        out.println("  " + RunOutput.report(folder.dir()));
        out.flush();
        folder.finish();
        return ExitCode.OK.code();
    }
}
