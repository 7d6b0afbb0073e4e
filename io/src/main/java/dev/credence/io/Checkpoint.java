package dev.credence.io;

import dev.credence.api.backend.Backend;
import dev.credence.api.tensor.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Named arrays and free-form metadata, saved to and loaded from a versioned checkpoint file.
 *
 * <p>The file is a JSON header followed by the raw arrays, little-endian, never Java serialization:
 *
 * <pre>
 * bytes 0-7    the magic "CREDCKPT"
 * bytes 8-11   the format version, 2 (unsigned 32-bit, little-endian, like every number here)
 * bytes 12-15  H, the header length in bytes
 * bytes 16-19  the CRC-32C of the H header bytes
 * bytes 20-    the header: H bytes of UTF-8 JSON, then zero padding to a multiple of 64
 * data         each array's elements in row-major order, little-endian, at a multiple of 64
 * </pre>
 *
 * The header holds {@code "format": "credence-checkpoint"}, the format {@code "version"} (now
 * {@value #FORMAT_VERSION}), {@code "dataBytes"}, the list of {@code "arrays"} (name, dtype, shape,
 * offset from the start of the data, length in bytes and CRC-32C of those bytes) and the {@code
 * "metadata"} object. Reading checks every one of these against the file and reports the first
 * mismatch with a {@link FileFormatException}: a truncated file, a newer format version, a header
 * whose checksum does not match (an edited {@code metadata} value is refused, never used), a length
 * that does not fit the dtype and shape, or a damaged array.
 *
 * <p>Version 1 files (a 12-byte preamble of magic and header length, and no header checksum) still
 * read; their arrays are checked, their header cannot be.
 *
 * <p>{@link #write(Path)} goes through {@link AtomicFiles}: a failed or interrupted write leaves
 * the previous checkpoint intact.
 *
 * <pre>{@code
 * Checkpoint.ofTensors(Map.of("w", w, "b", b), Map.of("epoch", 12)).write(file);
 * Checkpoint c = Checkpoint.read(file);
 * Map<String, Tensor> params = c.toTensors(backend);
 * long epoch = (Long) c.metadata().get("epoch");
 * }</pre>
 */
public final class Checkpoint {

    /** The format version this class writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 2;

    private final Map<String, HostArray> arrays;
    private final Map<String, Object> metadata;

    private Checkpoint(Map<String, HostArray> arrays, Map<String, Object> metadata) {
        this.arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * Creates a checkpoint from host arrays.
     *
     * @param arrays the arrays by name, in the order they are to be stored
     * @param metadata free-form values that {@link Json#write(Object)} accepts
     * @return the checkpoint
     * @throws IllegalArgumentException for an empty name or metadata that JSON cannot hold
     */
    public static Checkpoint of(Map<String, HostArray> arrays, Map<String, ?> metadata) {
        for (String name : arrays.keySet()) {
            if (name.isEmpty()) {
                throw new IllegalArgumentException("checkpoint: array names must not be empty");
            }
        }
        Json.write(metadata); // fails early, naming the offending entry
        return new Checkpoint(arrays, new LinkedHashMap<>(metadata));
    }

    /**
     * Creates a checkpoint from tensors, copying them to the host.
     *
     * @param tensors FLOAT32, FLOAT64 or INT32 tensors by name
     * @param metadata free-form values that {@link Json#write(Object)} accepts
     * @return the checkpoint
     */
    public static Checkpoint ofTensors(Map<String, Tensor> tensors, Map<String, ?> metadata) {
        Map<String, HostArray> host = new LinkedHashMap<>();
        tensors.forEach((k, t) -> host.put(k, HostArray.of(t)));
        return of(host, metadata);
    }

    /**
     * Returns the arrays by name, in file order.
     *
     * @return an unmodifiable map
     */
    public Map<String, HostArray> arrays() {
        return arrays;
    }

    /**
     * Returns one array.
     *
     * @param name the name
     * @return the array
     * @throws IllegalArgumentException naming the arrays present if there is none by that name
     */
    public HostArray array(String name) {
        HostArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException(
                    "checkpoint: no array named '" + name + "'; present: " + arrays.keySet());
        }
        return a;
    }

    /**
     * Returns the metadata. After {@link #read(Path)}, numbers are {@link Long} or {@link Double}
     * as described in {@link Json}.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /**
     * Copies every array onto a backend, keeping dtypes and shapes.
     *
     * @param b the backend
     * @return the tensors by name, in file order
     */
    public Map<String, Tensor> toTensors(Backend b) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        arrays.forEach((k, a) -> out.put(k, a.toTensor(b)));
        return out;
    }

    /**
     * Writes this checkpoint atomically.
     *
     * @param file the file to create or replace
     * @throws IOException if writing fails; an existing file is then unchanged
     */
    public void write(Path file) throws IOException {
        write(file, UnaryOperator.identity());
    }

    /**
     * Writes this checkpoint atomically and its provenance record beside it.
     *
     * @param file the file to create or replace
     * @param record the record, written to {@link RunRecord#besidePath(Path)}
     * @throws IOException if writing fails
     */
    public void write(Path file, RunRecord record) throws IOException {
        write(file);
        record.writeBeside(file);
    }

    /** Writes through a stream decorator; tests use it to fail in the middle of a write. */
    void write(Path file, UnaryOperator<OutputStream> decorate) throws IOException {
        CheckpointFormat.Encoded enc = CheckpointFormat.encode(arrays, metadata);
        AtomicFiles.write(file, out -> enc.writeTo(decorate.apply(out)));
    }

    /**
     * Reads and validates a checkpoint.
     *
     * @param file the file
     * @return the checkpoint
     * @throws FileFormatException if the file is not a valid checkpoint of a supported version
     * @throws IOException if the file cannot be read
     */
    public static Checkpoint read(Path file) throws IOException {
        CheckpointFormat.Decoded d = CheckpointFormat.decode(file);
        return new Checkpoint(d.arrays(), d.metadata());
    }
}
