package dev.credence.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints of tensors on the jvm backend: every dtype back bit for bit, shapes kept. */
class CheckpointTensorsTest {
    private final Backend b = Backends.discover().select("jvm");
    @TempDir Path dir;

    @Test
    @DisplayName("FLOAT32, FLOAT64 and INT32 tensors round-trip bit for bit, scalars included")
    void tensors() throws IOException {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("w", Tensor.of(b, new float[] {1.5f, -0f, Float.MIN_VALUE, 3e38f, 1e-3f, 7}, 2, 3));
        t.put("mu", Tensor.of(b, new double[] {Math.E, -0.0, Double.MAX_VALUE, 1e-310}, 4));
        t.put("idx", Tensor.ofInts(b, new int[] {-1, 0, Integer.MAX_VALUE}, 3, 1));
        t.put("lr", Tensor.scalar(b, 1e-3, DType.FLOAT64));
        Path f = dir.resolve("params.ckpt");
        Checkpoint.ofTensors(t, Map.of("step", 100)).write(f);
        Map<String, Tensor> back = Checkpoint.read(f).toTensors(b);
        assertEquals(t.keySet(), back.keySet());
        for (String k : t.keySet()) {
            Tensor x = t.get(k);
            Tensor y = back.get(k);
            assertEquals(x.dtype(), y.dtype(), k);
            assertEquals(x.shape(), y.shape(), k);
            switch (x.dtype()) {
                case FLOAT32 -> assertArrayEquals(floatBits(x), floatBits(y), k);
                case FLOAT64 -> assertArrayEquals(doubleBits(x), doubleBits(y), k);
                default -> assertArrayEquals(x.toIntArray(), y.toIntArray(), k);
            }
        }
    }

    @Test
    @DisplayName("a BOOL tensor must be cast first, and the message says so")
    void bool() {
        Tensor mask = Tensor.of(b, new double[] {1, 2}).lt(1.5);
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Checkpoint.ofTensors(Map.of("mask", mask), Map.of()));
        assertEquals(
                "host array: BOOL tensors are not held; cast to INT32 first (shape [2])",
                e.getMessage());
    }

    private static int[] floatBits(Tensor t) {
        float[] v = t.toFloatArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }

    private static long[] doubleBits(Tensor t) {
        double[] v = t.toDoubleArray();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }
}
