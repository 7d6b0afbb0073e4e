package dev.credence.io.data;

import dev.credence.api.backend.Shape;
import dev.credence.io.HostArray;

/**
 * The content of one IDX file of unsigned bytes: its shape, its bytes and their SHA-256.
 *
 * <p>For MNIST-like sets an image file has shape {@code [count, rows, columns]} and a label file
 * {@code [count]}. {@link #toFloats()} gives images as FLOAT32 values in {@code [0, 1]}; {@link
 * #toInts()} gives labels (or raw pixel values) as INT32.
 */
public final class IdxFile {
    private final String source;
    private final Shape shape;
    private final byte[] data;
    private final String sha256;

    IdxFile(String source, Shape shape, byte[] data, String sha256) {
        this.source = source;
        this.shape = shape;
        this.data = data;
        this.sha256 = sha256;
    }

    /**
     * Returns the file (or stream) name the content came from.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * Returns the shape the header declares.
     *
     * @return the shape; the first dimension counts the items
     */
    public Shape shape() {
        return shape;
    }

    /**
     * Returns the number of items, the first dimension.
     *
     * @return the count
     */
    public int count() {
        return shape.dim(0);
    }

    /**
     * Returns the SHA-256 of the uncompressed IDX content (header and data), the same whether the
     * file was stored raw or gzip-compressed, and however it was compressed.
     *
     * @return 64 lowercase hex digits
     */
    public String sha256() {
        return sha256;
    }

    /**
     * Returns a copy of the raw bytes, values 0 to 255 stored as Java's signed bytes.
     *
     * @return the bytes in row-major order
     */
    public byte[] bytes() {
        return data.clone();
    }

    /**
     * Returns the values scaled to {@code [0, 1]} (byte / 255) as a FLOAT32 array of this shape,
     * ready for {@link HostArray#toTensor(dev.credence.api.backend.Backend)}.
     *
     * @return the scaled values
     */
    public HostArray toFloats() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (data[i] & 0xFF) / 255f;
        }
        return HostArray.ofFloats(out, shape.dims());
    }

    /**
     * Returns the values 0 to 255 as an INT32 array of this shape, for labels.
     *
     * @return the values
     */
    public HostArray toInts() {
        int[] out = new int[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i] & 0xFF;
        }
        return HostArray.ofInts(out, shape.dims());
    }

    @Override
    public String toString() {
        return "IdxFile[" + source + ", " + shape + "]";
    }
}
