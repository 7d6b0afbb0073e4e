package dev.credence.api.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keys travel to the tasks of distributed runs by Java serialization. */
class RandomKeySerializationTest {

    @Test
    @DisplayName("a serialised key comes back equal and draws the same numbers")
    void roundTrip() throws IOException, ClassNotFoundException {
        RandomKey key = RandomKey.of(42).split(3)[1].fold(7);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(key);
        }
        RandomKey back;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (RandomKey) in.readObject();
        }
        assertEquals(key, back);
        assertArrayEquals(key.uniformDoubles(5), back.uniformDoubles(5));
        assertArrayEquals(key.fold(3).normalDoubles(4), back.fold(3).normalDoubles(4));
    }
}
