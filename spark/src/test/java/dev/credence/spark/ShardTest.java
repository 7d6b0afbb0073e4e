package dev.credence.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credence.api.model.Handlers;
import dev.credence.api.model.Model;
import dev.credence.api.model.Site;
import dev.credence.api.random.RandomKey;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Shards of rows, their checks and the scaling handler, without Spark. */
class ShardTest {
    static final Shard S =
            new Shard(2, 3, 2, new double[] {3, 1, 1, 2, 1, 1}, new double[] {1, 0, 1});

    @Test
    @DisplayName("select, range and canonical keep rows whole")
    void rows() {
        Shard s = S.select(new int[] {2, 0});
        assertArrayEquals(new double[] {1, 1, 3, 1}, s.features());
        assertArrayEquals(new double[] {1, 1}, s.targets());
        assertEquals(2, s.partition());
        assertArrayEquals(new double[] {1, 2}, S.range(1, 2).features());
        Shard c = S.canonical();
        assertArrayEquals(new double[] {1, 1, 1, 2, 3, 1}, c.features());
        assertArrayEquals(new double[] {1, 0, 1}, c.targets());
    }

    @Test
    @DisplayName("bad sizes, rows and values are refused with what and where")
    void refusals() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new Shard(1, 2, 2, new double[3], null));
        assertTrue(e.getMessage().contains("partition 1"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> S.select(new int[] {3}));
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Shards.number(RowFactory.create("a"), 0, "x1", 4));
        assertEquals(
                "column 'x1' in partition 4: expected a number, found String a", e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Shards.number(RowFactory.create((Object) null), 0, "x1", 4));
        assertTrue(e.getMessage().endsWith("found null"), e.getMessage());
    }

    @Test
    @DisplayName("shard scaling weighs the data plate's sites and the global ones apart")
    void scaling() {
        Model m = TestModels.logistic(2).model(S.toBatch(ExecutorBackends.get("jvm")));
        var t =
                Handlers.trace(
                        Handlers.seed(ShardScaling.apply(m, "data", 0.25, 3), RandomKey.of(1)));
        for (Site s : t.sites()) {
            if (s.isLatent()) {
                assertEquals(0.25, s.scale(), s.name());
            } else if (s.name().equals("y")) {
                assertEquals(3, s.scale(), s.name());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ShardScaling.apply(m, "data", -1, 1));
    }
}
