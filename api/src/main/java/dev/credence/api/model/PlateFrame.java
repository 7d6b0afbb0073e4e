package dev.credence.api.model;

import java.util.Arrays;

/**
 * One plate a site sits in: conditionally independent repetitions along one batch axis.
 *
 * @param name the plate's name
 * @param size the full number of repetitions {@code N}
 * @param subsampleSize the number {@code B} used in this run ({@code B = N} without subsampling)
 * @param dim the batch axis, counted from the right of the batch shape (-1 is the last)
 * @param indices the subsample, {@code B} indices in {@code [0, N)}, or null when {@code B = N}
 */
public record PlateFrame(String name, int size, int subsampleSize, int dim, int[] indices) {
    /**
     * Validates and copies the indices.
     *
     * @param name the plate's name
     * @param size the full size
     * @param subsampleSize the subsample size
     * @param dim the batch axis
     * @param indices the subsample indices or null
     */
    public PlateFrame {
        indices = indices == null ? null : indices.clone();
    }

    /**
     * Returns a copy of the subsample indices.
     *
     * @return the indices, or null when the whole plate is used
     */
    @Override
    public int[] indices() {
        return indices == null ? null : indices.clone();
    }

    /**
     * Returns the factor {@code N / B} that rescales log-likelihoods inside the plate.
     *
     * @return the scale
     */
    public double scale() {
        return (double) size / subsampleSize;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlateFrame f
                && f.name.equals(name)
                && f.size == size
                && f.subsampleSize == subsampleSize
                && f.dim == dim
                && Arrays.equals(f.indices, indices);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(indices);
    }

    @Override
    public String toString() {
        return "PlateFrame[" + name + ", " + subsampleSize + "/" + size + ", dim " + dim + "]";
    }
}
