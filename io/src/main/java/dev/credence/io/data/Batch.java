package dev.credence.io.data;

import dev.credence.api.tensor.Tensor;

/**
 * A {@link Dataset} (often one minibatch) copied onto a backend: a features tensor and, for
 * supervised data, a targets tensor with the same first dimension.
 */
public final class Batch {
    private final Tensor features;
    private final Tensor targets;

    Batch(Tensor features, Tensor targets) {
        this.features = features;
        this.targets = targets;
    }

    /**
     * Returns the features.
     *
     * @return a tensor of shape {@code [rows, ...]}
     */
    public Tensor features() {
        return features;
    }

    /**
     * Tells whether the batch has targets.
     *
     * @return true for supervised data
     */
    public boolean hasTargets() {
        return targets != null;
    }

    /**
     * Returns the targets.
     *
     * @return a tensor of shape {@code [rows, ...]}
     * @throws IllegalStateException if the data set has no targets
     */
    public Tensor targets() {
        if (targets == null) {
            throw new IllegalStateException(
                    "batch: this data set has no targets (features "
                            + features.shape()
                            + "); check hasTargets() first");
        }
        return targets;
    }
}
