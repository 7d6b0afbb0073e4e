package dev.credence.cli;

import dev.credence.api.infer.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints MCMC progress to stderr, one line per chain every tenth of the run. */
final class McmcProgress implements ProgressListener {
    private final PrintWriter err;

    McmcProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onMcmc(Mcmc p) {
        int tenth = Math.max(1, p.total() / 10);
        if (p.iteration() % tenth != 0 && p.iteration() != p.total()) {
            return;
        }
        synchronized (err) {
            err.printf(
                    Locale.ROOT,
                    "chain %d  %5d/%d  %-8s  step %.3g  divergences %d%n",
                    p.chain() + 1,
                    p.iteration(),
                    p.total(),
                    p.warmup() ? "warm-up" : "sampling",
                    p.stepSize(),
                    p.divergences());
            err.flush();
        }
    }
}
