package dev.credence.cli;

import dev.credence.models.vae.EpochMetrics;
import dev.credence.models.vae.VaeListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A VAE's training progress: one bar with ETA over all training steps (see {@link RunProgress}),
 * and one line per epoch with its train and test loss.
 */
final class VaeProgress extends RunProgress implements VaeListener {

    VaeProgress(PrintWriter err) {
        super(err);
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        println(
                String.format(
                        Locale.ROOT,
                        "epoch %3d  train loss %.2f  test loss %.2f  (%.1f s train, %.1f s eval)",
                        m.epoch(),
                        m.trainLoss(),
                        m.testLoss(),
                        m.trainSeconds(),
                        m.evalSeconds()));
    }
}
