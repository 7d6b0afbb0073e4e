package dev.credence.io.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.credence.api.backend.Backend;
import dev.credence.api.backend.Backends;
import dev.credence.api.backend.DType;
import dev.credence.api.backend.Shape;
import dev.credence.api.random.RandomKey;
import dev.credence.io.HostArray;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data sets copied onto the jvm backend. */
class DatasetTensorsTest {
    private final Backend b = Backends.discover().select("jvm");

    @Test
    @DisplayName("an MNIST minibatch: FLOAT32 images [128, 28, 28], INT32 labels [128]")
    void mnistBatch(@TempDir Path cache) throws IOException {
        Path mnist = SharedData.dir("mnist-t10k");
        Dataset test =
                Datasets.builder()
                        .download(false)
                        .listener(DownloadListener.NONE)
                        .cacheDir(cache)
                        .build()
                        .load("mnist", Split.TEST, mnist);
        Dataset first = test.epoch(RandomKey.of(1), 0, 128, true).iterator().next();
        Batch batch = first.toTensors(b, DType.FLOAT32);
        assertEquals(DType.FLOAT32, batch.features().dtype());
        assertEquals(Shape.of(128, 28, 28), batch.features().shape());
        assertEquals(DType.INT32, batch.targets().dtype());
        assertEquals(Shape.of(128), batch.targets().shape());
        assertEquals(first.features().getDouble(300), batch.features().toDoubleArray()[300]);
    }

    @Test
    @DisplayName("floating arrays take the requested dtype; a set without targets says so")
    void dtypes() {
        Dataset d =
                Dataset.of(
                        HostArray.ofDoubles(new double[] {0.1, 0.2}, 2, 1),
                        HostArray.ofDoubles(new double[] {1, 2}));
        Batch t = d.toTensors(b, DType.FLOAT32);
        assertEquals(DType.FLOAT32, t.features().dtype());
        assertEquals(DType.FLOAT32, t.targets().dtype());
        assertEquals(0.1f, t.features().toFloatArray()[0]);
        Batch u = Dataset.of(HostArray.ofFloats(new float[] {1, 2})).toTensors(b, DType.FLOAT64);
        assertFalse(u.hasTargets());
        var e = assertThrows(IllegalStateException.class, u::targets);
        assertEquals(
                "batch: this data set has no targets (features [2]); check hasTargets()" + " first",
                e.getMessage());
    }
}
