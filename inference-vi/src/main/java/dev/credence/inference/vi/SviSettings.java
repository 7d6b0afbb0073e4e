package dev.credence.inference.vi;

import dev.credence.api.infer.StateStore;
import java.io.IOException;

/**
 * How long {@link Svi#run} runs, how often it reports, where it keeps its resumable state and what
 * it does at its checkpoints.
 *
 * <p>A checkpoint comes every {@code checkpointEvery} steps: the state is saved to the store, if
 * there is one; the steps since the last progress report are reported; then {@code atCheckpoint},
 * if there is one, is called with the state.
 *
 * @param steps the total number of steps of the run (a resumed run continues to this total)
 * @param reportEvery steps between progress reports (each reports the averages over its window)
 * @param checkpointEvery steps between checkpoints, 0 for none
 * @param store where the state is saved and resumed from, or null
 * @param resume whether to continue from the state in {@code store} when there is one
 * @param atCheckpoint called at every checkpoint, or null
 */
public record SviSettings(
        long steps,
        int reportEvery,
        long checkpointEvery,
        StateStore store,
        boolean resume,
        AtCheckpoint atCheckpoint) {

    /** Work done at a checkpoint of a run, with the state it has reached. */
    @FunctionalInterface
    public interface AtCheckpoint {
        /**
         * Called at a checkpoint. The state's params stay usable after the call (the run does not
         * free them when a later step replaces them); its optimizer slots do not.
         *
         * @param state the state after the checkpoint's step
         * @throws IOException if the work's own writing fails; the run stops with it
         */
        void reached(SviState state) throws IOException;
    }

    /**
     * Validates the settings.
     *
     * @param steps the total number of steps
     * @param reportEvery steps between reports
     * @param checkpointEvery steps between checkpoints
     * @param store the state store
     * @param resume whether to resume
     * @param atCheckpoint the work at each checkpoint
     */
    public SviSettings {
        if (steps < 0) {
            throw new IllegalArgumentException("SVI: steps must be >= 0, found " + steps);
        }
        if (reportEvery < 1) {
            throw new IllegalArgumentException(
                    "SVI: report-every must be >= 1, found " + reportEvery);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException(
                    "SVI: checkpoint-every must be >= 0, found " + checkpointEvery);
        }
        if (resume && store == null) {
            throw new IllegalArgumentException("SVI: resume needs a state-store");
        }
        if (checkpointEvery > 0 && store == null && atCheckpoint == null) {
            throw new IllegalArgumentException(
                    "SVI: checkpoint-every needs a state-store or work to do at checkpoints");
        }
        if (atCheckpoint != null && checkpointEvery == 0) {
            throw new IllegalArgumentException(
                    "SVI: work at checkpoints needs checkpoint-every > 0");
        }
    }

    /**
     * Settings without work at checkpoints.
     *
     * @param steps the total number of steps
     * @param reportEvery steps between reports
     * @param checkpointEvery steps between saves
     * @param store the state store
     * @param resume whether to resume
     */
    public SviSettings(
            long steps, int reportEvery, long checkpointEvery, StateStore store, boolean resume) {
        this(steps, reportEvery, checkpointEvery, store, resume, null);
    }

    /**
     * Settings for a plain run: no checkpoints, a report every 100 steps.
     *
     * @param steps the number of steps
     * @return the settings
     */
    public static SviSettings of(long steps) {
        return new SviSettings(steps, 100, 0, null, false);
    }

    /**
     * Returns a copy that saves its state.
     *
     * @param every steps between saves
     * @param store where the state goes
     * @param resumeFromStore whether to resume from a state found there
     * @return the new settings
     */
    public SviSettings withCheckpoints(long every, StateStore store, boolean resumeFromStore) {
        return new SviSettings(steps, reportEvery, every, store, resumeFromStore, atCheckpoint);
    }

    /**
     * Returns a copy that calls {@code work} at every checkpoint.
     *
     * @param work the work
     * @return the new settings
     */
    public SviSettings atCheckpoints(AtCheckpoint work) {
        return new SviSettings(steps, reportEvery, checkpointEvery, store, resume, work);
    }
}
