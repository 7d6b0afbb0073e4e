package dev.credence.inference.vi;

import dev.credence.api.infer.StateStore;

/**
 * How long {@link Svi#run} runs, how often it reports, and where it keeps its resumable state.
 *
 * @param steps the total number of steps of the run (a resumed run continues to this total)
 * @param reportEvery steps between progress reports (each reports the averages over its window)
 * @param checkpointEvery steps between saves of the state, 0 for none
 * @param store where the state is saved and resumed from, or null
 * @param resume whether to continue from the state in {@code store} when there is one
 */
public record SviSettings(
        long steps, int reportEvery, long checkpointEvery, StateStore store, boolean resume) {

    /**
     * Validates the settings.
     *
     * @param steps the total number of steps
     * @param reportEvery steps between reports
     * @param checkpointEvery steps between saves
     * @param store the state store
     * @param resume whether to resume
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
        if ((checkpointEvery > 0 || resume) && store == null) {
            throw new IllegalArgumentException(
                    "SVI: checkpoint-every and resume need a state-store");
        }
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
        return new SviSettings(steps, reportEvery, every, store, resumeFromStore);
    }
}
