package dev.credence.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ArrayPoolTest {
    private static final int N = ArrayPool.MIN_LENGTH;

    @Test
    void aReleasedArrayServesTheNextRequestOfItsLengthAndKind() {
        ArrayPool p = new ArrayPool(1 << 20);
        float[] a = p.floats(N);
        p.give(a);
        assertEquals(4L * N, p.heldBytes());
        assertNotSame(a, p.doubles(N), "another element type is another shelf");
        assertSame(a, p.floats(N));
        assertEquals(0, p.heldBytes());
    }

    @Test
    void smallArraysAndArraysPastTheCapacityAreLeftToTheCollector() {
        ArrayPool p = new ArrayPool(4L * N);
        float[] small = p.floats(N - 1);
        p.give(small);
        assertNotSame(small, p.floats(N - 1));
        float[] a = p.floats(N);
        float[] b = p.floats(N);
        p.give(a);
        p.give(b);
        assertEquals(4L * N, p.heldBytes(), "only one fits");
    }
}
