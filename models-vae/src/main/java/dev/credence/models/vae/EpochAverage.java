package dev.credence.models.vae;

import dev.credence.api.infer.ProgressListener;

/**
 * Averages the ELBO over one epoch's SVI reports (each is the mean over the steps since the
 * previous one, so it is weighed by that many steps) and passes every report on.
 */
final class EpochAverage implements ProgressListener {
    private final ProgressListener next;
    private long last;
    private double sum;
    private long steps;

    /**
     * Starts an epoch.
     *
     * @param firstStep the number of steps before the epoch
     * @param next the listener to pass reports to
     */
    EpochAverage(long firstStep, ProgressListener next) {
        this.last = firstStep;
        this.next = next;
    }

    @Override
    public void onSvi(Svi p) {
        long n = p.step() - last;
        if (n > 0) {
            sum += p.elbo() * n;
            steps += n;
            last = p.step();
        }
        next.onSvi(p);
    }

    /**
     * Returns the mean ELBO of the epoch's steps.
     *
     * @return the mean, NaN if no step was reported
     */
    double mean() {
        return steps == 0 ? Double.NaN : sum / steps;
    }
}
