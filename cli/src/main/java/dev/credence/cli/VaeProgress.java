package dev.credence.cli;

import dev.credence.models.vae.EpochMetrics;
import dev.credence.models.vae.VaeListener;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a VAE's training progress: throughput within an epoch, then one line per epoch. */
final class VaeProgress implements VaeListener {
    private final PrintWriter err;

    VaeProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onSvi(Svi p) {
        synchronized (err) {
            err.printf(
                    Locale.ROOT,
                    "\r  step %7d/%d  ELBO %.1f  (log-lik %.1f, KL %.1f)  %.1f steps/s   ",
                    p.step(),
                    p.total(),
                    p.elbo(),
                    p.logLikelihood(),
                    p.kl(),
                    p.stepsPerSecond());
            err.flush();
        }
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        synchronized (err) {
            err.printf(
                    Locale.ROOT,
                    "%nepoch %3d  train loss %.2f  test loss %.2f  (%.1f s train, %.1f s eval)%n",
                    m.epoch(),
                    m.trainLoss(),
                    m.testLoss(),
                    m.trainSeconds(),
                    m.evalSeconds());
            err.flush();
        }
    }
}
