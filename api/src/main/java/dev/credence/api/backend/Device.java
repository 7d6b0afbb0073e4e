package dev.credence.api.backend;

/**
 * Where a backend keeps its buffers: the host CPU or one accelerator.
 *
 * @param kind the kind of device
 * @param index the device index among devices of its kind (0 for the CPU)
 */
public record Device(Kind kind, int index) {

    /** The host CPU. */
    public static final Device CPU = new Device(Kind.CPU, 0);

    /** Kinds of device. */
    public enum Kind {
        /** The host processor. */
        CPU,
        /** A CUDA GPU. */
        GPU
    }

    /**
     * Validates the index.
     *
     * @param kind the kind of device
     * @param index the device index, at least 0
     */
    public Device {
        if (kind == null) {
            throw new IllegalArgumentException("device kind must not be null");
        }
        if (index < 0) {
            throw new IllegalArgumentException("device index must be >= 0, found " + index);
        }
    }

    /**
     * Returns the GPU with the given index.
     *
     * @param index the CUDA device index
     * @return the device
     */
    public static Device gpu(int index) {
        return new Device(Kind.GPU, index);
    }

    @Override
    public String toString() {
        return kind == Kind.CPU ? "cpu" : "gpu:" + index;
    }
}
