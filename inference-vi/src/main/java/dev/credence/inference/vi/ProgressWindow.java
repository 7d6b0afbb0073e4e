package dev.credence.inference.vi;

import dev.credence.api.infer.ProgressListener;

/**
 * Averages the ELBO and its parts over the steps since the last report, and the step rate, for
 * {@link ProgressListener.Svi} reports: single estimates are too noisy to read.
 */
final class ProgressWindow {
    private final long total;
    private final ProgressListener listener;
    private double elbo;
    private double logLikelihood;
    private double kl;
    private int count;
    private long since = System.nanoTime();

    ProgressWindow(long total, ProgressListener listener) {
        this.total = total;
        this.listener = listener;
    }

    void add(SviStep s) {
        elbo += s.elbo();
        logLikelihood += s.logLikelihood();
        kl += s.kl();
        count++;
    }

    void report(long step) {
        if (count == 0) {
            return;
        }
        long now = System.nanoTime();
        double rate = count / Math.max(1e-9, (now - since) / 1e9);
        listener.onSvi(
                new ProgressListener.Svi(
                        step, total, elbo / count, logLikelihood / count, kl / count, rate));
        elbo = 0;
        logLikelihood = 0;
        kl = 0;
        count = 0;
        since = now;
    }
}
