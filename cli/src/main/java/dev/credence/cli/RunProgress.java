package dev.credence.cli;

import dev.credence.api.infer.ProgressListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with elapsed time and ETA on stderr for a long run, drawn by the me.tongfei
 * progressbar library: one bar for all MCMC chains together (iterations summed over chains, with
 * the phase and the divergences so far) or one for an SVI run (steps, with the current ELBO).
 *
 * <p>On a terminal the bar redraws in place twice a second; when stderr is a file or a pipe it is
 * written as a plain line every ten seconds, so logs stay readable. Close it when the run ends (the
 * bar then shows its final state and ends its line); it also closes by itself once every chain, or
 * the SVI run, has reported its last iteration, so the lines printed after a fit never share a line
 * with the bar. Thread-safe: chains report from their own threads.
 *
 * <p>It also keeps every SVI report ({@link #sviTrace()}), so that the run can write its ELBO curve
 * ({@link RunOutput#sviTrace}).
 */
class RunProgress implements ProgressListener, AutoCloseable {
    private static final int WIDTH = 110;

    private final PrintWriter err;
    private final boolean terminal;
    private final Map<Integer, Integer> chainIterations = new HashMap<>();
    private final List<Svi> sviTrace = new ArrayList<>();
    private ProgressBar bar;
    private boolean drawn;
    private String lastDrawn = "";

    /**
     * Creates a listener that opens its bar on the first progress report.
     *
     * @param err where the bar is drawn
     */
    RunProgress(PrintWriter err) {
        this(err, System.console() != null);
    }

    RunProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void onMcmc(Mcmc p) {
        chainIterations.put(p.chain(), p.iteration());
        long max = (long) p.total() * chainIterations.size();
        ProgressBar b = bar("MCMC", max, " it");
        if (b.getMax() != max) {
            b.maxHint(max);
        }
        long done = 0;
        for (int it : chainIterations.values()) {
            done += it;
        }
        b.stepTo(done);
        b.setExtraMessage(
                String.format(
                        Locale.ROOT,
                        " %s, %d chain%s, step %.3g, %d divergent",
                        p.warmup() ? "warm-up" : "sampling",
                        chainIterations.size(),
                        chainIterations.size() == 1 ? "" : "s",
                        p.stepSize(),
                        p.divergences()));
        if (chainIterations.values().stream().allMatch(it -> it >= p.total())) {
            close();
        }
    }

    @Override
    public synchronized void onSvi(Svi p) {
        sviTrace.add(p);
        ProgressBar b = bar("SVI", p.total(), " steps");
        b.stepTo(p.step());
        b.setExtraMessage(String.format(Locale.ROOT, " ELBO %.6g", p.elbo()));
        if (p.step() >= p.total()) {
            close();
        }
    }

    /**
     * Returns the SVI reports received so far, in order (empty for an MCMC run).
     *
     * @return the reports
     */
    synchronized List<Svi> sviTrace() {
        return List.copyOf(sviTrace);
    }

    /**
     * Writes a line of its own between the bar's redraws (the bar continues below it).
     *
     * @param line the text
     */
    void println(String line) {
        synchronized (err) {
            if (terminal && drawn) {
                err.print("\r\033[K");
            }
            err.println(line);
            err.flush();
        }
    }

    private ProgressBar bar(String task, long max, String unit) {
        if (bar == null) {
            bar =
                    new ProgressBarBuilder()
                            .setTaskName(task)
                            .setInitialMax(max)
                            .setStyle(ProgressBarStyle.ASCII)
                            .setUpdateIntervalMillis(terminal ? 500 : 10_000)
                            .setUnit(unit, 1)
                            .showSpeed()
                            .setConsumer(new DelegatingProgressBarConsumer(this::draw, WIDTH))
                            .build();
        }
        return bar;
    }

    private void draw(String rendered) {
        synchronized (err) {
            if (terminal) {
                err.print('\r');
                err.print(rendered);
            } else if (!rendered.equals(lastDrawn)) {
                err.println(rendered);
            }
            lastDrawn = rendered;
            err.flush();
            drawn = true;
        }
    }

    /** Closes the bar if one is open; a later progress report opens a new one. */
    @Override
    public synchronized void close() {
        chainIterations.clear();
        if (bar != null) {
            bar.close();
            bar = null;
            synchronized (err) {
                if (terminal) {
                    err.println();
                }
                err.flush();
                drawn = false;
            }
        }
    }
}
