package dev.credence.io.data;

/** The two published parts of an MNIST-like data set. */
public enum Split {
    /** The training part, files {@code train-*}. */
    TRAIN("train"),
    /** The test part, files {@code t10k-*}. */
    TEST("t10k");

    private final String filePrefix;

    Split(String filePrefix) {
        this.filePrefix = filePrefix;
    }

    /**
     * Returns the prefix of this part's file names.
     *
     * @return {@code train} or {@code t10k}
     */
    public String filePrefix() {
        return filePrefix;
    }
}
