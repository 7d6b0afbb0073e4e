package dev.credence.inference.vi;

import java.nio.file.Path;

/**
 * How long {@link Svi#run} runs, how often it reports, and where it checkpoints.
 *
 * @param steps the total number of steps of the run (a resumed run continues to this total)
 * @param reportEvery steps between progress reports (each reports the averages over its window)
 * @param checkpointEvery steps between checkpoints, 0 for none
 * @param checkpointDir the folder of the checkpoint file {@value #CHECKPOINT_FILE}, or null
 * @param resume whether to continue from the checkpoint in {@code checkpointDir} when there is one
 */
public record SviSettings(
        long steps, int reportEvery, long checkpointEvery, Path checkpointDir, boolean resume) {

    /** The name of the checkpoint file inside {@code checkpointDir}. */
    public static final String CHECKPOINT_FILE = "svi.ckpt";

    /**
     * Validates the settings.
     *
     * @param steps the total number of steps
     * @param reportEvery steps between reports
     * @param checkpointEvery steps between checkpoints
     * @param checkpointDir the checkpoint folder
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
        if ((checkpointEvery > 0 || resume) && checkpointDir == null) {
            throw new IllegalArgumentException(
                    "SVI: checkpoint-every and resume need a checkpoint-dir");
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
     * Returns a copy that checkpoints.
     *
     * @param every steps between checkpoints
     * @param dir the folder
     * @param resumeFromDir whether to resume from a checkpoint found there
     * @return the new settings
     */
    public SviSettings withCheckpoints(long every, Path dir, boolean resumeFromDir) {
        return new SviSettings(steps, reportEvery, every, dir, resumeFromDir);
    }

    /**
     * Returns the checkpoint file.
     *
     * @return the path, or null without a folder
     */
    public Path checkpointFile() {
        return checkpointDir == null ? null : checkpointDir.resolve(CHECKPOINT_FILE);
    }
}
