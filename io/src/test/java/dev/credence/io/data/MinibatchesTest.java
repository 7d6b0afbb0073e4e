package dev.credence.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.credence.api.backend.Shape;
import dev.credence.api.random.RandomKey;
import dev.credence.io.HostArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Shuffled minibatches: reproducible per key, different across keys, each row once an epoch. */
class MinibatchesTest {
    static final RandomKey KEY = RandomKey.of(4711);

    /** Row r holds features (r, -r) and target r, so a batch shows which rows it took. */
    static Dataset rows(int n) {
        double[] x = new double[2 * n];
        int[] y = new int[n];
        for (int r = 0; r < n; r++) {
            x[2 * r] = r;
            x[2 * r + 1] = -r;
            y[r] = r;
        }
        return Dataset.of(HostArray.ofDoubles(x, n, 2), HostArray.ofInts(y, n));
    }

    static List<int[]> targets(Iterable<Dataset> batches) {
        List<int[]> out = new ArrayList<>();
        for (Dataset b : batches) {
            double[] x = b.features().toDoubleArray();
            int[] y = b.targets().orElseThrow().toIntArray();
            for (int i = 0; i < y.length; i++) {
                assertEquals(y[i], x[2 * i], "features and targets stay paired");
            }
            out.add(y);
        }
        return out;
    }

    @Test
    @DisplayName("the same key gives the same batches; iterating twice gives them again")
    void sameKeySameOrder() {
        Dataset d = rows(103);
        Iterable<Dataset> batches = d.batches(KEY, 10, false);
        List<int[]> a = targets(batches);
        List<int[]> b = targets(d.batches(RandomKey.of(4711), 10, false));
        List<int[]> again = targets(batches);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
            assertArrayEquals(a.get(i), again.get(i));
        }
    }

    @Test
    @DisplayName("different keys, and different epochs of one key, give different orders")
    void differentKeysDifferentOrder() {
        int[] a = Minibatches.permutation(KEY, 1000);
        int[] b = Minibatches.permutation(RandomKey.of(4712), 1000);
        int[] e0 = concat(targets(rows(1000).epoch(KEY, 0, 100, false)));
        int[] e1 = concat(targets(rows(1000).epoch(KEY, 1, 100, false)));
        assertFalse(Arrays.equals(a, b));
        assertFalse(Arrays.equals(e0, e1));
        assertArrayEquals(Minibatches.permutation(KEY.fold(1), 1000), e1, "epoch e uses fold(e)");
        assertFalse(Arrays.equals(a, identity(1000)), "the permutation shuffles");
    }

    @Test
    @DisplayName("every row appears exactly once per epoch; dropLast drops only the short tail")
    void everyRowOnce() {
        for (int epoch = 0; epoch < 5; epoch++) {
            List<int[]> all = targets(rows(103).epoch(KEY, epoch, 10, false));
            assertEquals(11, all.size());
            assertEquals(3, all.get(10).length);
            int[] seen = concat(all);
            Arrays.sort(seen);
            assertArrayEquals(identity(103), seen);

            List<int[]> full = targets(rows(103).epoch(KEY, epoch, 10, true));
            assertEquals(10, full.size());
            assertArrayEquals(Arrays.copyOf(concat(all), 100), concat(full));
        }
    }

    @Test
    @DisplayName("subset keeps row order and pairing; bad arguments are refused with reasons")
    void subsetAndErrors() {
        Dataset d = rows(5).subset(new int[] {4, 0, 4});
        assertEquals(Shape.of(3, 2), d.features().shape());
        assertArrayEquals(new int[] {4, 0, 4}, d.targets().orElseThrow().toIntArray());
        var e = assertThrows(IllegalArgumentException.class, () -> rows(5).subset(new int[] {5}));
        assertEquals(
                "rows: index 5 at position 0 is out of range [0, 5) for shape [5, 2]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> rows(5).batches(KEY, 0, false));
        assertEquals("minibatches: batchSize must be at least 1, found 0", e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Dataset.of(
                                        HostArray.ofFloats(new float[6], 3, 2),
                                        HostArray.ofInts(new int[2])));
        assertEquals(
                "data set: features [3, 2] and targets [2] must have the same number of"
                        + " rows (first dimension)",
                e.getMessage());
    }

    static int[] concat(List<int[]> parts) {
        return parts.stream().flatMapToInt(Arrays::stream).toArray();
    }

    static int[] identity(int n) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        return p;
    }
}
