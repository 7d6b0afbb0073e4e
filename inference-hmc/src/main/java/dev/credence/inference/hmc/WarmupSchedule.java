package dev.credence.inference.hmc;

/**
 * Stan's windowed warm-up: a fast initial buffer (75 iterations) that adapts only the step size,
 * then slow windows (25, 50, 100, ... iterations, each twice the last, the final one stretched to
 * the end) that also estimate the metric, then a terminal fast buffer (50 iterations). After each
 * slow window the metric is updated and step-size adaptation restarts. Short warm-ups shrink the
 * buffers to 15% and 10% of the iterations, as Stan does.
 */
final class WarmupSchedule {
    private final int numWarmup;
    private final int initBuffer;
    private final int termBuffer;
    private int windowSize;
    private int nextWindowEnd;

    WarmupSchedule(int numWarmup) {
        this(numWarmup, 75, 50, 25);
    }

    WarmupSchedule(int numWarmup, int init, int term, int base) {
        this.numWarmup = numWarmup;
        if (numWarmup < 20) {
            initBuffer = numWarmup;
            termBuffer = 0;
            windowSize = 0;
            nextWindowEnd = -1;
            return;
        }
        if (init + base + term > numWarmup) {
            init = (int) (0.15 * numWarmup);
            term = (int) (0.1 * numWarmup);
            base = numWarmup - (init + term);
        }
        initBuffer = init;
        termBuffer = term;
        windowSize = base;
        nextWindowEnd = init + base - 1;
    }

    /** Whether iteration {@code i} (0-based) contributes to the metric estimate. */
    boolean inSlowWindow(int i) {
        return nextWindowEnd >= 0
                && i >= initBuffer
                && i < numWarmup - termBuffer
                && i != numWarmup;
    }

    /** Whether iteration {@code i} ends a slow window; if so, advances to the next window. */
    boolean endOfSlowWindow(int i) {
        if (nextWindowEnd < 0 || i != nextWindowEnd || i == numWarmup) {
            return false;
        }
        int lastEnd = numWarmup - termBuffer - 1;
        if (nextWindowEnd != lastEnd) {
            windowSize *= 2;
            nextWindowEnd = i + windowSize;
            if (nextWindowEnd != lastEnd) {
                int boundary = nextWindowEnd + 2 * windowSize;
                if (boundary >= numWarmup - termBuffer) {
                    nextWindowEnd = lastEnd;
                }
            }
        }
        return true;
    }
}
