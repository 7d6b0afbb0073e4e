package dev.credence.api.backend;

/**
 * A backend's opaque storage for one tensor's elements.
 *
 * <p>Only the backend that created a buffer looks inside it; the API sees just its shape and dtype.
 * A backend implements this interface on its own array type (a Java array, an ND4J {@code
 * INDArray}, a DJL {@code NDArray}).
 */
public interface Buffer {
    /**
     * Returns the shape of the stored elements.
     *
     * @return the shape
     */
    Shape shape();

    /**
     * Returns the element type.
     *
     * @return the dtype
     */
    DType dtype();
}
