package dev.credence.models.vae;

import dev.credence.api.infer.ProgressListener;

/**
 * Receives the progress of VAE training: the optimisation's reports ({@link #onSvi}, as the SVI
 * algorithm sends them, ELBOs scaled to the whole training set) and one summary per epoch.
 */
public interface VaeListener extends ProgressListener {
    /** A listener that ignores everything. */
    VaeListener NONE = new VaeListener() {};

    /**
     * Called after each epoch's training and test evaluation.
     *
     * @param m the epoch's metrics
     */
    default void onEpoch(EpochMetrics m) {}
}
