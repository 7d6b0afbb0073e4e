package dev.credence.backend.nd4j;

import dev.credence.api.backend.SliceCopies;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between Java arrays and the native memory of a contiguous 'c'-order array, one JNI
 * copy each (ND4J's own {@code DataBuffer.asDouble()} reads element by element). The caller
 * guarantees that the Java array's element type matches the native one: {@code double} for FLOAT64,
 * {@code float} for FLOAT32, {@code int} for INT32 and {@code byte} (0 or 1) for BOOL.
 */
final class HostIo {
    private HostIo() {}

    private static Pointer address(INDArray a) {
        return a.data().addressPointer();
    }

    /**
     * Elements per piece when a long array is streamed through the host in pieces ({@link
     * #read(INDArray, long, float[], int)} and its siblings): 64 KiB of floats, so a piece stays in
     * the L2 cache between its read, its computation and its write.
     */
    static final int PIECE = 16384;

    /** Reads {@code m} floats starting at element {@code from} into {@code into[0..m)}. */
    static void read(INDArray a, long from, float[] into, int m) {
        new FloatPointer(address(a)).position(from).get(into, 0, m);
    }

    /** Reads {@code m} doubles starting at element {@code from} into {@code into[0..m)}. */
    static void read(INDArray a, long from, double[] into, int m) {
        new DoublePointer(address(a)).position(from).get(into, 0, m);
    }

    /** Reads {@code m} bytes (BOOL elements) starting at element {@code from}. */
    static void read(INDArray a, long from, byte[] into, int m) {
        new BytePointer(address(a)).position(from).get(into, 0, m);
    }

    /** Writes {@code data[0..m)} to the elements starting at {@code from}. */
    static void write(INDArray a, long from, float[] data, int m) {
        new FloatPointer(address(a)).position(from).put(data, 0, m);
    }

    /** Writes {@code data[0..m)} to the elements starting at {@code from}. */
    static void write(INDArray a, long from, double[] data, int m) {
        new DoublePointer(address(a)).position(from).put(data, 0, m);
    }

    static double[] readDoubles(INDArray a, int n) {
        double[] out = new double[n];
        if (n > 0) {
            new DoublePointer(address(a)).get(out, 0, n);
        }
        return out;
    }

    static float[] readFloats(INDArray a, int n) {
        float[] out = new float[n];
        if (n > 0) {
            new FloatPointer(address(a)).get(out, 0, n);
        }
        return out;
    }

    /** A buffer's elements in place, as bytes in native order (its array is dense, row-major). */
    static ByteBuffer view(Nd4jBuffer b) {
        long bytes = (long) b.shape.size() * b.dtype.byteSize();
        BytePointer p = new BytePointer(address(b.array));
        return p.position(0)
                .limit(bytes)
                .capacity(bytes)
                .asByteBuffer()
                .order(ByteOrder.nativeOrder());
    }

    /** Copies byte ranges from one array's native memory to another's, with 64-bit offsets. */
    static SliceCopies.Copy copier(INDArray src, INDArray dst) {
        BytePointer from = new BytePointer(address(src));
        BytePointer to = new BytePointer(address(dst));
        return (at, of, bytes) -> Pointer.memcpy(to.position(at), from.position(of), bytes);
    }

    static int[] readInts(INDArray a, int n) {
        int[] out = new int[n];
        if (n > 0) {
            new IntPointer(address(a)).get(out, 0, n);
        }
        return out;
    }

    static byte[] readBytes(INDArray a, int n) {
        byte[] out = new byte[n];
        if (n > 0) {
            new BytePointer(address(a)).get(out, 0, n);
        }
        return out;
    }

    static void write(INDArray a, double[] data, int n) {
        if (n > 0) {
            new DoublePointer(address(a)).put(data, 0, n);
        }
    }

    static void write(INDArray a, float[] data, int n) {
        if (n > 0) {
            new FloatPointer(address(a)).put(data, 0, n);
        }
    }

    static void write(INDArray a, int[] data, int n) {
        if (n > 0) {
            new IntPointer(address(a)).put(data, 0, n);
        }
    }

    static void write(INDArray a, byte[] data, int n) {
        if (n > 0) {
            new BytePointer(address(a)).put(data, 0, n);
        }
    }
}
