package dev.credence.models.vae;

import dev.credence.api.infer.ProgressListener;

/**
 * Averages the ELBO over each epoch's SVI reports (each is the mean over the steps since the
 * previous one, so it is weighed by that many steps; SVI reports at every checkpoint, so no window
 * spans two epochs) and passes every report on.
 */
final class EpochAverage implements ProgressListener {
    private final ProgressListener next;
    private long last;
    private double sum;
    private long steps;

    /**
     * Starts averaging.
     *
     * @param firstStep the number of steps before the first epoch
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
     * Ends the epoch: returns the mean ELBO of its reported steps and starts the next.
     *
     * @return the mean, NaN if no step was reported
     */
    double endEpoch() {
        double mean = steps == 0 ? Double.NaN : sum / steps;
        sum = 0;
        steps = 0;
        return mean;
    }
}
